package org.olelo.core.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLSocket;
import org.olelo.core.internal.transport.StreamFramer;

/**
 * A peer that listens for the server's TCP connection (a callee): requests arrive on the accepted
 * connection and answers go back on it. Over an {@code SSLServerSocket} it is a TLS callee: a
 * connection whose handshake fails (the server refused our certificate) is passed over.
 */
public final class TcpServerPeer implements SipPeer {

    private final ServerSocket server;
    private final String transport;
    private Socket socket;
    private StreamFramer framer;

    public TcpServerPeer() throws IOException {
        this(new ServerSocket(0, 16, InetAddress.getLoopbackAddress()), "TCP");
    }

    /**
     * @param server    a bound server socket (an {@code SSLServerSocket} for TLS)
     * @param transport the Via transport token, e.g. {@code TLS}
     */
    public TcpServerPeer(ServerSocket server, String transport) {
        this.server = server;
        this.transport = transport;
    }

    private boolean accept(long timeoutMillis) throws IOException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (socket == null) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            server.setSoTimeout((int) left);
            Socket s;
            try {
                s = server.accept();
            } catch (SocketTimeoutException e) {
                return false;
            }
            if (s instanceof SSLSocket tls) {
                try {
                    tls.setSoTimeout((int) Math.max(1, deadline - System.currentTimeMillis()));
                    tls.startHandshake();
                } catch (IOException e) {
                    s.close(); // the server refused our certificate: wait for another connection
                    continue;
                }
            }
            socket = s;
            framer = new StreamFramer(s.getInputStream(), 1 << 20);
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
        return transport;
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
