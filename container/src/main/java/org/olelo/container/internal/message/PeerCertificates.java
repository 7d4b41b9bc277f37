package org.olelo.container.internal.message;

import java.net.InetSocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import org.olelo.core.transport.Transport;

/**
 * The request attribute {@value #ATTRIBUTE}: the certificate chain a TLS peer proved it holds
 * (client authentication), leaf first, as the Servlet specification names it. Asked of the
 * listening point the message came in on, by the peer's address, only when an application reads
 * the attribute, so no message pays for it otherwise. Runs on the application's thread; a map
 * look-up, no blocking.
 */
final class PeerCertificates {

    /** The attribute name. */
    static final String ATTRIBUTE = "jakarta.servlet.request.X509Certificate";

    private PeerCertificates() {
    }

    /** The peer's X.509 chain, or null when the message did not come over a connection with one. */
    static X509Certificate[] of(Transport transport, InetSocketAddress remote) {
        if (transport == null || remote == null) {
            return null;
        }
        Certificate[] chain = transport.peerCertificates(remote);
        if (chain == null || chain.length == 0) {
            return null;
        }
        X509Certificate[] out = new X509Certificate[chain.length];
        for (int i = 0; i < chain.length; i++) {
            if (!(chain[i] instanceof X509Certificate x)) {
                return null;
            }
            out[i] = x;
        }
        return out;
    }
}
