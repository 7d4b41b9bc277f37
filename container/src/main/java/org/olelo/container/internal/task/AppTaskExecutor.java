package org.olelo.container.internal.task;

import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedTask;
import jakarta.enterprise.concurrent.ManagedTaskListener;
import jakarta.enterprise.concurrent.Trigger;
import jakarta.servlet.sip.SipServlet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.olelo.container.internal.factory.AppLookup;
import org.olelo.container.internal.session.AppContext;
import org.olelo.container.internal.session.CurrentApplicationSession;
import org.olelo.container.internal.session.SessionManager;
import org.olelo.container.internal.session.SipApplicationSessionImpl;
import org.olelo.core.message.SipMessages;
import org.olelo.core.transaction.TransactionTimers;

/**
 * The managed executor of one deployed application version, both its
 * {@code ManagedExecutorService} and its {@code ManagedScheduledExecutorService}. Each task
 * belongs to the application session named by its {@link ManagedTask} execution properties
 * ({@link SipServlet#SIP_APPLICATIONSESSION_ID}; or {@link SipServlet#SIP_APPLICATIONSESSION_KEY},
 * the session created when {@link SipServlet#SIP_APPLICATIONSESSION_CREATE} is {@code "true"}),
 * else to the current application session of the submitting thread, else to none (see the
 * package description for what follows). A named session that does not exist, belongs to another
 * application or is ending rejects the task. Its identifier is its
 * {@link ManagedTask#IDENTITY_NAME} when given (unique among the session's unfinished tasks),
 * else one the container makes.
 *
 * <p>As Jakarta Concurrency requires, the life-cycle methods ({@code shutdown},
 * {@code awaitTermination}, …) throw {@link IllegalStateException}: the container ends the
 * tasks, with their sessions. Any thread.
 */
public final class AppTaskExecutor extends AbstractExecutorService implements ManagedScheduledExecutorService {

    private final String appName;
    private final AppLookup lookup;
    private final SessionManager sessions;
    private final TransactionTimers timers;
    private final Executor carrier;
    private final TaskContext context;

    /**
     * @param appName  the application's name
     * @param lookup   finds the deployed version this executor serves
     * @param sessions the session table
     * @param timers   the container's timer thread, for delays
     * @param carrier  virtual threads, for tasks outside any session
     */
    public AppTaskExecutor(String appName, AppLookup lookup, SessionManager sessions, TransactionTimers timers,
                           Executor carrier) {
        this.appName = appName;
        this.lookup = lookup;
        this.sessions = sessions;
        this.timers = timers;
        this.carrier = carrier;
        this.context = new TaskContext(this, lookup, appName);
    }

    TransactionTimers timers() {
        return timers;
    }

    Executor carrier() {
        return carrier;
    }

    // ------------------------------------------------------------------ submission

    private <V> TaskFuture<V> start(Object task, Callable<V> call, long delayMillis, Repeat repeat) {
        TaskFuture<V> f = create(task, call, repeat);
        f.planAt(System.currentTimeMillis() + Math.max(0, delayMillis));
        return f;
    }

    private <V> TaskFuture<V> create(Object task, Callable<V> call, Repeat repeat) {
        Objects.requireNonNull(task, "task");
        AppContext app = lookup.version();
        if (app == null) {
            throw new RejectedExecutionException("application " + appName + " is not deployed");
        }
        ManagedTask managed = task instanceof ManagedTask mt ? mt : null;
        Map<String, String> props = managed == null || managed.getExecutionProperties() == null
                ? Map.of() : managed.getExecutionProperties();
        SipApplicationSessionImpl s = sessionFor(props, app);
        String name = props.get(ManagedTask.IDENTITY_NAME);
        String id = name != null && !name.isEmpty() ? name : SipMessages.token(12);
        ManagedTaskListener listener = managed == null ? null : managed.getManagedTaskListener();
        TaskFuture<V> f = new TaskFuture<>(this, id, task, call, app, s, listener, repeat);
        if (s != null && !s.addTask(id, f)) {
            throw new RejectedExecutionException("application session " + s.getId()
                    + " is ending or already has an unfinished task " + id);
        }
        f.submitted();
        return f;
    }

    private SipApplicationSessionImpl sessionFor(Map<String, String> props, AppContext app) {
        String id = props.get(SipServlet.SIP_APPLICATIONSESSION_ID);
        String key = props.get(SipServlet.SIP_APPLICATIONSESSION_KEY);
        if (id == null && key != null) {
            id = SessionManager.keyId(appName, key);
            SipApplicationSessionImpl s = sessions.applicationSession(id);
            if ((s == null || !s.isValid()) && "true".equalsIgnoreCase(props.get(SipServlet.SIP_APPLICATIONSESSION_CREATE))) {
                return sessions.createApplicationSession(app, id);
            }
        }
        if (id != null) {
            SipApplicationSessionImpl s = sessions.applicationSession(id);
            if (s == null || !s.isValid() || !s.getApplicationName().equals(appName)) {
                throw new RejectedExecutionException("no application session " + (key != null ? "with key " + key : id)
                        + " in application " + appName);
            }
            return s;
        }
        SipApplicationSessionImpl current = CurrentApplicationSession.get();
        return current != null && current.getApplicationName().equals(appName) ? current : null;
    }

