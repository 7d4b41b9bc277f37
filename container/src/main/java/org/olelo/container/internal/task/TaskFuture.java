package org.olelo.container.internal.task;

import jakarta.enterprise.concurrent.ManagedTaskListener;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.olelo.container.internal.session.AppContext;
import org.olelo.container.internal.session.SipApplicationSessionImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One submitted task of an application and its future: run once or repeatedly, on the serial
 * executor of its application session (as the current session, with the application's class
 * loader) or, without a session, on a virtual thread of its own. While it is unfinished it is
 * registered with its session; when it completes, fails or is cancelled it leaves the session and
 * its {@code ManagedTaskListener} hears of it.
 *
 * <p>Threads: created on the submitting thread; a delay runs out on the container's timer thread,
 * which only queues the task; {@link #get()} refuses to wait on the executor that would have to
 * run the awaited task, since that wait could never end.
 */
final class TaskFuture<V> extends FutureTask<V> implements RunnableScheduledFuture<V> {

    private static final Logger LOG = LoggerFactory.getLogger(TaskFuture.class);

    private final AppTaskExecutor owner;
    private final String id;
    private final Object task;
    private final AppContext app;
    private final SipApplicationSessionImpl session;
    private final ManagedTaskListener listener;
    private final Repeat repeat;
    private final Remember<V> call;
    private volatile long due;
    private volatile ScheduledFuture<?> timer;

    /**
     * @param task     what the application submitted (told to the listener)
     * @param call     what runs
     * @param session  the application session the task belongs to, or null
     * @param repeat   how the task repeats, or null to run it once
     */
    TaskFuture(AppTaskExecutor owner, String id, Object task, Callable<V> call, AppContext app,
               SipApplicationSessionImpl session, ManagedTaskListener listener, Repeat repeat) {
        this(owner, id, task, new Remember<>(call), app, session, listener, repeat);
    }

    private TaskFuture(AppTaskExecutor owner, String id, Object task, Remember<V> call, AppContext app,
                       SipApplicationSessionImpl session, ManagedTaskListener listener, Repeat repeat) {
        super(call);
        this.owner = owner;
        this.id = id;
        this.task = task;
        this.call = call;
        this.app = app;
        this.session = session;
        this.listener = listener;
        this.repeat = repeat;
    }

    /** Tells the task's listener that it was submitted. */
    void submitted() {
        tell("taskSubmitted", () -> listener.taskSubmitted(this, owner, task));
    }

    /** The identifier under which its session lists the task. */
    String id() {
        return id;
    }

    /** The application session of the task, or null. */
    SipApplicationSessionImpl session() {
        return session;
    }

    /** Plans the next run at {@code when} ({@code System.currentTimeMillis()}); negative: none, so the task ends. */
    void planAt(long when) {
        if (isDone()) {
            return;
        }
        if (when < 0) {
            set(call.last);
            return;
        }
        due = when;
        long delay = when - System.currentTimeMillis();
        if (delay <= 0) {
            dispatch();
        } else {
            timer = owner.timers().schedule(this::dispatch, delay);
            if (isDone()) {
                timer.cancel(false);
            }
        }
    }

    private void dispatch() {
        if (isDone()) {
            return;
        }
        if (session != null) {
            session.executor().execute(this::runInSession);
        } else {
            owner.carrier().execute(() -> app.runInContext(this));
        }
    }

    private void runInSession() {
        if (!session.isValid()) {
            cancel(false);
            return;
        }
        session.access();
        session.runAsCurrent("task " + id, this);
    }

    @Override
    public void run() {
        if (isDone()) {
            return;
        }
        long dueNow = due;
        if (repeat != null && repeat.skip(dueNow)) {
            planAt(repeat.next(dueNow, dueNow, dueNow, call.last));
            return;
        }
        tell("taskStarting", () -> listener.taskStarting(this, owner, task));
        if (repeat == null) {
            super.run();
            return;
        }
        long start = System.currentTimeMillis();
        if (runAndReset()) {
            planAt(repeat.next(dueNow, start, System.currentTimeMillis(), call.last));
        }
    }

    /** Runs the task and keeps the result of each run: the last one is a repeating task's value. */
    private static final class Remember<V> implements Callable<V> {

        private final Callable<V> call;
        private volatile V last;

        Remember(Callable<V> call) {
            this.call = call;
        }

        @Override
        public V call() throws Exception {
            V v = call.call();
            last = v;
            return v;
        }
    }

    @Override
    protected void done() {
        ScheduledFuture<?> t = timer;
        if (t != null) {
            t.cancel(false);
        }
        if (session != null) {
            session.removeTask(id, this);
        }
        Throwable failure = null;
        if (isCancelled()) {
            failure = new CancellationException("task " + id + " was cancelled");
            Throwable f = failure;
            tell("taskAborted", () -> listener.taskAborted(this, owner, task, f));
        } else {
            try {
                super.get();
            } catch (ExecutionException e) {
                failure = e.getCause();
            } catch (InterruptedException | CancellationException e) {
                failure = e;
            }
        }
        Throwable f = failure;
        tell("taskDone", () -> listener.taskDone(this, owner, task, f));
    }

    private void tell(String what, Runnable call) {
        if (listener == null) {
            return;
        }
        try {
            app.runInContext(call);
        } catch (RuntimeException e) {
            LOG.warn("{}: ManagedTaskListener.{} failed for task {}", app.name(), what, id, e);
        }
    }

    @Override
    public V get() throws InterruptedException, ExecutionException {
        refuseSelfWait();
        return super.get();
    }

    @Override
    public V get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        refuseSelfWait();
        return super.get(timeout, unit);
    }

    private void refuseSelfWait() {
        if (!isDone() && session != null && session.executor().inExecutor()) {
            throw new IllegalStateException("task " + id + " runs on the executor of application session "
                    + session.getId() + ", which this thread is running: waiting for it here would never end");
        }
    }

    @Override
    public boolean isPeriodic() {
        return repeat != null;
    }

    @Override
    public long getDelay(TimeUnit unit) {
        return unit.convert(due - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public int compareTo(Delayed o) {
        return Long.compare(getDelay(TimeUnit.MILLISECONDS), o.getDelay(TimeUnit.MILLISECONDS));
    }

    @Override
    public String toString() {
        return "task " + id + (session == null ? "" : " of application session " + session.getId());
    }
}
