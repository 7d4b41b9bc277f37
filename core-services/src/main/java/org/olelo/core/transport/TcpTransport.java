package org.olelo.core.transport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP listening point. One virtual thread accepts; each connection, accepted or opened by us to
 * send, has one virtual reader thread that frames messages ({@link StreamFramer}) and hands each to
 * the sink. Connections are kept in a table by peer address so responses and later requests reuse
 * them (RFC 3261 §18). A connection whose stream cannot be framed is closed; others are unaffected.
 */
public final class TcpTransport extends AbstractTransport {

    private static final Logger LOG = LoggerFactory.getLogger(TcpTransport.class);

    private final ConcurrentHashMap<InetSocketAddress, Connection> connections = new ConcurrentHashMap<>();
    private final int connectTimeoutMillis;
    private ServerSocket server;
    private volatile boolean running;

    public TcpTransport(ListenAddress listen, InboundSink sink, int maxMessageBytes, int connectTimeoutMillis) {
        super(listen, sink, maxMessageBytes);
        this.connectTimeoutMillis = connectTimeoutMillis;
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
        bound = (InetSocketAddress) server.getLocalSocketAddress();
        running = true;
        Thread.ofVirtual().name("sip-tcp-accept-" + bound.getPort()).start(this::acceptLoop);
    }

    private void acceptLoop() {
        while (running) {
            try {
                Socket s = server.accept();
                register(s);
            } catch (IOException e) {
                if (running) {
                    LOG.warn("{}: accept failed: {}", this, e.toString());
                }
            }
        }
    }

    private Connection register(Socket s) throws SocketException {
        s.setTcpNoDelay(true);
        s.setKeepAlive(true);
        Connection c = new Connection(s);
        Connection old = connections.put(c.peer, c);
        if (old != null && old != c) {
            old.close();
        }
        Thread.ofVirtual().name("sip-tcp-" + c.peer).start(c::readLoop);
        return c;
    }

    @Override
    public void send(byte[] message, InetSocketAddress to) throws IOException {
        Connection c = connections.get(to);
        if (c == null || c.closed) {
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
        Socket s = new Socket();
        s.connect(to, connectTimeoutMillis);
        return register(s);
    }

    /** Number of open connections (statistics and tests). */
    public int connectionCount() {
        return connections.size();
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
        connections.values().forEach(Connection::close);
    }

    /** One TCP connection: a socket, a write lock and the reader loop. */
    private final class Connection {
        final Socket socket;
        final InetSocketAddress peer;
        final OutputStream out;
        final ReentrantLock writeLock = new ReentrantLock();
        volatile boolean closed;

        Connection(Socket socket) throws SocketException {
            this.socket = socket;
            this.peer = (InetSocketAddress) socket.getRemoteSocketAddress();
            try {
                this.out = socket.getOutputStream();
            } catch (IOException e) {
                throw new SocketException(e.getMessage());
            }
        }

        void write(byte[] message) throws IOException {
            writeLock.lock();
            try {
                out.write(message);
                out.flush();
            } finally {
                writeLock.unlock();
            }
        }

        void readLoop() {
            try {
                StreamFramer framer = new StreamFramer(socket.getInputStream(), maxMessageBytes);
                byte[] msg;
                while ((msg = framer.next()) != null) {
                    try {
                        sink.onMessage(msg, TcpTransport.this, peer);
                    } catch (RuntimeException e) {
                        LOG.error("{}: message handling failed", TcpTransport.this, e);
                    }
                }
            } catch (StreamFramer.FramingException e) {
                LOG.info("{}: closing connection from {}: {}", TcpTransport.this, peer, e.getMessage());
            } catch (IOException e) {
                LOG.debug("{}: connection {} ended: {}", TcpTransport.this, peer, e.toString());
            } finally {
                close();
            }
        }

        void close() {
            closed = true;
            connections.remove(peer, this);
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
