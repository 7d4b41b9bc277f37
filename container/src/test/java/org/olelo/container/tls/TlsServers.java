package org.olelo.container.tls;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.transport.Transport;
import org.olelo.transport.tls.TlsContexts;
import org.olelo.transport.tls.TlsSettings;
import org.olelo.transport.tls.testkit.TestPki;

/** Helpers of the TLS tests: settings maps, client contexts, the server's TLS address. Test thread only. */
final class TlsServers {

    private TlsServers() {
    }

    /** The tls.* settings of a server identity (PEM pair) plus more key/value pairs. */
    static Map<String, String> serverSettings(TestPki.Leaf leaf, String... more) {
        Map<String, String> m = new HashMap<>();
        m.put("tls.certificate", leaf.chainPem().toString());
        m.put("tls.private.key", leaf.keyPem().toString());
        for (int i = 0; i < more.length; i += 2) {
            m.put(more[i], more[i + 1]);
        }
        return m;
    }

    /** A client context trusting {@code ca}, presenting {@code identity} when not null. */
    static SSLContext client(Path ca, TestPki.Leaf identity) throws IOException {
        Map<String, String> m = new HashMap<>();
        m.put("tls.ca", ca.toString());
        if (identity != null) {
            m.put("tls.keystore", identity.keystore().toString());
            m.put("tls.keystore.password", TestPki.PASSWORD);
        }
        return TlsContexts.clientContext(TlsSettings.from(k -> Optional.ofNullable(m.get(k))));
    }

    /** A server context of a TLS peer (a UAS) with {@code identity}. */
    static SSLContext server(TestPki.Leaf identity) throws IOException {
        Map<String, String> m = Map.of("tls.keystore", identity.keystore().toString(), "tls.keystore.password", TestPki.PASSWORD);
        return TlsContexts.serverContext(TlsSettings.from(k -> Optional.ofNullable(m.get(k))));
    }

    /** The address of the server's TLS listening point. */
    static InetSocketAddress tlsAddress(TestServer s) {
        for (Transport t : s.server().core().transports()) {
            if (t.name().equals("TLS")) {
                return t.localAddress();
            }
        }
        throw new IllegalStateException("no TLS listening point");
    }
}
