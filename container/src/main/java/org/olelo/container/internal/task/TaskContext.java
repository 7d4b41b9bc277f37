package org.olelo.container.internal.task;

import jakarta.enterprise.concurrent.ContextService;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.olelo.container.internal.factory.AppLookup;
import org.olelo.container.internal.session.AppContext;
import org.olelo.container.internal.session.CurrentApplicationSession;
import org.olelo.container.internal.session.SipApplicationSessionImpl;

/**
 * The {@code ContextService} of an application's managed executor. The context it captures when
 * it wraps an object is the application (its class loader) and the current application session
 * of the wrapping thread; the wrapped object runs on the thread that calls it, with that class
 * loader and that session as the current one ({@code SipSessionsUtil.getCurrentApplicationSession()}),
 * and the thread's own context is put back afterwards. A contextual object does not run on the
 * session's serial executor: to run there, submit a task. Any thread.
 */
final class TaskContext implements ContextService {

    private final AppTaskExecutor owner;
    private final AppLookup lookup;
    private final String appName;

    TaskContext(AppTaskExecutor owner, AppLookup lookup, String appName) {
        this.owner = owner;
        this.lookup = lookup;
        this.appName = appName;
    }

    /** The context of the calling thread, to apply later. */
    private Captured capture() {
        AppContext app = lookup.version();
        if (app == null) {
            throw new IllegalStateException("application " + appName + " is not deployed");
        }
        SipApplicationSessionImpl s = CurrentApplicationSession.get();
        return new Captured(app, s != null && s.getApplicationName().equals(appName) ? s : null);
    }

    /** A captured context: runs code with the application's class loader and the session as current. */
    private record Captured(AppContext app, SipApplicationSessionImpl session) {

        <R> R call(Callable<R> code) throws Exception {
            Object[] result = new Object[1];
            Exception[] failure = new Exception[1];
            app.runInContext(() -> {
                SipApplicationSessionImpl previous = CurrentApplicationSession.enter(session);
                try {
                    result[0] = code.call();
                } catch (Exception e) {
                    failure[0] = e;
                } finally {
                    CurrentApplicationSession.restore(previous);
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
            @SuppressWarnings("unchecked")
            R r = (R) result[0];
            return r;
        }

        <R> R get(Supplier<R> code) {
            try {
                return call(code::get);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        void run(Runnable code) {
            get(() -> {
                code.run();
                return null;
            });
        }
    }

    @Override
    public <R> Callable<R> contextualCallable(Callable<R> callable) {
        Captured c = capture();
        return () -> c.call(callable);
    }

    @Override
    public <T, U> BiConsumer<T, U> contextualConsumer(BiConsumer<T, U> consumer) {
        Captured c = capture();
        return (t, u) -> c.run(() -> consumer.accept(t, u));
    }

    @Override
    public <T> Consumer<T> contextualConsumer(Consumer<T> consumer) {
        Captured c = capture();
        return t -> c.run(() -> consumer.accept(t));
    }

    @Override
    public <T, U, R> BiFunction<T, U, R> contextualFunction(BiFunction<T, U, R> function) {
        Captured c = capture();
        return (t, u) -> c.get(() -> function.apply(t, u));
    }

    @Override
    public <T, R> Function<T, R> contextualFunction(Function<T, R> function) {
        Captured c = capture();
        return t -> c.get(() -> function.apply(t));
    }

    @Override
    public Runnable contextualRunnable(Runnable runnable) {
        Captured c = capture();
        return () -> c.run(runnable);
    }

    @Override
    public <R> Supplier<R> contextualSupplier(Supplier<R> supplier) {
        Captured c = capture();
        return () -> c.get(supplier);
    }

    @Override
    public <T> Flow.Subscriber<T> contextualSubscriber(Flow.Subscriber<T> subscriber) {
        return createContextualProxy(subscriber, Flow.Subscriber.class);
    }

    @Override
    public <T, R> Flow.Processor<T, R> contextualProcessor(Flow.Processor<T, R> processor) {
        return createContextualProxy(processor, Flow.Processor.class);
    }

    @Override
    public <T> T createContextualProxy(T instance, Class<T> intf) {
        return createContextualProxy(instance, null, intf);
    }

    @Override
    public Object createContextualProxy(Object instance, Class<?>... interfaces) {
        return createContextualProxy(instance, null, interfaces);
    }

    @Override
    public <T> T createContextualProxy(T instance, Map<String, String> executionProperties, Class<T> intf) {
        return intf.cast(createContextualProxy(instance, executionProperties, new Class<?>[] {intf}));
    }

    @Override
    public Object createContextualProxy(Object instance, Map<String, String> executionProperties, Class<?>... interfaces) {
        Objects.requireNonNull(instance, "instance");
        if (interfaces == null || interfaces.length == 0) {
            throw new IllegalArgumentException("no interface to proxy");
        }
        for (Class<?> i : interfaces) {
            if (!i.isInstance(instance)) {
                throw new IllegalArgumentException(instance.getClass().getName() + " does not implement " + i.getName());
            }
        }
        Handler h = new Handler(instance, capture(), executionProperties == null ? Map.of() : Map.copyOf(executionProperties));
        return Proxy.newProxyInstance(instance.getClass().getClassLoader(), interfaces, h);
    }

    /** Calls the interface methods of a contextual proxy in the captured context; Object's methods as they are. */
    private record Handler(Object target, Captured context, Map<String, String> properties) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(target, args);
            }
            try {
                return context.call(() -> method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    @Override
    public Executor currentContextExecutor() {
        Captured c = capture();
        return c::run;
    }

    @Override
    public Map<String, String> getExecutionProperties(Object contextualProxy) {
        if (contextualProxy == null || !Proxy.isProxyClass(contextualProxy.getClass())
                || !(Proxy.getInvocationHandler(contextualProxy) instanceof Handler h)) {
            throw new IllegalArgumentException("not a contextual proxy of this ContextService");
        }
        return h.properties();
    }

    @Override
    public <T> CompletableFuture<T> withContextCapture(CompletableFuture<T> stage) {
        return owner.copy(stage);
    }

    @Override
    public <T> CompletionStage<T> withContextCapture(CompletionStage<T> stage) {
        return owner.copy(stage);
    }
}
