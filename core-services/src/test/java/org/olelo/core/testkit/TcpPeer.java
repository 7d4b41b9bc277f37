package org.olelo.core.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.olelo.core.internal.transport.StreamFramer;

/** A peer on one TCP connection to the server; messages are framed by Content-Length. */
public final class TcpPeer implements SipPeer {

    private final Socket socket;
    private final StreamFramer framer;

    public TcpPeer(InetSocketAddress server) throws IOException {
        socket = new Socket();
        socket.connect(server, 2000);
        framer = new StreamFramer(socket.getInputStream(), 1 << 20);
    }

    @Override
    public void send(byte[] message) throws IOException {
        socket.getOutputStream().write(message);
        socket.getOutputStream().flush();
    }

    @Override
    public String receive(long timeoutMillis) throws IOException {
        socket.setSoTimeout((int) Math.max(1, timeoutMillis));
        try {
            byte[] m = framer.next();
            return m == null ? null : new String(m, StandardCharsets.UTF_8);
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    /** True once the server closed the connection. */
    public boolean closedByServer() throws IOException {
        socket.setSoTimeout(2000);
        try {
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    @Override
    public String transport() {
        return "TCP";
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
