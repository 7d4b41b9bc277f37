package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.testkit.CommonApps;
import org.olelo.container.testkit.TestServer;
import org.olelo.transport.tls.TlsContexts;
import org.olelo.transport.tls.TlsSettings;

/**
 * {@code tls.self.signed=true}: a TLS listening point without a configured certificate gets a
 * self-signed one for its address, made once into the data folder and reused; without the flag
 * such a listening point stops the start, naming the keys to set.
 */
class SelfSignedTlsTest {

    @TempDir
    Path tmp;

    private TestServer start(Path dir, Map<String, String> tls) throws Exception {
        return TestServer.builder().app("proxy", CommonApps.forkingProxy()).routeAllTo("proxy").listen("tls:127.0.0.1:0")
                .settings(c -> c.withCore(c.core().withExtensions(tls))).start(dir);
    }

    /** The certificate the listening point presents, read by a client that trusts any. */
    private static X509Certificate presented(TestServer s) throws Exception {
        SSLContext c = TlsContexts.clientContext(TlsSettings.from(k -> java.util.Optional.ofNullable(
                k.equals("tls.verify.server") ? "false" : null)));
        try (SSLSocket socket = (SSLSocket) c.getSocketFactory().createSocket("127.0.0.1", TlsServers.tlsAddress(s).getPort())) {
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }

    @Test
    void aSelfSignedCertificateIsMadeOnceAndReused() throws Exception {
        X509Certificate first;
        try (TestServer s = start(tmp.resolve("a"), Map.of("tls.self.signed", "true"))) {
            first = presented(s);
            assertEquals(first.getSubjectX500Principal(), first.getIssuerX500Principal(), "self-signed");
            assertTrue(first.getSubjectAlternativeNames().stream().anyMatch(n -> n.get(1).equals("127.0.0.1")),
                    "valid for the listening address");
        }
        Path store = tmp.resolve("a").resolve("data").resolve("tls").resolve("self-signed.p12");
        assertTrue(Files.isRegularFile(store));
        try (TestServer s = start(tmp.resolve("a"), Map.of("tls.self.signed", "true"))) {
            assertEquals(first.getSerialNumber(), presented(s).getSerialNumber(), "the same certificate at the next start");
        }
    }

    @Test
    void withoutCertificateNorFlagTheStartStopsNamingTheKeys() {
        Exception e = assertThrows(Exception.class, () -> start(tmp.resolve("b"), Map.of()).close());
        String text = String.valueOf(e.getMessage()) + (e.getCause() == null ? "" : e.getCause().getMessage());
        assertTrue(text.contains("tls.certificate"), text);
    }
}
