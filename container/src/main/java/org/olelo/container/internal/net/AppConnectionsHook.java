package org.olelo.container.internal.net;

import jakarta.servlet.ServletContext;
import java.net.InetSocketAddress;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.olelo.api.net.ClosedConnection;
import org.olelo.api.net.Connections;
import org.olelo.container.internal.deploy.AppServices;
import org.olelo.container.internal.deploy.AppServicesFactory;
import org.olelo.container.internal.deploy.ForwardingAppServicesFactory;
import org.olelo.core.spi.ConnectionEvents;
import org.olelo.core.spi.ConnectionListener;
import org.olelo.core.transport.Transport;

/**
 * Gives each deployed application version its own {@link AppConnections} (context attribute
 * {@link Connections#ATTRIBUTE}, before its listeners run) and passes the connections the core
 * reports closed to the listeners the applications added. Wraps the container's
 * {@link AppServicesFactory}; the application's listeners go with its release (undeployed,
 * replaced or failed).
 *
 * <p>Threads: the core reports on a transport reader thread, which must not block; each report is
 * handed to one virtual thread that tells the listeners (they may block on a database). The
 * factory methods run on the deployer thread.
 */
public final class AppConnectionsHook extends ForwardingAppServicesFactory implements ConnectionListener, AutoCloseable {

    private final ConnectionEvents events;
    private final Map<AppServices, AppConnections> byServices = new IdentityHashMap<>();
    private final ExecutorService tell = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("olelo-connection-closed").factory());

    /**
     * @param next   the container's factory
     * @param events the core's reports of closed connections (this hook listens from now on)
     */
    public AppConnectionsHook(AppServicesFactory next, ConnectionEvents events) {
        super(next);
        this.events = events;
        events.add(this);
    }

    @Override
    public void contextCreated(String appName, AppServices services, ServletContext context) {
        super.contextCreated(appName, services, context);
        AppConnections c = new AppConnections(appName);
        synchronized (byServices) {
            byServices.put(services, c);
        }
        context.setAttribute(Connections.ATTRIBUTE, c);
    }

    @Override
    public void release(String appName, AppServices services) {
        AppConnections c;
        synchronized (byServices) {
            c = byServices.remove(services);
        }
        if (c != null) {
            c.clear();
        }
        super.release(appName, services);
    }

    @Override
    public void connectionClosed(Transport transport, InetSocketAddress peer) {
        ClosedConnection closed = new ClosedConnection(transport.name(), peer.getAddress().getHostAddress(), peer.getPort());
        AppConnections[] apps;
        synchronized (byServices) {
            apps = byServices.values().toArray(AppConnections[]::new);
        }
        if (apps.length == 0) {
            return;
        }
        try {
            tell.execute(() -> {
                for (AppConnections a : apps) {
                    a.closed(closed);
                }
            });
        } catch (RejectedExecutionException e) {
            // the server is stopping
        }
    }

    /** Stops listening to the core. */
    @Override
    public void close() {
        events.remove(this);
        tell.shutdown();
    }
}
