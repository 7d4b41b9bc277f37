package org.olelo.core.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.olelo.core.internal.transport.StreamFramer;

/**
 * A peer on one stream connection to the server (TCP, or TLS over a connected {@code SSLSocket});
 * messages are framed by Content-Length.
 */
public final class TcpPeer implements SipPeer {

    private final Socket socket;
    private final StreamFramer framer;
    private final String transport;

    public TcpPeer(InetSocketAddress server) throws IOException {
        this(connect(server), "TCP");
    }

    /**
     * A peer on a connection made already, e.g. a TLS socket after its handshake.
     *
     * @param transport the Via transport token, e.g. {@code TLS}
     */
    public TcpPeer(Socket connected, String transport) throws IOException {
        this.socket = connected;
        this.transport = transport;
        framer = new StreamFramer(socket.getInputStream(), 1 << 20);
    }

    private static Socket connect(InetSocketAddress server) throws IOException {
        Socket s = new Socket();
        s.connect(server, 2000);
        return s;
    }

    /** The connection (a TLS test reads its session). */
    public Socket socket() {
        return socket;
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
        return transport;
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
