package org.olelo.core.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The path from this server to itself: a message "sent" here is handed back to the server's own
 * inbound path, in order, without touching a socket. The core uses it whenever the next hop of a
 * request or response is this server: one application of the container passing an initial request
 * to the next one (application composition), a request following a Record-Route entry of another
 * application of this server, or a response whose next Via is ours.
 *
 * <p>It wears the name, advertised host and port of the server's first listening point, so that
 * Via and Record-Route entries written for it are valid addresses of this server on the network
 * too; it is never listed among the listening points. It is reliable (nothing is lost in memory),
 * so transactions over it do not retransmit.
 *
 * <p>Threads: {@link #send} queues and returns at once, from any thread. One platform reader thread
 * takes the messages in the order they were queued and runs the core's inbound path on them, as a
 * UDP reader thread does for datagrams.
 */
public final class InternalTransport implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(InternalTransport.class);
    private static final byte[] STOP = new byte[0];

    private final String name;
    private final InetSocketAddress local;
    private final InetSocketAddress source;
    private final String advertisedHost;
    private final int advertisedPort;
    private final InboundSink sink;
    private final LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
    private volatile Thread reader;

    /**
     * @param mirror the listening point whose name and addresses this transport wears
     * @param sink   the server's inbound path
     */
    public InternalTransport(Transport mirror, InboundSink sink) {
        this.name = mirror.name();
        this.local = mirror.localAddress();
        this.advertisedHost = mirror.advertisedHost();
        this.advertisedPort = mirror.advertisedPort();
        this.source = new InetSocketAddress(InetAddress.getLoopbackAddress(), advertisedPort);
        this.sink = sink;
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
        return local;
    }

    @Override
    public String advertisedHost() {
        return advertisedHost;
    }

    @Override
    public int advertisedPort() {
        return advertisedPort;
    }

    /** Queues the message for this server's own inbound path; {@code to} is not used. */
    @Override
    public void send(byte[] message, InetSocketAddress to) {
        queue.add(message);
    }

    @Override
    public synchronized void start() {
        if (reader == null) {
            reader = Thread.ofPlatform().daemon().name("sip-internal").start(this::readLoop);
        }
    }

    private void readLoop() {
        while (true) {
            byte[] m;
            try {
                m = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (m == STOP) {
                return;
            }
            try {
                sink.onMessage(m, this, source);
            } catch (RuntimeException e) {
                LOG.warn("internal message dropped: {}", e.toString(), e);
            }
        }
    }

    @Override
    public void close() {
        queue.clear();
        queue.add(STOP);
    }

    @Override
    public String toString() {
        return "internal-" + name.toLowerCase() + ":" + advertisedHost + ":" + advertisedPort;
    }
}
