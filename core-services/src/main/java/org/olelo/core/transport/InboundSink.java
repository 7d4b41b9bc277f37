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
}
