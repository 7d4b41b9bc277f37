package org.olelo.apps.media.ng;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The UDP side of rtpengine's ng control protocol: a request is a cookie, a space and a bencoded
 * dictionary; the answer repeats the cookie. A request without an answer is sent again with the
 * same cookie (rtpengine answers a repeated cookie from its cache, so a command is never applied
 * twice) every {@code retransmit}, {@code tries} times in all, and then fails as not answered.
 *
 * <p>One socket on an ephemeral port serves every instance; one platform daemon thread of its own
 * reads the answers and hands each to the waiting caller by cookie. An answer from another address
 * than the one asked, with an unknown cookie or malformed, is dropped. {@link #request} blocks the
 * calling thread (the application's virtual thread) for at most {@code retransmit * tries}; the
 * table of pending requests holds one entry per blocked caller. Thread-safe.
 */
public final class NgClient implements AutoCloseable {

    /** The largest datagram read: an ng answer carries an SDP body. */
    private static final int MAX_DATAGRAM = 65_535;

    private final DatagramSocket socket;
    private final Duration retransmit;
    private final int tries;
    private final String cookiePrefix;
    private final AtomicLong next = new AtomicLong();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Thread reader;
    private final AtomicLong dropped = new AtomicLong();

    private record Pending(InetSocketAddress to, CompletableFuture<Map<String, Object>> answer) {
    }

    /**
     * Opens the socket and starts the reader.
     *
     * @param retransmit time to wait for an answer before sending again (positive)
     * @param tries      how many times a request is sent in all (at least 1)
     */
    public NgClient(Duration retransmit, int tries) throws SocketException {
        if (retransmit.isNegative() || retransmit.isZero() || tries < 1) {
            throw new IllegalArgumentException("retransmit must be positive and tries at least 1");
        }
        this.retransmit = retransmit;
        this.tries = tries;
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        this.cookiePrefix = HexFormat.of().formatHex(random) + "_";
        this.socket = new DatagramSocket();
        this.reader = Thread.ofPlatform().daemon().name("rtpengine-ng-" + socket.getLocalPort()).start(this::read);
    }

    /**
     * Sends {@code command} to {@code to} and waits for its answer.
     *
     * @return the answer's dictionary, whatever its {@code result}
     * @throws NgException when no answer came after every try, or the request could not be sent
     */
    public Map<String, Object> request(InetSocketAddress to, Map<String, Object> command) throws NgException {
        String cookie = cookiePrefix + Long.toString(next.incrementAndGet(), 36);
        byte[] body;
        try {
            body = Bencode.encode(command);
        } catch (BencodeException e) {
            throw new IllegalArgumentException("command cannot be encoded: " + e.getMessage(), e);
        }
        byte[] head = (cookie + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] datagram = new byte[head.length + body.length];
        System.arraycopy(head, 0, datagram, 0, head.length);
        System.arraycopy(body, 0, datagram, head.length, body.length);
        Pending p = new Pending(to, new CompletableFuture<>());
        pending.put(cookie, p);
        try {
            for (int i = 0; i < tries; i++) {
                try {
                    socket.send(new DatagramPacket(datagram, datagram.length, to));
                } catch (IOException e) {
                    throw new NgException("cannot send to " + describe(to) + ": " + e.getMessage(), true);
                }
                try {
                    return p.answer().get(retransmit.toNanos(), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    // not yet: send again
                } catch (ExecutionException e) {
                    throw new NgException("request to " + describe(to) + " failed: " + e.getCause().getMessage(), true);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new NgException("interrupted while waiting for " + describe(to), true);
                }
            }
            throw new NgException(describe(to) + " did not answer within " + retransmit.multipliedBy(tries).toMillis()
                    + " ms (" + tries + " tries)", true);
        } finally {
            pending.remove(cookie);
        }
    }

    /** Datagrams dropped since the start: unknown cookie, wrong sender or malformed. */
    public long dropped() {
        return dropped.get();
    }

    private void read() {
        byte[] buffer = new byte[MAX_DATAGRAM];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!socket.isClosed()) {
            try {
                packet.setLength(buffer.length);
                socket.receive(packet);
                accept(packet);
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
            } catch (RuntimeException e) {
                dropped.incrementAndGet(); // a datagram must never end the reader
            }
        }
    }

    private void accept(DatagramPacket packet) {
        byte[] data = packet.getData();
        int off = packet.getOffset();
        int len = packet.getLength();
        int space = -1;
        for (int i = off; i < off + Math.min(len, 128); i++) {
            if (data[i] == ' ') {
                space = i;
                break;
            }
        }
        if (space < 0) {
            dropped.incrementAndGet();
            return;
        }
        String cookie = new String(data, off, space - off, StandardCharsets.US_ASCII);
        Pending p = pending.get(cookie);
        if (p == null || !p.to().equals(packet.getSocketAddress())) {
            dropped.incrementAndGet();
            return;
        }
        try {
            if (Bencode.decode(data, space + 1, off + len - space - 1) instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<String, Object> answer = (Map<String, Object>) m;
                p.answer().complete(answer);
                return;
            }
        } catch (BencodeException e) {
            // counted below; the request is retransmitted and may get a better answer
        }
        dropped.incrementAndGet();
    }

    /** {@code udp:HOST:PORT} of an address, as instances are configured. */
    public static String describe(InetSocketAddress a) {
        String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        return "udp:" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    /** The local port the requests leave from. */
    public int localPort() {
        return socket.getLocalPort();
    }

    /** Closes the socket; the reader ends and blocked callers time out. */
    @Override
    public void close() {
        socket.close();
        try {
            reader.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
