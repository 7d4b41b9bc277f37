package org.olelo.core.spi;

import java.net.InetSocketAddress;

/**
 * Told when a stream connection (TCP, and the stream kinds of plug-ins) that carried SIP ends, for
 * whatever reason: the peer closed it, it failed, it idled out or was closed to make room. Flows of
 * RFC 5626 are bound to such connections, so their users learn here that the flow failed.
 *
 * <p>Registered with {@code SipCore.addConnectionListener}. Threads: called on the thread that
 * closed the connection (its reader, or a sender whose write failed), after the connection left the
 * transport's table; an implementation must return quickly and must not block on the network.
 */
@FunctionalInterface
public interface ConnectionListener {

    /**
     * @param transport the transport kind in upper case as written in Via ({@code TCP}, {@code TLS}...)
     * @param local     the local address of the listening point the connection belonged to
     * @param peer      the peer's address and port (where messages to it went)
     */
    void connectionClosed(String transport, InetSocketAddress local, InetSocketAddress peer);
}
