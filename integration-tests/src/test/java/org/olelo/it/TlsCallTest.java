package org.olelo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipText;
import org.olelo.core.testkit.TcpPeer;
import org.olelo.transport.tls.TlsContexts;
import org.olelo.transport.tls.TlsSettings;
import org.olelo.transport.tls.testkit.TestPki;
import org.olelo.transport.tls.testkit.TlsPeers;

/**
 * The default deployment (registrar and proxy in {@code olelo.jar}) with a {@code tls:} listening
 * point: two phones register with digest over TLS 1.3, and one calls the other; the INVITE reaches
 * the callee over the connection its REGISTER came in on, and INVITE/200/ACK/BYE complete.
 */
class TlsCallTest {

    private static final String HOST = "127.0.0.1";
    private static TestPki pki;
    private static int tlsPort;

    @RegisterExtension
    static final OleloExtension OLELO = OleloExtension.started(null).setup(p -> {
        assertEquals(0, p.subscriber("add", "alice@127.0.0.1", "--password", "secretA"));
        assertEquals(0, p.subscriber("add", "bob@127.0.0.1", "--password", "secretB"));
        pki = TestPki.create(p.root(), "it-ca");
        TestPki.Leaf server = pki.leaf("olelo");
        tlsPort = FreePorts.tcp();
        p.listen("tls:" + HOST + ":" + tlsPort);
        p.extraSettings("tls.certificate=" + server.chainPem(), "tls.private.key=" + server.keyPem());
    });

    private static SSLContext client() throws Exception {
        Map<String, String> m = new HashMap<>(Map.of("tls.ca", pki.caPem().toString()));
        return TlsContexts.clientContext(TlsSettings.from(k -> Optional.ofNullable(m.get(k))));
    }

    private static String contact(String user, TcpPeer p) {
        return "<sip:" + user + "@" + SipBuilder.hostPort(p.address()) + ";transport=tls>";
    }

    private static void register(TcpPeer p, String user, String password) throws Exception {
        SipBuilder r = SipBuilder.request("REGISTER", "sip:" + HOST).via(p).from("<sip:" + user + "@" + HOST + ">")
                .to("<sip:" + user + "@" + HOST + ">").contact(contact(user, p)).header("Expires", "600");
        String challenge = p.finalResponseTo(r);
        assertEquals(401, SipText.status(challenge), challenge);
        String auth = DigestAnswer.of(SipText.header(challenge, "WWW-Authenticate"), user, password, "REGISTER", "sip:" + HOST);
        String ok = p.finalResponseTo(r.branch("z9hG4bK-r" + SipBuilder.next()).cseq(2).header("Authorization", auth));
        assertEquals(200, SipText.status(ok), ok);
    }

    @Test
    void twoPhonesRegisteredOverTlsCallEachOther() throws Exception {
        InetSocketAddress server = new InetSocketAddress(HOST, tlsPort);
        try (TcpPeer alice = TlsPeers.connect(client(), server); TcpPeer bob = TlsPeers.connect(client(), server)) {
            assertEquals("TLSv1.3", TlsPeers.protocol(alice));
            register(alice, "alice", "secretA");
            register(bob, "bob", "secretB");

            SipBuilder invite = SipBuilder.request("INVITE", "sip:bob@" + HOST).via(alice).from("<sip:alice@" + HOST + ">")
                    .to("<sip:bob@" + HOST + ">").contact(contact("alice", alice)).body("application/sdp", "v=0\r\n");
            alice.send(invite);
            String atBob = bob.receiveUntil(10_000, m -> "INVITE".equals(SipText.method(m)));
            assertNotNull(atBob, "the INVITE reached bob over his TLS connection");
            assertTrue(SipText.headers(atBob, "Via").get(0).startsWith("SIP/2.0/TLS "), atBob);
            bob.send(SipBuilder.response(atBob, 200, "OK").toTag("b1").contact(contact("bob", bob))
                    .body("application/sdp", "v=0\r\n"));
            String ok = alice.finalResponse(10_000);
            assertEquals(200, SipText.status(ok), ok);

            alice.send(SipBuilder.inDialog("ACK", ok).via(alice));
            assertNotNull(bob.receiveUntil(10_000, m -> "ACK".equals(SipText.method(m))), "bob got the ACK");

            alice.send(SipBuilder.inDialog("BYE", ok).via(alice).cseq(2));
            String bye = bob.receiveUntil(10_000, m -> "BYE".equals(SipText.method(m)));
            assertNotNull(bye, "bob got the BYE");
            bob.send(SipBuilder.response(bye, 200, "OK"));
            String byeOk = alice.finalResponse(10_000);
            assertEquals(200, SipText.status(byeOk), byeOk);
            assertTrue(SipText.header(byeOk, "CSeq").endsWith("BYE"), byeOk);
        }
    }
}
