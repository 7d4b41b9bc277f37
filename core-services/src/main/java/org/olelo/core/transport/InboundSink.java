package org.olelo.core.transport;

import java.net.InetSocketAddress;

/**
 * Receives every complete message a transport reads: one datagram, or one framed message of a stream.
 * Runs on the transport's reader thread; implementations must not block for long.
 */
@FunctionalInterface
public interface InboundSink {

    /**
     * Called with the raw bytes of one message.
     *
     * @param data   the message bytes; owned by the callee from now on
     * @param via    the transport that read them
     * @param source the peer address the bytes came from
     */
    void onMessage(byte[] data, Transport via, InetSocketAddress source);

    /**
     * Called by a listening point on the sending thread right before it writes a message to the
     * network (for message taps, so that what is traced precedes any answer to it); does nothing
     * unless overridden.
     *
     * @param data the bytes to be written (not to be modified)
     * @param via  the transport that writes them
     * @param to   the peer they go to
     */
    default void onSending(byte[] data, Transport via, InetSocketAddress to) {
    }

    /**
     * Called by the core's TCP listening point (and the TLS one built on it) once a connection that
     * was in its table has closed; the core passes it to its
     * {@link org.olelo.core.spi.ConnectionEvents}. On the closing thread; does nothing unless
     * overridden.
     *
     * @param via  the transport the connection belonged to
     * @param peer the peer's address
     */
    default void onConnectionClosed(Transport via, InetSocketAddress peer) {
    }
}
