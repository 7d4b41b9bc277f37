package org.olelo.transport.tls.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.olelo.core.testkit.TcpPeer;
import org.olelo.core.testkit.TcpServerPeer;

/** TLS peers of the tests: the core test kit's stream peers over TLS sockets. Test thread only. */
public final class TlsPeers {

    private TlsPeers() {
    }

    /**
     * A phone on one TLS connection to the server, after the handshake.
     *
     * @param context   the client context (trusted CAs, and a client certificate when it has one)
     * @param protocols the versions offered; none: the context's
     */
    public static TcpPeer connect(SSLContext context, InetSocketAddress server, String... protocols) throws IOException {
        SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket(server.getAddress(), server.getPort());
        try {
            if (protocols.length > 0) {
                s.setEnabledProtocols(protocols);
            }
            s.setSoTimeout(5000);
            s.startHandshake();
            return new TcpPeer(s, "TLS");
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    /** A TLS callee on a free port of the loopback address, presenting the certificate of {@code context}. */
    public static TcpServerPeer listen(SSLContext context) throws IOException {
        return new TcpServerPeer(context.getServerSocketFactory().createServerSocket(0, 16, InetAddress.getLoopbackAddress()),
                "TLS");
    }

    /** The negotiated protocol version of a peer made by {@link #connect}, e.g. TLSv1.3. */
    public static String protocol(TcpPeer p) {
        return ((SSLSocket) p.socket()).getSession().getProtocol();
    }

    /** The subject of the certificate the server presented to a peer made by {@link #connect}, e.g. {@code CN=server}. */
    public static String serverSubject(TcpPeer p) throws IOException {
        return ((X509Certificate) ((SSLSocket) p.socket()).getSession().getPeerCertificates()[0])
                .getSubjectX500Principal().getName();
    }
}
