package org.olelo.core.spi;

import java.net.InetSocketAddress;
import java.util.concurrent.CopyOnWriteArrayList;
import org.olelo.core.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners of closed connections: a transport reports each connection it loses through
 * {@link TransportContext#connectionClosed}, the core passes it to every
 * {@link ConnectionListener} added here. One per core ({@code SipCore.connectionEvents()}).
 *
 * <p>Threads: {@link #add} and {@link #remove} from any thread; {@link #closed} runs the
 * listeners on the calling thread, in the order they were added, and a listener that throws does
 * not keep the others from being told. Cost per closed connection: one call per listener.
 */
public final class ConnectionEvents {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionEvents.class);

    private final CopyOnWriteArrayList<ConnectionListener> listeners = new CopyOnWriteArrayList<>();

    /** Adds a listener; it is told of every connection closed from now on. */
    public void add(ConnectionListener l) {
        listeners.add(l);
    }

    /** Removes a listener added before; nothing happens for another. */
    public void remove(ConnectionListener l) {
        listeners.remove(l);
    }

    /**
     * Tells every listener that a connection closed.
     *
     * @param transport the listening point of the connection
     * @param peer      the peer's address
     */
    public void closed(Transport transport, InetSocketAddress peer) {
        for (ConnectionListener l : listeners) {
            try {
                l.connectionClosed(transport, peer);
            } catch (RuntimeException e) {
                LOG.warn("{}: a listener of closed connections failed for {}", transport, peer, e);
            }
        }
    }
}
