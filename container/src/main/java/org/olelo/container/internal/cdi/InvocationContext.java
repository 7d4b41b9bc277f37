package org.olelo.container.internal.cdi;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.spi.AlterableContext;
import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.servlet.sip.annotation.SipInvocationScoped;
import java.lang.annotation.Annotation;

/**
 * The context of {@link SipInvocationScoped} for one application: one instance of a bean per
 * invocation of the application's code by the container (a servlet's {@code service}, a listener
 * callback, a {@code ServletTimer} firing, a task of the managed executor), destroyed when that
 * invocation returns. An invocation that starts inside another one (a listener called while a
 * servlet changes an attribute) shares the outer one's instances.
 *
 * <p>The container brackets each invocation with {@link #begin()} and {@link #end(boolean)}, on
 * the thread that runs it, only for applications that have a bean of the scope. Those two cost a
 * thread-local read and write and allocate nothing: the storage is made when the invocation uses
 * its first bean. A thread only ever sees its own invocation; nothing blocks.
 */
public final class InvocationContext implements AlterableContext {

    /** The thread runs an invocation that has no bean instance yet. */
    private static final Object OPEN = new Object();

    /** Per thread: null outside an invocation, {@link #OPEN}, or the invocation's {@link ScopedInstances}. */
    private final ThreadLocal<Object> current = new ThreadLocal<>();

    InvocationContext() {
    }

    /**
     * Starts an invocation on the calling thread, unless one runs already.
     *
     * @return true when this call started it, and so must end it with {@link #end(boolean)}
     */
    public boolean begin() {
        if (current.get() != null) {
            return false;
        }
        current.set(OPEN);
        return true;
    }

    /**
     * Ends the calling thread's invocation: its bean instances are destroyed ({@code @PreDestroy}).
     *
     * @param started what {@link #begin()} returned; nothing is done when it is false
     */
    public void end(boolean started) {
        if (!started) {
            return;
        }
        Object v = current.get();
        // set(null) rather than remove(): it keeps the thread's entry, so the next begin() allocates nothing
        current.set(null);
        if (v instanceof ScopedInstances store) {
            store.destroyAll();
        }
    }

    @Override
    public Class<? extends Annotation> getScope() {
        return SipInvocationScoped.class;
    }

    @Override
    public boolean isActive() {
        return current.get() != null;
    }

    private ScopedInstances store(boolean create) {
        Object v = current.get();
        if (v == null) {
            throw new ContextNotActiveException("no SIP invocation is running: @SipInvocationScoped beans are only"
                    + " available while the container runs a servlet, listener, timer or task of the application");
        }
        if (v == OPEN) {
            if (!create) {
                return null;
            }
            ScopedInstances store = new ScopedInstances("invocation");
            current.set(store);
            return store;
        }
        return (ScopedInstances) v;
    }

    @Override
    public <T> T get(Contextual<T> bean, CreationalContext<T> cc) {
        return store(true).get(bean, cc);
    }

    @Override
    public <T> T get(Contextual<T> bean) {
        ScopedInstances store = store(false);
        return store == null ? null : store.get(bean);
    }

    @Override
    public void destroy(Contextual<?> bean) {
        ScopedInstances store = store(false);
        if (store != null) {
            store.destroy(bean);
        }
    }
}
