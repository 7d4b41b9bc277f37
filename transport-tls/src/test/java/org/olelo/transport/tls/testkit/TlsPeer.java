package org.olelo.transport.tls.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.olelo.core.internal.transport.StreamFramer;
import org.olelo.core.testkit.SipPeer;

/** A peer on one TLS connection to the server (a phone registered over TLS); messages framed by Content-Length. */
public final class TlsPeer implements SipPeer {

    private final SSLSocket socket;
    private final StreamFramer framer;

    /**
     * Connects and shakes hands.
     *
     * @param context   the client context (trusted CAs, and a client certificate when it has one)
     * @param protocols the versions offered, none: the context's
     */
    public TlsPeer(SSLContext context, InetSocketAddress server, String... protocols) throws IOException {
        socket = (SSLSocket) context.getSocketFactory().createSocket(server.getAddress(), server.getPort());
        if (protocols.length > 0) {
            socket.setEnabledProtocols(protocols);
        }
        socket.setSoTimeout(5000);
        socket.startHandshake();
        framer = new StreamFramer(socket.getInputStream(), 1 << 20);
    }

    /** The negotiated protocol version, e.g. TLSv1.3. */
    public String protocol() {
        return socket.getSession().getProtocol();
    }

    /** The subject of the certificate the server presented, e.g. {@code CN=server}. */
    public String serverSubject() throws IOException {
        return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSubjectX500Principal().getName();
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

    @Override
    public InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    @Override
    public String transport() {
        return "TLS";
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
