package org.olelo.core.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A transport without sockets, for protocol tests and embedding: {@link #inject} delivers raw bytes
 * as if a peer had sent them, and every message the server sends is queued for {@link #poll}. It runs
 * the whole server path (parser, core checks, transactions, container) exactly as the socket
 * transports do. It can pretend to be "UDP" (unreliable: the stack retransmits) or "TCP".
 */
public final class InMemoryTransport implements Transport {

    /** One message the server sent: its bytes and the peer it was addressed to. */
    public record Sent(byte[] data, InetSocketAddress to) {
        /** The message as text (SIP is UTF-8). */
        public String text() {
            return new String(data, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final String name;
    private final InetSocketAddress local;
    private final java.util.concurrent.ConcurrentHashMap<InetSocketAddress, BlockingQueue<Sent>> sent =
            new java.util.concurrent.ConcurrentHashMap<>();
    private volatile InboundSink sink;

    /**
     * @param name  "UDP" or "TCP"
     * @param local the address the server pretends to listen on
     */
    public InMemoryTransport(String name, InetSocketAddress local) {
        this.name = name;
        this.local = local;
    }

    /** An in-memory UDP transport on 127.0.0.1:5060. */
    public static InMemoryTransport udp() {
        return new InMemoryTransport("UDP", new InetSocketAddress(InetAddress.getLoopbackAddress(), 5060));
    }

    /** Connects the transport to the server's inbound path; done by the core when it starts. */
    public void attach(InboundSink sink) {
        this.sink = sink;
    }

    /** Delivers bytes as if received from {@code from}; runs the server path on the calling thread. */
    public void inject(byte[] data, InetSocketAddress from) {
        sink.onMessage(data, this, from);
    }

    /** Waits up to the timeout for the next message the server sent to {@code to}; null if none came. */
    public Sent poll(InetSocketAddress to, long timeout, TimeUnit unit) throws InterruptedException {
        return queue(to).poll(timeout, unit);
    }

    /** Takes every message sent so far, to any destination. */
    public java.util.List<Sent> drain() {
        java.util.List<Sent> out = new java.util.ArrayList<>();
        for (BlockingQueue<Sent> q : sent.values()) {
            q.drainTo(out);
        }
        return out;
    }

    private BlockingQueue<Sent> queue(InetSocketAddress to) {
        return sent.computeIfAbsent(to, k -> new LinkedBlockingQueue<>());
    }

    /** Drops every queued outbound message. */
    public void clear() {
        sent.clear();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean reliable() {
        return !name.equals("UDP");
    }

    @Override
    public InetSocketAddress localAddress() {
        return local;
    }

    @Override
    public String advertisedHost() {
        return local.getAddress().getHostAddress();
    }

    @Override
    public int advertisedPort() {
        return local.getPort();
    }

    @Override
    public void send(byte[] message, InetSocketAddress to) {
        if (to.equals(local)) {
            // addressed to this server itself: deliver it again, as a socket would, on another thread
            Thread.ofVirtual().start(() -> inject(message, local));
            return;
        }
        InboundSink s = sink;
        if (s != null) {
            s.onSending(message, this, to);
        }
        queue(to).add(new Sent(message, to));
    }

    @Override
    public void start() {
        // nothing to bind
    }

    @Override
    public void close() {
        sent.clear();
    }

    @Override
    public String toString() {
        return "memory-" + name.toLowerCase() + ":" + advertisedHost() + ":" + advertisedPort();
    }
}
