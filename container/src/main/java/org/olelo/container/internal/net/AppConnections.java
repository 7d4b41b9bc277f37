package org.olelo.container.internal.net;

import java.util.concurrent.CopyOnWriteArrayList;
import org.olelo.api.net.ClosedConnection;
import org.olelo.api.net.Connections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One application version's {@link Connections}: its listeners of closed connections. Thread-safe;
 * listeners run on the thread that calls {@link #closed}, with the application's class loader as
 * the context class loader.
 */
final class AppConnections implements Connections {

    private static final Logger LOG = LoggerFactory.getLogger(AppConnections.class);

    private final String appName;
    private final CopyOnWriteArrayList<ClosedListener> listeners = new CopyOnWriteArrayList<>();

    AppConnections(String appName) {
        this.appName = appName;
    }

    @Override
    public Registration onClosed(ClosedListener listener) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ClosedListener wrapped = c -> {
            Thread t = Thread.currentThread();
            ClassLoader before = t.getContextClassLoader();
            t.setContextClassLoader(loader);
            try {
                listener.connectionClosed(c);
            } finally {
                t.setContextClassLoader(before);
            }
        };
        listeners.add(wrapped);
        return () -> listeners.remove(wrapped);
    }

    /** Tells every listener; one that throws is logged and does not keep the others from running. */
    void closed(ClosedConnection c) {
        for (ClosedListener l : listeners) {
            try {
                l.connectionClosed(c);
            } catch (RuntimeException e) {
                LOG.warn("application {}: its listener of closed connections failed for {} {}", appName, c.transport(),
                        c.received(), e);
            }
        }
    }

    /** Drops every listener (the application is gone). */
    void clear() {
        listeners.clear();
    }
}
