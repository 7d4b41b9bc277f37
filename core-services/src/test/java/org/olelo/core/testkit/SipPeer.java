package org.olelo.core.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

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

    /** Sends one message a builder writes. */
    default void send(SipBuilder message) throws IOException {
        send(message.bytes());
    }

    /** The next message the server sent to this peer, or null after the timeout. */
    String receive(long timeoutMillis) throws IOException, InterruptedException;

    /** The next message that is not a 100 Trying, or null once {@code timeoutMillis} have passed. */
    default String next(long timeoutMillis) throws IOException, InterruptedException {
        return receiveUntil(timeoutMillis, m -> SipText.status(m) != 100);
    }

    /** The next final response (requests and provisional responses are passed over), or null after the timeout. */
    default String finalResponse(long timeoutMillis) throws IOException, InterruptedException {
        return receiveUntil(timeoutMillis, m -> SipText.status(m) >= 200);
    }

    /**
     * Sends a request and returns the next final response this peer gets (provisional responses
     * and requests are passed over); fails the test when none comes within 5 s.
     */
    default String finalResponseTo(SipBuilder request) throws IOException, InterruptedException {
        return finalResponseTo(request.build());
    }

    /** Like {@link #finalResponseTo(SipBuilder)}, for a request written out already. */
    default String finalResponseTo(String text) throws IOException, InterruptedException {
        send(text);
        String r = finalResponse(5000);
        if (r == null) {
            throw new AssertionError("no final response within 5 s to:\n" + text);
        }
        return r;
    }

    /** The next message that {@code wanted} accepts, passing over the others, or null after the timeout. */
    default String receiveUntil(long timeoutMillis, Predicate<String> wanted)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return null;
            }
            String m = receive(left);
            if (m == null || wanted.test(m)) {
                return m;
            }
        }
    }

    /** The address the server sees this peer at. */
    InetSocketAddress address();

    /** Transport token for Via headers: UDP or TCP. */
    String transport();

    @Override
    void close();
}
