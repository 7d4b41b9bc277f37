package org.olelo.core.internal.transport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.security.cert.Certificate;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.olelo.core.internal.log.LogThrottle;
import org.olelo.core.stats.CoreStatistics;
import org.olelo.core.transport.InboundSink;
import org.olelo.core.transport.ListenAddress;
import org.olelo.core.transport.StreamSockets;
import org.olelo.core.transport.TcpLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP listening point. One virtual thread accepts; each connection, accepted or opened by us to
 * send, has one virtual reader thread that frames messages ({@link StreamFramer}) and hands each to
 * the sink. Connections are kept in a table by peer address so responses and later requests reuse
 * them (RFC 3261 §18). A connection whose stream cannot be framed is closed; others are unaffected.
 *
 * <p>Limits ({@link TcpLimits}): a new connection from an address that already has
 * {@code maxPerAddress} accepted connections open is closed as soon as it is accepted. At
 * {@code maxConnections} open connections a new one makes room by closing the oldest accepted
 * connection that has not carried a SIP message yet (idle connections opened to hold slots go
 * first, phones that registered stay), and is closed itself when every open connection has carried
 * one. A connection without traffic for the idle timeout is closed; a message
 * whose first byte arrived must be complete within the message timeout (slow senders cannot hold a
 * reader for ever). A double-CRLF keep-alive is answered with a CRLF (RFC 5626 §3.5.1). When
 * accepting fails (out of file descriptors), the accept thread backs off, 10 ms doubling up to 1 s,
 * instead of spinning. Each of these events is counted in {@link CoreStatistics} and logged at most
 * once per {@value #LOG_INTERVAL_SECONDS} s.
 *
 * <p>The socket layer ({@link StreamSockets}) is plain TCP for {@code tcp:}; a plug-in (TLS) wraps
 * each accepted socket in it, sets the connection up on its reader thread before the first read
 * (within the message timeout) and opens outgoing connections through it.
 *
 * <p>Threads: the reader of a connection blocks only in its socket read, with a timeout set before
 * each read to the nearer of its two deadlines; {@link #send} may block on the connection's write
 * lock and on the socket's send buffer, or for the connect timeout when it has to open a connection.
 * The end of a connection is reported to {@link InboundSink#onConnectionClosed} on the closing
 * thread (while the listening point runs).
 */
final class TcpTransport extends AbstractTransport {

    private static final Logger LOG = LoggerFactory.getLogger(TcpTransport.class);
    static final int LOG_INTERVAL_SECONDS = 10;
    private static final byte[] PONG = {'\r', '\n'};

    private final ConcurrentHashMap<InetSocketAddress, Connection> connections = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    /** Accepted connections open per peer address (an entry disappears with its last connection). */
    private final ConcurrentHashMap<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    /**
     * Accepted connections in accept order; those that carried a message or closed are skipped when
     * polled, and swept out once the queue holds twice the cap (so each costs O(1) over its life).
     * Added to and polled by the accept thread only, as is {@link #queued}, its length.
     */
    private final ConcurrentLinkedQueue<Connection> unproven = new ConcurrentLinkedQueue<>();
    private int queued;
    private final int connectTimeoutMillis;
    private final TcpLimits limits;
    private final CoreStatistics statistics;
    private final StreamSockets sockets;
    private final LogThrottle refusedLog = new LogThrottle(LOG_INTERVAL_SECONDS, TimeUnit.SECONDS);
    private final LogThrottle acceptLog = new LogThrottle(LOG_INTERVAL_SECONDS, TimeUnit.SECONDS);
    private final LogThrottle framingLog = new LogThrottle(LOG_INTERVAL_SECONDS, TimeUnit.SECONDS);
    private final LogThrottle evictedLog = new LogThrottle(LOG_INTERVAL_SECONDS, TimeUnit.SECONDS);
    private ServerSocket server;
    /** The thread of {@link #acceptLoop}, joined by {@link #close}. */
    private volatile Thread acceptThread;
    private volatile boolean running;

    /**
     * @param limits     connection cap and timeouts
     * @param statistics where refused and timed-out connections are counted
     * @param sockets    the socket layer: plain TCP, or one that wraps each connection (TLS)
     */
    TcpTransport(ListenAddress listen, InboundSink sink, int maxMessageBytes, int connectTimeoutMillis,
                 TcpLimits limits, CoreStatistics statistics, StreamSockets sockets) {
        super(listen, sink, maxMessageBytes, InetAddress::getLocalHost);
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.limits = limits;
        this.statistics = statistics;
        this.sockets = sockets;
    }

    @Override
    public boolean reliable() {
        return true;
    }

    @Override
    public void start() throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(listen.host(), listen.port()), 1024);
        bound((InetSocketAddress) server.getLocalSocketAddress());
        running = true;
        acceptThread = Thread.ofVirtual().name("sip-tcp-accept-" + bound.getPort()).start(this::acceptLoop);
    }

    private void acceptLoop() {
        AcceptBackoff backoff = new AcceptBackoff();
        while (running) {
            Socket s;
            try {
                s = server.accept();
                backoff.succeeded();
            } catch (IOException e) {
                if (!running) {
                    return;
                }
                long pause = backoff.failed();
                long held = acceptLog.tryLog();
                if (held >= 0) {
                    LOG.warn("{}: accepting a connection failed ({}), {} more failures since the last report;"
                            + " retrying after a pause of up to 1 s", this, e.getMessage(), held);
                }
                pause(pause);
                continue;
            }
            InetAddress from = s.getInetAddress();
            if (!admitFrom(from)) {
                refuse(s, "tcp.max.connections.per.address", from);
                continue;
            }
            if (open.get() >= limits.maxConnections() && !evictUnproven()) {
                release(from);
                refuse(s, "tcp.max.connections", null);
                continue;
            }
            try {
                register(sockets.accepted(s), from);
            } catch (IOException e) {
                release(from);
                closeQuietly(s);
            }
        }
    }

    /** Counts a new accepted connection from {@code a}; false (nothing counted) when it has its share. */
    private boolean admitFrom(InetAddress a) {
        AtomicInteger n = perAddress.computeIfAbsent(a, k -> new AtomicInteger());
        if (n.incrementAndGet() > limits.maxPerAddress()) {
            release(a);
            return false;
        }
        return true;
    }

    /** Uncounts an accepted connection from {@code a}; the entry goes with the last one. */
    private void release(InetAddress a) {
        perAddress.computeIfPresent(a, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
    }

    /**
     * At the cap: closes the oldest accepted connection that has not carried a SIP message yet.
     * Constant work per connection over its life: each is queued once and polled at most once.
     *
     * @return true when one was closed, false when every open connection has carried a message
     */
    private boolean evictUnproven() {
        Connection c;
        while ((c = unproven.poll()) != null) {
            queued--;
            if (!c.proven && !c.closed.get()) {
                statistics.count(CoreStatistics.Event.TCP_CONNECTION_EVICTED);
                c.reset();
                long held = evictedLog.tryLog();
                if (held >= 0) {
                    LOG.warn("{}: {} connections open (tcp.max.connections); closed {}, which had carried no message,"
                            + " to make room ({} more closed so since the last report)", this, open.get(), c.peer, held);
                }
                return true;
            }
        }
        return false;
    }

    /** Closes a connection over a cap at once, with a reset so that no state lingers on our side. */
    private void refuse(Socket s, String cap, InetAddress from) {
        statistics.count(CoreStatistics.Event.TCP_CONNECTION_REFUSED);
        resetQuietly(s);
        long held = refusedLog.tryLog();
        if (held >= 0) {
            LOG.warn("{}: {} ({}); new connections{} are closed at once ({} more refused since the last report)",
                    this, from == null ? open.get() + " connections open, each has carried messages"
                            : "connections from " + from.getHostAddress() + " at the limit",
                    cap, from == null ? "" : " from there", held);
        }
    }

    private static void resetQuietly(Socket s) {
        try {
            s.setSoLinger(true, 0);
        } catch (SocketException ignored) {
            // closed below anyway
        }
        closeQuietly(s);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /**
     * @param s    the connected socket
     * @param from the peer address when the connection was accepted (counted per address, and
     *             queued as unproven), null for one this server opened
     */
    private Connection register(Socket s, InetAddress from) throws IOException {
        s.setTcpNoDelay(true);
        s.setKeepAlive(true);
        Connection c = new Connection(s, from);
        open.incrementAndGet();
        if (from != null) {
            unproven.add(c);
            if (++queued > 2 * limits.maxConnections()) {
                unproven.removeIf(q -> q.proven || q.closed.get()); // what is left is open: at most the cap
                queued = 0;
                unproven.forEach(q -> queued++);
            }
        }
        Connection old = connections.put(c.peer, c);
        if (old != null && old != c) {
            old.close();
        }
        Thread.ofVirtual().name("sip-" + name().toLowerCase(java.util.Locale.ROOT) + "-" + c.peer).start(c::readLoop);
        return c;
    }

    @Override
    public void send(byte[] message, InetSocketAddress to) throws IOException {
        Connection c = connections.get(to);
        if (c == null || c.closed.get()) {
            c = connect(to);
        }
        sink.onSending(message, this, to);
        try {
            c.write(message);
        } catch (IOException e) {
            c.close();
            throw e;
        }
    }

    private Connection connect(InetSocketAddress to) throws IOException {
        Socket s = sockets.connect(to, connectTimeoutMillis);
        try {
            return register(s, null);
        } catch (IOException e) {
            closeQuietly(s);
            throw e;
        }
    }

    @Override
    public boolean reloadCredentials() throws IOException {
        return sockets.reloadCredentials();
    }

    @Override
    public Certificate[] peerCertificates(InetSocketAddress peer) {
        Connection c = connections.get(peer);
        return c == null ? null : sockets.peerCertificates(c.socket);
    }

    /** Number of open connections (statistics and tests). */
    public int connectionCount() {
        return open.get();
    }

    @Override
    public void close() {
        running = false;
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        awaitAcceptLoop();
        connections.values().forEach(Connection::close);
    }

    /**
     * Waits (briefly) for the accept loop to leave {@code accept()}: the system releases the port
     * only then, so that once {@link #close} returns the port can be bound again (a restart).
     */
    private void awaitAcceptLoop() {
        Thread t = acceptThread;
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        try {
            t.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One TCP connection: a socket, a write lock and the reader loop. */
    private final class Connection {
        final Socket socket;
        final InetSocketAddress peer;
        final OutputStream out;
        final ReentrantLock writeLock = new ReentrantLock();
        final AtomicBoolean closed = new AtomicBoolean();
        /** The accepting side's count key, null for a connection this server opened. */
        final InetAddress accepted;
        /** Set once a SIP message was read from it: no longer a candidate to make room at the cap. */
        volatile boolean proven;
        /** System.nanoTime() of the last byte read or written. */
        volatile long lastActivity = System.nanoTime();

        Connection(Socket socket, InetAddress accepted) throws IOException {
            this.socket = socket;
            this.accepted = accepted;
            this.peer = (InetSocketAddress) socket.getRemoteSocketAddress();
            this.out = socket.getOutputStream();
        }

        void write(byte[] message) throws IOException {
            writeLock.lock();
            try {
                out.write(message);
                out.flush();
                lastActivity = System.nanoTime();
            } finally {
                writeLock.unlock();
            }
        }

        void readLoop() {
            try {
                if (accepted != null) {
                    socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, limits.messageTimeoutSeconds() * 1000L));
                    sockets.handshake(socket);
                }
                StreamFramer framer = new StreamFramer(socket.getInputStream(), maxMessageBytes);
                long messageStart = -1;
                long idleNanos = TimeUnit.SECONDS.toNanos(limits.idleTimeoutSeconds());
                long messageNanos = TimeUnit.SECONDS.toNanos(limits.messageTimeoutSeconds());
                while (true) {
                    byte[] msg;
                    boolean delivered = false;
                    while ((msg = framer.poll()) != null) {
                        deliver(msg);
                        delivered = true;
                    }
                    for (int p = framer.takePings(); p > 0; p--) {
                        statistics.count(CoreStatistics.Event.CRLF_PING); // before the pong its reader may check
                        write(PONG);
                    }
                    long now = System.nanoTime();
                    if (!framer.inMessage()) {
                        messageStart = -1;
                    } else if (messageStart < 0 || delivered) {
                        messageStart = now; // the first bytes of the next message are here
                    }
                    long wait = messageStart >= 0 ? messageStart + messageNanos - now
                            : idleNanos > 0 ? lastActivity + idleNanos - now : Long.MAX_VALUE;
                    if (wait <= 0) {
                        timedOut(messageStart >= 0);
                        return;
                    }
                    socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(wait) + 1));
                    int n;
                    try {
                        n = framer.read();
                    } catch (SocketTimeoutException e) {
                        continue; // the deadlines are checked again above (a write may have kept the connection alive)
                    }
                    if (n < 0) {
                        return;
                    }
                    lastActivity = System.nanoTime();
                }
            } catch (StreamFramer.FramingException e) {
                // any peer can cause this line: INFO at most once per interval, the rest at DEBUG
                long held = framingLog.tryLog();
                if (held >= 0) {
                    LOG.info("{}: closing connection from {}: {} ({} more closed for a framing error since the last"
                            + " report)", TcpTransport.this, peer, e.getMessage(), held);
                } else {
                    LOG.debug("{}: closing connection from {}: {}", TcpTransport.this, peer, e.getMessage());
                }
            } catch (IOException e) {
                LOG.debug("{}: connection {} ended: {}", TcpTransport.this, peer, e.toString());
            } finally {
                close();
            }
        }

        private void deliver(byte[] msg) {
            proven = true;
            try {
                sink.onMessage(msg, TcpTransport.this, peer);
            } catch (RuntimeException e) {
                LOG.error("{}: message handling failed", TcpTransport.this, e);
            }
        }

        private void timedOut(boolean inMessage) {
            if (inMessage) {
                statistics.count(CoreStatistics.Event.TCP_MESSAGE_TIMEOUT);
                LOG.debug("{}: closing connection from {}: a message did not complete within {} s", TcpTransport.this,
                        peer, limits.messageTimeoutSeconds());
            } else {
                statistics.count(CoreStatistics.Event.TCP_IDLE_CLOSED);
                LOG.debug("{}: closing connection from {}: idle for {} s", TcpTransport.this, peer,
                        limits.idleTimeoutSeconds());
            }
        }

        void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            open.decrementAndGet();
            if (accepted != null) {
                release(accepted);
            }
            boolean current = connections.remove(peer, this);
            closeQuietly(socket);
            if (current && running) {
                sink.onConnectionClosed(TcpTransport.this, peer); // not for one replaced by a newer connection
            }
        }

        /** Closes with a reset (made room for another connection); the reader ends on its own. */
        void reset() {
            try {
                socket.setSoLinger(true, 0);
            } catch (SocketException ignored) {
                // closed below anyway
            }
            close();
        }
    }
}
