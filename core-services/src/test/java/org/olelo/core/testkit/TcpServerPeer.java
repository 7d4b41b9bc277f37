package org.olelo.core.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.olelo.core.internal.transport.StreamFramer;

/**
 * A peer that listens for the server's TCP connection (a callee): requests arrive on the accepted
 * connection and answers go back on it.
 */
public final class TcpServerPeer implements SipPeer {

    private final ServerSocket server;
    private Socket socket;
    private StreamFramer framer;

    public TcpServerPeer() throws IOException {
        server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
    }

    private boolean accept(long timeoutMillis) throws IOException {
        if (socket != null) {
            return true;
        }
        server.setSoTimeout((int) Math.max(1, timeoutMillis));
        try {
            socket = server.accept();
            framer = new StreamFramer(socket.getInputStream(), 1 << 20);
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
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
        return "TCP";
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
