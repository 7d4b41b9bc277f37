package org.olelo.core.plugin;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.olelo.core.transport.InboundSink;
import org.olelo.core.transport.Transport;

/**
 * A listening point on the {@link FakeNetwork}: one reader thread of its own takes each datagram
 * and hands it to the core's sink, as a UDP listening point does; sending queues the bytes for
 * the peer. Its Via name is "FAKE". Reliable, so that transactions over it do not retransmit.
 */
final class FakeTransport implements Transport {

    private final InetSocketAddress wanted;
    private final InboundSink sink;
    private volatile InetSocketAddress bound;
    private volatile boolean running;
    private Thread reader;

    private final String name;

    FakeTransport(InetSocketAddress wanted, InboundSink sink) {
        this(wanted, sink, "FAKE");
    }

    /** A fake listening point that calls itself {@code name} in Via (e.g. "WS", to route as one). */
    FakeTransport(InetSocketAddress wanted, InboundSink sink, String name) {
        this.wanted = wanted;
        this.sink = sink;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean reliable() {
        return true;
    }

    @Override
    public InetSocketAddress localAddress() {
        return bound;
    }

    @Override
    public String advertisedHost() {
        return bound.getAddress().getHostAddress();
    }

    @Override
    public int advertisedPort() {
        return bound.getPort();
    }

    @Override
    public void send(byte[] message, InetSocketAddress to) {
        sink.onSending(message, this, to);
        FakeNetwork.send(message, bound, to);
    }

    @Override
    public void start() {
        bound = FakeNetwork.bind(wanted);
        running = true;
        reader = Thread.ofPlatform().daemon().name("fake-reader-" + bound.getPort()).start(this::readLoop);
    }

    private void readLoop() {
        while (running) {
            try {
                FakeNetwork.Datagram d = FakeNetwork.receive(bound, 100, TimeUnit.MILLISECONDS);
                if (d != null) {
                    sink.onMessage(d.data(), this, d.from());
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        if (bound != null) {
            FakeNetwork.unbind(bound);
        }
    }

    @Override
    public String toString() {
        return "fake:" + advertisedHost() + ":" + advertisedPort();
    }
}
