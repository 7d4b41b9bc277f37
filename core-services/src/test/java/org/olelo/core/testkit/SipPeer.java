package org.olelo.core.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A test-side SIP peer that sends raw text and reads raw messages back, so that one protocol case is
 * written once and run in memory, over UDP and over TCP ({@link Kind}).
 */
public interface SipPeer extends AutoCloseable {

    /** How the peer reaches the server. */
    enum Kind { MEMORY, UDP, TCP }

    /** Sends one message as it is (bytes exactly as given). */
    void send(byte[] message) throws IOException;

    /** Sends one message given as text. */
    default void send(String message) throws IOException {
        send(message.getBytes(StandardCharsets.UTF_8));
    }

    /** The next message the server sent to this peer, or null after the timeout. */
    String receive(long timeoutMillis) throws IOException, InterruptedException;

    /** The address the server sees this peer at. */
    InetSocketAddress address();

    /** Transport token for Via headers: UDP or TCP. */
    String transport();

    @Override
    void close();
}
