package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.testkit.CommonApps;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;
import org.olelo.core.testkit.SipText;
import org.olelo.core.testkit.TcpServerPeer;
import org.olelo.transport.tls.testkit.TestPki;
import org.olelo.transport.tls.testkit.TlsPeers;

/**
 * Proxying to TLS targets: the server checks the certificate of the UAS it connects to against
 * {@code tls.ca}, and a {@code sips:} request never leaves over anything but TLS (RFC 3261 §26.2):
 * without a way to send it securely the caller gets {@code 416}.
 */
class TlsProxyTest {

    @TempDir
    static Path pkiDir;
    @TempDir
    Path tmp;
    static TestPki pki;
    static TestPki other;
    static TestPki.Leaf serverLeaf;
    static TestPki.Leaf trustedUas;
    static TestPki.Leaf untrustedUas;
    private TestServer sip;

    @BeforeAll
    static void certificates() throws IOException {
        pki = TestPki.create(pkiDir, "proxy-test-ca");
        other = TestPki.create(pkiDir, "unknown-ca");
        serverLeaf = pki.leaf("server");
        trustedUas = pki.leaf("uas");
        untrustedUas = other.leaf("impostor");
    }

    @AfterEach
    void stop() {
        if (sip != null) {
            sip.close();
        }
    }

    private void start(boolean tlsListener) throws Exception {
        TestServer.Builder b = TestServer.builder().app("proxy", CommonApps.forkingProxy()).routeAllTo("proxy");
        if (tlsListener) {
            Map<String, String> tls = TlsServers.serverSettings(serverLeaf, "tls.ca", pki.caPem().toString());
            b.listen("tls:127.0.0.1:0").settings(c -> c.withCore(c.core().withExtensions(tls)));
        }
        sip = b.start(tmp);
    }

    private static SipBuilder invite(SipPeer caller, String target) {
        return SipBuilder.request("INVITE", target).via(caller).from("<sip:alice@127.0.0.1>").to("<" + target + ">")
                .contact("<" + SipBuilder.uri("alice", caller) + ">").body("application/sdp", "v=0\r\n");
    }

    @Test
    void aUasWithAnUntrustedCertificateIsNotCalled() throws Exception {
        start(true);
        try (SipPeer caller = sip.caller(); TcpServerPeer uas = TlsPeers.listen(TlsServers.server(untrustedUas))) {
            String target = "sips:bob@127.0.0.1:" + uas.address().getPort();
            String answer = caller.finalResponseTo(invite(caller, target));
            int status = SipText.status(answer);
            assertTrue(status == 503 || status == 408, answer);
            assertEquals(null, uas.receive(500), "nothing reached the impostor");
        }
    }

    @Test
    void aUasSignedByTheConfiguredCaGetsTheCallOverTls() throws Exception {
        start(true);
        try (SipPeer caller = sip.caller(); TcpServerPeer uas = TlsPeers.listen(TlsServers.server(trustedUas))) {
            String target = "sips:bob@127.0.0.1:" + uas.address().getPort();
            caller.send(invite(caller, target));
            String got = uas.receiveUntil(5000, m -> "INVITE".equals(SipText.method(m)));
            assertNotNull(got, "the INVITE reached the UAS");
            assertTrue(SipText.headers(got, "Via").get(0).startsWith("SIP/2.0/TLS "), got);
            uas.send(SipBuilder.response(got, 200, "OK").toTag("u1").contact("<sips:bob@127.0.0.1:" + uas.address().getPort() + ">")
                    .body("application/sdp", "v=0\r\n"));
            String ok = caller.finalResponse(5000);
            assertEquals(200, SipText.status(ok), ok);
        }
    }

    @Test
    void aSipsTargetWithoutTlsListenerIs416() throws Exception {
        start(false);
        try (SipPeer caller = sip.caller()) {
            assertEquals(416, SipText.status(caller.finalResponseTo(invite(caller, "sips:bob@127.0.0.1:5999"))));
        }
    }

    @Test
    void aSipsTargetIsNeverDowngraded() throws Exception {
        start(true);
        try (SipPeer caller = sip.caller()) {
            assertEquals(416, SipText.status(caller.finalResponseTo(invite(caller, "sips:bob@127.0.0.1:5999;transport=udp"))),
                    "transport=udp on a sips: URI");
            assertEquals(416, SipText.status(caller.finalResponseTo(
                    invite(caller, "sips:bob@127.0.0.1:5999").route("<sip:127.0.0.2:5998;lr>"))),
                    "a sip: Route for a sips: Request-URI");
        }
    }
}
