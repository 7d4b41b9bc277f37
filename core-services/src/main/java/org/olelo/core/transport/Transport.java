package org.olelo.core.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.cert.Certificate;

/**
 * A bound listening point that reads SIP messages and sends them. Implementations: UDP and TCP
 * (in {@code org.olelo.core.internal.transport}), the socket-free {@link InMemoryTransport} used
 * by protocol tests, and the {@link InternalTransport} by which the server sends to itself.
 *
 * <p>{@link #send} may be called from any thread at the same time.
 */
public interface Transport extends AutoCloseable {

    /** Upper-case transport name as written in a Via header: "UDP" or "TCP". */
    String name();

    /** True for stream transports, where the stack does not retransmit. */
    boolean reliable();

    /** The bound local address (with the real port when 0 was asked for). */
    InetSocketAddress localAddress();

    /** Host written in Via and Record-Route for this listening point. */
    String advertisedHost();

    /** Port written in Via and Record-Route for this listening point. */
    int advertisedPort();

    /**
     * Sends one complete message to the peer. Stream transports reuse an open connection to that
     * peer or open one.
     *
     * @throws IOException when the message could not be handed to the operating system
     */
    void send(byte[] message, InetSocketAddress to) throws IOException;

    /**
     * The certificate chain the peer of an open connection proved it holds (a TLS client
     * certificate, leaf first); null when there is none, or no such connection.
     *
     * @param peer the peer's address, as the message from it was handed to the sink
     */
    default Certificate[] peerCertificates(InetSocketAddress peer) {
        return null;
    }

    /**
     * Reads the listening point's credentials (TLS certificate, key, trusted CAs) again from their
     * files: new connections use them, open ones keep theirs. May block on reading files.
     *
     * @return true when this listening point has credentials (and reloaded them), false when it has none
     * @throws IOException when a file is missing or wrong; the credentials in use stay
     */
    default boolean reloadCredentials() throws IOException {
        return false;
    }

    /** Starts reading; messages go to the sink given at construction. */
    void start() throws IOException;

    /** Stops reading and releases the socket(s). */
    @Override
    void close();
}
