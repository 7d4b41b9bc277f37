package org.olelo.container.internal.cdi;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.olelo.container.internal.session.SessionBeans;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contextual instances of one scope instance: the beans of one application session, or of one
 * invocation. At most one instance per bean; created under the object's lock (creation may create
 * further beans of the same store, which the lock allows), read without it. Once
 * {@link #destroyAll()} ran, no instance is created any more. Any thread: the beans of an
 * application session are used on its executor and, for converged applications, by HTTP threads.
 */
final class ScopedInstances implements SessionBeans {

    private static final Logger LOG = LoggerFactory.getLogger(ScopedInstances.class);

    private final Map<Contextual<?>, Stored<?>> instances = new ConcurrentHashMap<>(4);
    private final String what;
    private volatile boolean ended;

    /** @param what the scope instance, for messages ("application session X", "invocation") */
    ScopedInstances(String what) {
        this.what = what;
    }

    /** The bean's instance, or null when it has none here. */
    @SuppressWarnings("unchecked")
    <T> T get(Contextual<T> bean) {
        Stored<?> s = instances.get(bean);
        return s == null ? null : (T) s.instance;
    }

    /**
     * The bean's instance, created with {@code cc} when it has none here.
     *
     * @throws ContextNotActiveException when the scope instance has ended
     */
    @SuppressWarnings("unchecked")
    <T> T get(Contextual<T> bean, CreationalContext<T> cc) {
        Stored<?> s = instances.get(bean);
        if (s != null) {
            return (T) s.instance;
        }
        synchronized (this) {
            s = instances.get(bean);
            if (s == null) {
                if (ended) {
                    throw new ContextNotActiveException("the " + what + " has ended; its beans were destroyed");
                }
                T created = bean.create(cc);
                s = new Stored<>(bean, created, cc);
                instances.put(bean, s);
            }
            return (T) s.instance;
        }
    }

    /** Destroys the bean's instance here, if it has one. */
    void destroy(Contextual<?> bean) {
        Stored<?> s = instances.remove(bean);
        if (s != null) {
            s.destroy();
        }
    }

    /** Destroys every instance (in no particular order) and refuses new ones. */
    @Override
    public void destroyAll() {
        List<Stored<?>> all;
        synchronized (this) {
            ended = true;
            all = new ArrayList<>(instances.values());
            instances.clear();
        }
        for (Stored<?> s : all) {
            try {
                s.destroy();
            } catch (RuntimeException e) {
                LOG.warn("The {} ended, but the destruction of its bean {} failed", what, s.bean, e);
            }
        }
    }

    /** True when no instance is held. */
    boolean isEmpty() {
        return instances.isEmpty();
    }

    /** One instance with what created it. */
    private record Stored<T>(Contextual<T> bean, T instance, CreationalContext<T> cc) {
        void destroy() {
            bean.destroy(instance, cc);
        }
    }
}