    @Override
    public void execute(Runnable command) {
        Object task = command instanceof Carrier<?> c ? c.task : command;
        start(task, Executors.callable(command), 0, null);
    }

    @Override
    public Future<?> submit(Runnable task) {
        return start(task, Executors.callable(task), 0, null);
    }

    @Override
    public <T> Future<T> submit(Runnable task, T result) {
        return start(task, Executors.callable(task, result), 0, null);
    }

    @Override
    public <T> Future<T> submit(Callable<T> task) {
        return start(task, task, 0, null);
    }

    /** Futures of {@code invokeAll}/{@code invokeAny} that remember the task, for its execution properties. */
    @Override
    protected <T> RunnableFuture<T> newTaskFor(Callable<T> callable) {
        return new Carrier<>(callable, callable);
    }

    @Override
    protected <T> RunnableFuture<T> newTaskFor(Runnable runnable, T value) {
        return new Carrier<>(runnable, Executors.callable(runnable, value));
    }

    private static final class Carrier<T> extends FutureTask<T> {

        private final Object task;

        Carrier(Object task, Callable<T> call) {
            super(call);
            this.task = task;
        }
    }

    // ------------------------------------------------------------------ scheduling

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return start(command, Executors.callable(command), unit.toMillis(delay), null);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return start(callable, callable, unit.toMillis(delay), null);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return start(command, Executors.callable(command), unit.toMillis(initialDelay), Repeat.fixedRate(positive(period, unit)));
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return start(command, Executors.callable(command), unit.toMillis(initialDelay), Repeat.fixedDelay(positive(delay, unit)));
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, Trigger trigger) {
        return triggered(command, Executors.callable(command), trigger);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, Trigger trigger) {
        return triggered(callable, callable, trigger);
    }

    private <V> TaskFuture<V> triggered(Object task, Callable<V> call, Trigger trigger) {
        Objects.requireNonNull(trigger, "trigger");
        String name = task instanceof ManagedTask mt && mt.getExecutionProperties() != null
                ? mt.getExecutionProperties().get(ManagedTask.IDENTITY_NAME) : null;
        TriggerRepeat repeat = new TriggerRepeat(trigger, name == null ? task.toString() : name);
        TaskFuture<V> f = create(task, call, repeat);
        f.planAt(repeat.first());
        return f;
    }

    private static long positive(long period, TimeUnit unit) {
        long ms = unit.toMillis(period);
        if (ms <= 0) {
            throw new IllegalArgumentException("the period must be at least one millisecond, got " + period + " " + unit);
        }
        return ms;
    }

    // ------------------------------------------------------------------ completion stages

    @Override
    public <U> CompletableFuture<U> completedFuture(U value) {
        ManagedFuture<U> f = new ManagedFuture<>(this);
        f.complete(value);
        return f;
    }

    @Override
    public <U> CompletionStage<U> completedStage(U value) {
        return completedFuture(value);
    }

    @Override
    public <U> CompletableFuture<U> failedFuture(Throwable ex) {
        ManagedFuture<U> f = new ManagedFuture<>(this);
        f.completeExceptionally(ex);
        return f;
    }

    @Override
    public <U> CompletionStage<U> failedStage(Throwable ex) {
        return failedFuture(ex);
    }

    @Override
    public <T> CompletableFuture<T> copy(CompletableFuture<T> stage) {
        return ManagedFuture.copyOf(this, stage);
    }

    @Override
    public <T> CompletionStage<T> copy(CompletionStage<T> stage) {
        return ManagedFuture.copyOf(this, stage);
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new ManagedFuture<>(this);
    }

    @Override
    public CompletableFuture<Void> runAsync(Runnable runnable) {
        return supplyAsync(() -> {
            runnable.run();
            return null;
        });
    }

    @Override
    public <U> CompletableFuture<U> supplyAsync(Supplier<U> supplier) {
        ManagedFuture<U> f = new ManagedFuture<>(this);
        execute(() -> {
            try {
                f.complete(supplier.get());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    @Override
    public ContextService getContextService() {
        return context;
    }

    // ------------------------------------------------------------------ life cycle (the container's)

    @Override
    public void shutdown() {
        throw lifeCycle("shutdown");
    }

    @Override
    public List<Runnable> shutdownNow() {
        throw lifeCycle("shutdownNow");
    }

    @Override
    public boolean isShutdown() {
        throw lifeCycle("isShutdown");
    }

    @Override
    public boolean isTerminated() {
        throw lifeCycle("isTerminated");
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        throw lifeCycle("awaitTermination");
    }

    private static IllegalStateException lifeCycle(String method) {
        return new IllegalStateException(method + ": the container manages this executor's life cycle");
    }

    @Override
    public String toString() {
        return "ManagedScheduledExecutorService[" + appName + "]";
    }
}
