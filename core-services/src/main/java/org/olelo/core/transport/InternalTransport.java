package org.olelo.core.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.olelo.core.internal.log.LogThrottle;
import org.olelo.core.message.SipMessages;
import org.olelo.core.stats.CoreStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The path from this server to itself: a message "sent" here is handed back to the server's own
 * inbound path, in order, without touching a socket. The core uses it whenever the next hop of a
 * request is this server: one application of the container passing an initial request to the next
 * one (application composition), a request following a Record-Route entry of another application
 * of this server, and the responses to those requests.
 *
 * <p>It wears the name, advertised host and port of the server's first listening point, so that
 * Via and Record-Route entries written for it are valid addresses of this server on the network
 * too; it is never listed among the listening points. It is reliable (nothing is lost in memory),
 * so transactions over it do not retransmit.
 *
 * <p>Nothing can go round it for ever: each pass costs a request one Max-Forwards
 * ({@link InternalHopBudget}: a request without the header is dropped), and the queue is bounded
 * ({@value #CAPACITY} messages, {@value #CAPACITY_BYTES} bytes): when it is full, what is sent is
 * dropped. Drops are counted ({@link CoreStatistics.Event#INTERNAL_DROPPED}) and logged at most
 * once every 10 s.
 *
 * <p>Threads: {@link #send} never blocks, from any thread. One platform reader thread takes the
 * messages in the order they were queued and runs the core's inbound path on them, as a UDP reader
 * thread does for datagrams.
 */
public final class InternalTransport implements Transport {

    /** Messages the queue holds at most: far more than the reader has to catch up with in normal work. */
    public static final int CAPACITY = 4096;
    /** Bytes the queue holds at most. */
    public static final long CAPACITY_BYTES = 16L << 20;

    private static final Logger LOG = LoggerFactory.getLogger(InternalTransport.class);
    private static final byte[] STOP = new byte[0];

    private final String name;
    private final InetSocketAddress local;
    private final InetSocketAddress source;
    private final String advertisedHost;
    private final int advertisedPort;
    private final InboundSink sink;
    private final CoreStatistics statistics;
    private final ArrayBlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(CAPACITY + 1);
    private final AtomicLong queuedBytes = new AtomicLong();
    private final LongAdder delivered = new LongAdder();
    private final LogThrottle dropLog = new LogThrottle(10, TimeUnit.SECONDS);
    private volatile Thread reader;
    private volatile boolean closed;

    /**
     * @param mirror the listening point whose name and addresses this transport wears
     * @param sink   the server's inbound path
     */
    public InternalTransport(Transport mirror, InboundSink sink) {
        this(mirror, sink, new CoreStatistics());
    }

    /**
     * @param mirror     the listening point whose name and addresses this transport wears
     * @param sink       the server's inbound path
     * @param statistics where dropped messages are counted
     */
    public InternalTransport(Transport mirror, InboundSink sink, CoreStatistics statistics) {
        this.name = mirror.name();
        this.local = mirror.localAddress();
        this.advertisedHost = mirror.advertisedHost();
        this.advertisedPort = mirror.advertisedPort();
        this.source = new InetSocketAddress(InetAddress.getLoopbackAddress(), advertisedPort);
        this.sink = sink;
        this.statistics = statistics;
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

    /**
     * Queues the message for this server's own inbound path, a request with one hop taken off its
     * Max-Forwards; drops it when it has no hop left or the queue is full. {@code to} is not used.
     */
    @Override
    public void send(byte[] message, InetSocketAddress to) {
        byte[] m = message;
        if (SipMessages.isRequest(m)) {
            m = InternalHopBudget.take(m);
            if (m == null) {
                dropped("a request to this server itself had no Max-Forwards left");
                return;
            }
        }
        if (closed) {
            return;
        }
        if (queuedBytes.addAndGet(m.length) > CAPACITY_BYTES || queue.size() >= CAPACITY || !queue.offer(m)) {
            queuedBytes.addAndGet(-m.length);
            dropped("the queue of messages to this server itself is full");
        }
    }

    private void dropped(String why) {
        statistics.count(CoreStatistics.Event.INTERNAL_DROPPED);
        long held = dropLog.tryLog();
        if (held >= 0) {
            LOG.warn("{}: message dropped: {} ({} more dropped since the last report)", this, why, held);
        }
    }

    /** Messages handed to the inbound path so far. */
    public long delivered() {
        return delivered.sum();
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
            queuedBytes.addAndGet(-m.length);
            delivered.increment();
            try {
                sink.onMessage(m, this, source);
            } catch (RuntimeException e) {
                LOG.warn("internal message dropped: {}", e.toString(), e);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        queue.clear();
        queue.offer(STOP); // the one place kept free above CAPACITY
    }

    @Override
    public String toString() {
        return "internal-" + name.toLowerCase() + ":" + advertisedHost + ":" + advertisedPort;
    }
}
