package org.olelo.transport.ws;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.olelo.core.stats.CoreStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One accepted WebSocket connection: the opening handshake ({@link Handshake}), then the read loop
 * ({@link FrameReader}) that hands each message to the core's sink, answers pings and closes.
 *
 * <p>Threads: {@link #run} is the connection's virtual reader thread; it blocks only in socket
 * reads, each with a timeout (the idle deadline between messages, what is left of the message
 * timeout inside the handshake or a message). {@link #send} runs on any thread and blocks on the write lock
 * and the socket's send buffer. {@link #close} runs on any thread, once.
 */
final class WsConnection {

    private static final Logger LOG = LoggerFactory.getLogger(WsConnection.class);

    private final WsTransport owner;
    private final Socket socket;
    private final InetSocketAddress peer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile OutputStream out;
    private volatile boolean upgraded;

    WsConnection(WsTransport owner, Socket socket) {
        this.owner = owner;
        this.socket = socket;
        this.peer = (InetSocketAddress) socket.getRemoteSocketAddress();
    }

    InetSocketAddress peer() {
        return peer;
    }

    boolean isOpen() {
        return upgraded && !closed.get();
    }

    /** The reader thread: handshake, then messages until the peer, a limit or the server ends it. */
    void run() {
        int closeCode = -1;
        try {
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            int messageSeconds = owner.limits().messageTimeoutSeconds();
            socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(messageSeconds));
            Handshake.Outcome o = Handshake.answer(in, owner.settings(), System.nanoTime() + TimeUnit.SECONDS.toNanos(messageSeconds));
            write(o.response());
            if (!o.upgraded()) {
                LOG.debug("{}: refused the WebSocket handshake of {} with {}: {}", owner, peer, o.status(), o.why());
                return;
            }
            upgraded = true;
            owner.upgraded(this);
            readMessages(new FrameReader(socket, in, owner.context().maxMessageBytes(), messageSeconds, this::pong));
        } catch (FrameReader.CloseReceived e) {
            closeCode = e.code == FrameReader.NO_CODE ? FrameReader.NORMAL : e.code;
            LOG.debug("{}: {} closed its WebSocket ({})", owner, peer, e.code);
        } catch (FrameReader.ProtocolError e) {
            closeCode = e.code;
            LOG.debug("{}: closing the WebSocket of {}: {}", owner, peer, e.getMessage());
        } catch (SocketTimeoutException e) {
            owner.context().statistics().count(CoreStatistics.Event.TCP_MESSAGE_TIMEOUT);
            LOG.debug("{}: closing the connection of {}: {}", owner, peer, e.getMessage());
        } catch (IOException e) {
            LOG.debug("{}: connection of {} ended: {}", owner, peer, e.toString());
        } finally {
            close(closeCode);
        }
    }

    /**
     * Reads messages until the end. Idle means nothing read: half-way through the idle timeout a
     * ping is sent (browsers answer it on their own), and only a connection that has not even
     * answered it by the end of the timeout is closed, so a browser that registers every 10 minutes
     * keeps its connection while a vanished one is noticed.
     */
    private void readMessages(FrameReader reader) throws IOException {
        long idleNanos = TimeUnit.SECONDS.toNanos(owner.limits().idleTimeoutSeconds());
        long lastRead = System.nanoTime();
        boolean pinged = false;
        while (true) {
            long now = System.nanoTime();
            if (idleNanos > 0 && now - lastRead >= idleNanos) {
                owner.context().statistics().count(CoreStatistics.Event.TCP_IDLE_CLOSED);
                LOG.debug("{}: closing the WebSocket of {}: nothing read for {} s, not even a pong",
                        owner, peer, owner.limits().idleTimeoutSeconds());
                close(FrameReader.GOING_AWAY);
                return;
            }
            if (idleNanos > 0 && !pinged && now - lastRead >= idleNanos / 2) {
                write(Frames.frame(Frames.PING, new byte[0]));
                pinged = true;
            }
            long wait = idleNanos == 0 ? 0 : lastRead + (pinged ? idleNanos : idleNanos / 2) - now;
            int first = reader.awaitFrame(idleNanos == 0 ? 0 : TimeUnit.NANOSECONDS.toMillis(wait) + 1);
            if (first == -1) {
                return;
            }
            if (first == -2) {
                continue; // the deadlines are checked again above
            }
            byte[] message = reader.message(first);
            lastRead = System.nanoTime();
            pinged = false;
            if (message != null) {
                deliver(message);
            }
        }
    }

    private void deliver(byte[] message) {
        try {
            owner.context().sink().onMessage(message, owner, peer);
        } catch (RuntimeException e) {
            LOG.error("{}: message handling failed", owner, e);
        }
    }

    private void pong(byte[] payload) throws IOException {
        write(Frames.frame(Frames.PONG, payload));
    }

    /** Sends one SIP message in one frame; a failed write closes the connection. */
    void send(byte[] sip) throws IOException {
        try {
            write(Frames.message(sip));
        } catch (IOException e) {
            close(-1);
            throw e;
        }
    }

    private void write(byte[] bytes) throws IOException {
        writeLock.lock();
        try {
            out.write(bytes);
            out.flush();
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Closes the connection once: with a close frame carrying {@code code} when the handshake was
     * done and a code is given (at most one second spent on it), then the socket.
     *
     * @param code the close status to send, or -1 for none (the stream is broken)
     */
    void close(int code) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (upgraded && code > 0) {
            try {
                if (writeLock.tryLock(1, TimeUnit.SECONDS)) {
                    try {
                        out.write(Frames.close(code));
                        out.flush();
                    } finally {
                        writeLock.unlock();
                    }
                }
            } catch (IOException e) {
                // the socket is closed below anyway
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        owner.closed(this, upgraded);
    }
}
