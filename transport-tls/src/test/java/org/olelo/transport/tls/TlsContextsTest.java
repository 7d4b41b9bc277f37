package org.olelo.transport.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.transport.tls.testkit.TestPki;
import org.olelo.transport.tls.testkit.TlsV1Probe;

/** Handshakes between contexts built by {@link TlsContexts}, over loopback sockets. */
class TlsContextsTest {

    @TempDir
    static Path dir;
    static TestPki pki;
    static TestPki.Leaf server;

    @BeforeAll
    static void certificates() throws IOException {
        pki = TestPki.create(dir, "ctx-ca");
        server = pki.leaf("server");
    }

    static TlsSettings settings(Map<String, String> m) throws IOException {
        return TlsSettings.from(k -> Optional.ofNullable(m.get(k)));
    }

    static TlsSettings pemServer() throws IOException {
        return settings(Map.of("tls.certificate", server.chainPem().toString(), "tls.private.key", server.keyPem().toString()));
    }

    /** Runs one server handshake in the background; returns the negotiated protocol, or the failure. */
    static CompletableFuture<String> serveOnce(SSLServerSocket ss) {
        return CompletableFuture.supplyAsync(() -> {
            try (SSLSocket s = (SSLSocket) ss.accept()) {
                s.setSoTimeout(10_000);
                s.startHandshake();
                return s.getSession().getProtocol();
            } catch (IOException e) {
                return "failed: " + e.getMessage();
            }
        });
    }

    static SSLServerSocket listen(TlsSettings s) throws IOException {
        SSLContext c = TlsContexts.serverContext(s);
        SSLServerSocket ss = (SSLServerSocket) c.getServerSocketFactory().createServerSocket(0, 5, InetAddress.getLoopbackAddress());
        ss.setSSLParameters(TlsContexts.serverParameters(c, s));
        return ss;
    }

    static String connect(TlsSettings client, int port, String... protocols) throws IOException {
        SSLContext c = TlsContexts.clientContext(client);
        try (SSLSocket s = (SSLSocket) c.getSocketFactory().createSocket("127.0.0.1", port)) {
            s.setSSLParameters(TlsContexts.clientParameters(c, client));
            if (protocols.length > 0) {
                s.setEnabledProtocols(protocols);
            }
            s.setSoTimeout(10_000);
            s.startHandshake();
            return s.getSession().getProtocol() + " " + s.getSession().getCipherSuite();
        }
    }

    @Test
    void pemIdentityServesTls13AndTls12WithAllowedSuites() throws Exception {
        try (SSLServerSocket ss = listen(pemServer())) {
            TlsSettings client = settings(Map.of("tls.ca", pki.caPem().toString()));
            CompletableFuture<String> f = serveOnce(ss);
            assertTrue(connect(client, ss.getLocalPort()).startsWith("TLSv1.3 TLS_"));
            assertEquals("TLSv1.3", f.get(10, TimeUnit.SECONDS));
            f = serveOnce(ss);
            String twelve = connect(client, ss.getLocalPort(), "TLSv1.2");
            assertTrue(twelve.startsWith("TLSv1.2 TLS_ECDHE_"), twelve);
            assertTrue(twelve.contains("_GCM_") || twelve.contains("CHACHA20"), twelve);
            f.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void keystoreIdentityWorksToo() throws Exception {
        TlsSettings s = settings(Map.of("tls.keystore", server.keystore().toString(), "tls.keystore.password", TestPki.PASSWORD));
        try (SSLServerSocket ss = listen(s)) {
            CompletableFuture<String> f = serveOnce(ss);
            assertTrue(connect(settings(Map.of("tls.ca", pki.caPem().toString())), ss.getLocalPort()).startsWith("TLSv1.3"));
            f.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void serverNotSignedByTrustedCaIsRefusedUnlessVerificationIsOff() throws Exception {
        TestPki other = TestPki.create(dir, "other-ca");
        try (SSLServerSocket ss = listen(pemServer())) {
            CompletableFuture<String> f = serveOnce(ss);
            assertThrows(SSLHandshakeException.class,
                    () -> connect(settings(Map.of("tls.ca", other.caPem().toString())), ss.getLocalPort()));
            f.get(10, TimeUnit.SECONDS);
            f = serveOnce(ss);
            assertTrue(connect(settings(Map.of("tls.ca", other.caPem().toString(), "tls.verify.server", "false")),
                    ss.getLocalPort()).startsWith("TLSv1.3"));
            f.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void tls10ClientIsRefused() throws Exception {
        try (SSLServerSocket ss = listen(pemServer())) {
            CompletableFuture<String> f = serveOnce(ss);
            String old = TlsV1Probe.run(dir, "127.0.0.1", ss.getLocalPort(), "TLSv1");
            assertTrue(old.startsWith("FAILED") && old.contains("protocol_version"), old);
            f.get(10, TimeUnit.SECONDS);
            // the same probe succeeds with a version the server allows: the refusal is the server's
            f = serveOnce(ss);
            assertEquals("OK TLSv1.2", TlsV1Probe.run(dir, "127.0.0.1", ss.getLocalPort(), "TLSv1,TLSv1.2"));
            f.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void onlyForwardSecretAeadSuitesAreAllowed() throws Exception {
        assertTrue(TlsContexts.allowed("TLS_AES_128_GCM_SHA256"));
        assertTrue(TlsContexts.allowed("TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"));
        assertFalse(TlsContexts.allowed("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"));
        assertFalse(TlsContexts.allowed("TLS_RSA_WITH_AES_128_GCM_SHA256"));
        assertFalse(TlsContexts.allowed("SSL_RSA_WITH_3DES_EDE_CBC_SHA"));
        assertFalse(TlsContexts.allowed("TLS_ECDH_anon_WITH_AES_128_CBC_SHA"));
        String[] suites = TlsContexts.cipherSuites(TlsContexts.serverContext(pemServer()));
        assertTrue(suites.length > 3);
        assertTrue(Arrays.stream(suites).allMatch(TlsContexts::allowed));
    }

    @Test
    void wrongSettingsNameTheirKey() throws Exception {
        Map<String, String> m = new HashMap<>();
        m.put("tls.certificate", server.chainPem().toString());
        IOException e = assertThrows(IOException.class, () -> settings(m));
        assertTrue(e.getMessage().contains("tls.private.key"), e.getMessage());
        m.put("tls.private.key", server.chainPem().toString());
        e = assertThrows(IOException.class, () -> TlsContexts.serverContext(settings(m)));
        assertTrue(e.getMessage().startsWith("tls.private.key:"), e.getMessage());
        e = assertThrows(IOException.class, () -> settings(Map.of("tls.client.auth", "maybe")));
        assertTrue(e.getMessage().startsWith("tls.client.auth:"), e.getMessage());
        e = assertThrows(IOException.class, () -> TlsContexts.serverContext(settings(Map.of())));
        assertTrue(e.getMessage().contains("tls.certificate"), e.getMessage());
    }
}
