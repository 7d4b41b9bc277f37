package org.olelo.transport.tls.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.olelo.core.internal.transport.StreamFramer;
import org.olelo.core.testkit.SipPeer;

/**
 * A peer that listens for the server's TLS connection (a callee, a TLS UAS): requests arrive on the
 * accepted connection and answers go back on it. A handshake the server gives up on is passed over.
 */
public final class TlsServerPeer implements SipPeer {

    private final SSLServerSocket server;
    private SSLSocket socket;
    private StreamFramer framer;

    /** @param context the server context with this peer's certificate */
    public TlsServerPeer(SSLContext context) throws IOException {
        server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 16, InetAddress.getLoopbackAddress());
    }

    private boolean accept(long timeoutMillis) throws IOException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (socket == null) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            server.setSoTimeout((int) left);
            SSLSocket s;
            try {
                s = (SSLSocket) server.accept();
            } catch (SocketTimeoutException e) {
                return false;
            }
            try {
                s.setSoTimeout((int) Math.max(1, deadline - System.currentTimeMillis()));
                s.startHandshake();
                socket = s;
                framer = new StreamFramer(s.getInputStream(), 1 << 20);
            } catch (IOException e) {
                s.close(); // the server refused our certificate: wait for another connection
            }
        }
        return true;
    }

    @Override
    public void send(byte[] message) throws IOException {
        if (socket == null) {
            throw new IOException("no connection from the server yet");
        }
        socket.getOutputStream().write(message);
        socket.getOutputStream().flush();
    }

    @Override
    public String receive(long timeoutMillis) throws IOException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        if (!accept(timeoutMillis)) {
            return null;
        }
        socket.setSoTimeout((int) Math.max(1, deadline - System.currentTimeMillis()));
        try {
            byte[] m = framer.next();
            return m == null ? null : new String(m, StandardCharsets.UTF_8);
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    @Override
    public InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    @Override
    public String transport() {
        return "TLS";
    }

    @Override
    public void close() {
        try {
            if (socket != null) {
                socket.close();
            }
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
