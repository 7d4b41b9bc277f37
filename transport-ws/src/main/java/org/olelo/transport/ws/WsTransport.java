package org.olelo.transport.ws;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ServerSocketFactory;
import org.olelo.core.spi.TransportContext;
import org.olelo.core.stats.CoreStatistics;
import org.olelo.core.transport.ListenAddress;
import org.olelo.core.transport.TcpLimits;
import org.olelo.core.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A SIP over WebSocket listening point (RFC 7118), {@code ws:} on a plain server socket or
 * {@code wss:} on a TLS one. One virtual thread accepts; each connection has one virtual reader
 * thread ({@link WsConnection}) that does the opening handshake, then reads messages and hands
 * each to the core's sink. Connections are kept by peer address, so that responses, and requests
 * to a user registered over one, go back over it.
 *
 * <p>This listening point never connects out: a browser cannot be called, it calls. A send to a
 * peer without an open connection fails with an {@link IOException}, which the core answers as
 * for an unreachable TCP peer. A connection that closes after its handshake is reported through
 * {@link TransportContext#connectionClosed}, so that registrations reached only through it go.
 *
 * <p>Limits are the TCP listening points' ({@link TcpLimits}, keys {@code tcp.*}): a new connection
 * from an address with {@code maxPerAddress} open, or beyond {@code maxConnections} open, is closed
 * at once; a connection idle for the idle timeout is closed; the handshake and each message must
 * complete within the message timeout. Refusals and timeouts are counted with TCP's.
 *
 * <p>Threads: {@link #send} may be called from any thread; it blocks on the connection's write lock
 * and the socket's send buffer, never on a connect.
 */
final class WsTransport implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(WsTransport.class);

    private final ListenAddress listen;
    private final TransportContext context;
    private final WsSettings settings;
    private final ServerSocketFactory sockets;
    private final TcpLimits limits;
    private final ConcurrentHashMap<InetSocketAddress, WsConnection> connections = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    /** Every accepted connection not yet closed, handshakes included (closed with the listening point). */
    private final Set<WsConnection> live = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;
    private volatile InetSocketAddress bound;
    private volatile String advertisedHost;
    private volatile Thread acceptThread;
    private volatile boolean running;

    /**
     * @param sockets makes the server socket: the plain one for {@code ws}, a TLS one for {@code wss}
     */
    WsTransport(ListenAddress listen, TransportContext context, WsSettings settings, ServerSocketFactory sockets) {
        this.listen = listen;
        this.context = context;
        this.settings = settings;
        this.sockets = sockets;
        this.limits = context.tcpLimits();
    }

    @Override
    public String name() {
        return listen.transport();
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
        return advertisedHost;
    }

    @Override
    public int advertisedPort() {
        return bound.getPort();
    }

    @Override
    public void start() throws IOException {
        ServerSocket s = sockets.createServerSocket();
        try {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(listen.host(), listen.port()), 1024);
        } catch (IOException e) {
            s.close();
            throw e;
        }
        server = s;
        bound = (InetSocketAddress) s.getLocalSocketAddress();
        InetAddress a = bound.getAddress();
        if (a.isAnyLocalAddress()) {
            try {
                a = InetAddress.getLocalHost();
            } catch (IOException e) {
                a = InetAddress.getLoopbackAddress();
            }
        }
        String host = a.getHostAddress();
        advertisedHost = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        running = true;
        acceptThread = Thread.ofVirtual().name("sip-" + name().toLowerCase(Locale.ROOT) + "-accept-" + bound.getPort()).start(this::acceptLoop);
    }

    private void acceptLoop() {
        while (running) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                if (!running) {
                    return;
                }
                LOG.debug("{}: accepting a connection failed: {}", this, e.toString());
                pause();
                continue;
            }
            InetAddress from = s.getInetAddress();
            AtomicInteger n = perAddress.computeIfAbsent(from, k -> new AtomicInteger());
            if (n.incrementAndGet() > limits.maxPerAddress()) {
                release(from);
                refuse(s, from, "tcp.max.connections.per.address");
                continue;
            }
            if (open.incrementAndGet() > limits.maxConnections()) {
                open.decrementAndGet();
                release(from);
                refuse(s, from, "tcp.max.connections");
                continue;
            }
            WsConnection c = new WsConnection(this, s);
            live.add(c);
            Thread.ofVirtual().name("sip-" + name().toLowerCase(Locale.ROOT) + "-" + c.peer()).start(c::run);
        }
    }

    private void refuse(Socket s, InetAddress from, String cap) {
        context.statistics().count(CoreStatistics.Event.TCP_CONNECTION_REFUSED);
        LOG.debug("{}: closed a new connection from {} at once: {} reached", this, from.getHostAddress(), cap);
        reset(s);
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void release(InetAddress a) {
        perAddress.computeIfPresent(a, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
    }

    private static void reset(Socket s) {
        try {
            s.setSoLinger(true, 0);
        } catch (SocketException ignored) {
            // closed below anyway
        }
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** The connection finished its handshake: requests for its peer go over it from now on. */
    void upgraded(WsConnection c) {
        WsConnection old = connections.put(c.peer(), c);
        if (old != null && old != c) {
            old.close(FrameReader.GOING_AWAY);
        }
    }

    /** The connection closed; called once per accepted connection, by its reader or a failed send. */
    void closed(WsConnection c, boolean wasUpgraded) {
        open.decrementAndGet();
        live.remove(c);
        release(c.peer().getAddress());
        if (wasUpgraded && connections.remove(c.peer(), c)) {
            context.connectionClosed(this, c.peer());
        }
    }

    @Override
    public void send(byte[] message, InetSocketAddress to) throws IOException {
        WsConnection c = connections.get(to);
        if (c == null || !c.isOpen()) {
            throw new IOException("no WebSocket connection from " + to + " (a WebSocket listening point does not connect out)");
        }
        context.sink().onSending(message, this, to);
        c.send(message);
    }

    /** Open connections, handshakes included (tests). */
    int connectionCount() {
        return open.get();
    }

    TransportContext context() {
        return context;
    }

    WsSettings settings() {
        return settings;
    }

    TcpLimits limits() {
        return limits;
    }

    @Override
    public void close() {
        running = false;
        try {
            ServerSocket s = server;
            if (s != null) {
                s.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        Thread t = acceptThread;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        live.forEach(c -> c.close(FrameReader.GOING_AWAY));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT) + ":" + advertisedHost + ":" + (bound == null ? listen.port() : bound.getPort());
    }
}
