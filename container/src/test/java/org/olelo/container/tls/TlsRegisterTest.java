package org.olelo.container.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.api.rpc.RpcParams;
import org.olelo.container.testkit.CommonApps;
import org.olelo.container.testkit.DigestClient;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipText;
import org.olelo.transport.tls.testkit.TestPki;
import org.olelo.transport.tls.testkit.TlsPeer;

/**
 * SIP over {@code tls:} listening points of a whole server: a REGISTER with digest over TLS 1.3,
 * client certificates ({@code tls.client.auth=need}) that reach the application as
 * {@code jakarta.servlet.request.X509Certificate}, and {@code tls.reload}.
 */
class TlsRegisterTest {

    @TempDir
    static Path pkiDir;
    @TempDir
    Path tmp;
    static TestPki pki;
    static TestPki.Leaf serverLeaf;
    static TestPki.Leaf phone;
    private TestServer sip;

    @BeforeAll
    static void certificates() throws IOException {
        pki = TestPki.create(pkiDir, "olelo-test-ca");
        serverLeaf = pki.leaf("server");
        phone = pki.leaf("phone-alice");
    }

    @AfterEach
    void stop() {
        if (sip != null) {
            sip.close();
        }
    }

    private TestServer start(TestServer.Builder b, Map<String, String> tls) throws Exception {
        sip = b.listen("tls:127.0.0.1:0").settings(c -> c.withCore(c.core().withExtensions(tls))).start(tmp);
        return sip;
    }

    @Test
    void registerWithDigestOverTls13GetsItsOk() throws Exception {
        start(TestServer.builder().app("reg", TlsFlowApps.constrained()).routing(TlsFlowApps.ROUTING),
                TlsServers.serverSettings(serverLeaf));
        TlsFlowApps.subscriber(sip.server().database().defaultPool(), "bob", "127.0.0.1", "s3cret");
        try (TlsPeer bob = new TlsPeer(TlsServers.client(pki.caPem(), null), TlsServers.tlsAddress(sip))) {
            assertEquals("TLSv1.3", bob.protocol());
            SipBuilder register = SipBuilder.request("REGISTER", "sip:127.0.0.1").via(bob).from("<sip:bob@127.0.0.1>")
                    .to("<sip:bob@127.0.0.1>").contact("<sip:bob@" + SipBuilder.hostPort(bob.address()) + ";transport=tls>");
            String challenge = bob.finalResponseTo(register);
            assertEquals(401, SipText.status(challenge));
            String c = DigestClient.withAlgorithm(SipText.headers(challenge, "WWW-Authenticate"), "MD5");
            String ok = bob.finalResponseTo(register.via(bob).cseq(2).header("Authorization",
                    DigestClient.answer(c, "bob", "s3cret", "REGISTER", "sip:127.0.0.1", "00000001")));
            assertEquals(200, SipText.status(ok), ok);
            assertEquals("bob", SipText.header(ok, "X-User"));
            assertTrue(SipText.headers(ok, "Via").get(0).startsWith("SIP/2.0/TLS "), ok);
            assertEquals("none", SipText.header(ok, "X-Cert"), "no client certificate was asked for");
        }
    }

    @Test
    void clientAuthNeedRefusesAClientWithoutCertificateAndShowsTheChainOfOneWithIt() throws Exception {
        start(TestServer.builder().app("reg", TlsFlowApps.constrained()).routing(TlsFlowApps.ROUTING),
                TlsServers.serverSettings(serverLeaf, "tls.client.auth", "need", "tls.ca", pki.caPem().toString()));
        // TLS 1.3: the client learns of the refusal when it reads (the server checks after the client's Finished)
        assertThrows(IOException.class, () -> {
            try (TlsPeer anonymous = new TlsPeer(TlsServers.client(pki.caPem(), null), TlsServers.tlsAddress(sip))) {
                anonymous.send(options(anonymous));
                anonymous.receive(5000);
            }
        });
        try (TlsPeer alice = new TlsPeer(TlsServers.client(pki.caPem(), phone), TlsServers.tlsAddress(sip))) {
            String ok = alice.finalResponseTo(options(alice));
            assertEquals(200, SipText.status(ok), ok);
            assertEquals("CN=phone-alice", SipText.header(ok, "X-Cert"));
            assertEquals("2", SipText.header(ok, "X-Cert-Chain"), "leaf and CA");
        }
        assertTrue(sip.server().core().statistics().get(
                org.olelo.core.stats.CoreStatistics.Event.TLS_HANDSHAKE_FAILED) >= 1, "the refused handshake is counted");
    }

    private static SipBuilder options(TlsPeer from) {
        return SipBuilder.request("OPTIONS", "sip:echo@127.0.0.1").via(from).from("<sip:alice@127.0.0.1>")
                .to("<sip:echo@127.0.0.1>").contact("<sip:alice@" + SipBuilder.hostPort(from.address()) + ";transport=tls>");
    }

    @Test
    void tlsReloadServesTheNewCertificateToNewConnectionsAndKeepsOpenOnes() throws Exception {
        Path chain = tmp.resolve("live-chain.pem");
        Path key = tmp.resolve("live-key.pem");
        java.nio.file.Files.copy(serverLeaf.chainPem(), chain);
        java.nio.file.Files.copy(serverLeaf.keyPem(), key);
        start(TestServer.builder().app("reg", TlsFlowApps.constrained()).routing(TlsFlowApps.ROUTING),
                Map.of("tls.certificate", chain.toString(), "tls.private.key", key.toString()));
        TestPki.Leaf renewed = pki.leaf("server-renewed");
        try (TlsPeer before = new TlsPeer(TlsServers.client(pki.caPem(), null), TlsServers.tlsAddress(sip))) {
            assertEquals("CN=server", before.serverSubject());
            java.nio.file.Files.copy(renewed.chainPem(), chain, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            java.nio.file.Files.copy(renewed.keyPem(), key, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Object result = reload();
            assertTrue(String.valueOf(result).contains("tls:127.0.0.1:"), String.valueOf(result));
            try (TlsPeer after = new TlsPeer(TlsServers.client(pki.caPem(), null), TlsServers.tlsAddress(sip))) {
                assertEquals("CN=server-renewed", after.serverSubject());
            }
            assertEquals(200, SipText.status(before.finalResponseTo(options(before))), "the open connection still works");
        }
        java.nio.file.Files.writeString(key, "not a key");
        assertThrows(Exception.class, () -> reload());
        try (TlsPeer still = new TlsPeer(TlsServers.client(pki.caPem(), null), TlsServers.tlsAddress(sip))) {
            assertEquals("CN=server-renewed", still.serverSubject(), "a failed reload keeps the certificate in use");
        }
    }

    private Object reload() throws Exception {
        return sip.server().operations().commands().find("tls.reload").command().handler().call(new RpcParams(Map.of()));
    }

    @Test
    void withoutTlsListenerTheReloadSaysSo() throws Exception {
        sip = TestServer.builder().app("proxy", CommonApps.forkingProxy()).routeAllTo("proxy").start(tmp);
        Exception e = assertThrows(Exception.class, () -> reload());
        assertTrue(e.getMessage().contains("no TLS listening point"), e.getMessage());
    }
}
