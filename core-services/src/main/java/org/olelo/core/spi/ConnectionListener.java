package org.olelo.core.spi;

import java.net.InetSocketAddress;
import org.olelo.core.transport.Transport;

/**
 * Told when a connection of a stream listening point has closed, for state that depends on that
 * connection (registrations reached through it: a WebSocket client cannot be reached any other
 * way, nor can an RFC 5626 flow). Added to {@link ConnectionEvents}.
 *
 * <p>Threads: called on the thread that closed the connection (a transport's reader thread, or a
 * sending thread whose write failed). It must not block: hand anything that waits (a database, an
 * application) to another thread.
 */
@FunctionalInterface
public interface ConnectionListener {

    /**
     * A connection is gone: nothing more is read from it, and a send to its peer over this
     * listening point now fails unless the transport can open a new connection.
     *
     * @param transport the listening point the connection belonged to ({@link Transport#name()}
     *                  is the Via transport, e.g. {@code WS})
     * @param peer      the peer's address as the core saw it in each message (the
     *                  {@code received}/{@code rport} of the requests that came over it)
     */
    void connectionClosed(Transport transport, InetSocketAddress peer);
}
