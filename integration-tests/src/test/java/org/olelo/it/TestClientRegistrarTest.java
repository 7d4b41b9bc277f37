package org.olelo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.olelo.testclient.IncomingCall;
import org.olelo.testclient.OutgoingCall;
import org.olelo.testclient.SipTestClient;

/**
 * The SIP test client against the default deployment with authentication on: it registers with
 * digest (the server offers SHA-256 only), is called through the location service from UDP to TCP,
 * and hangs up through the record-routed path; a wrong password is refused.
 */
class TestClientRegistrarTest {

    private static final String SDP = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n";

    @RegisterExtension
    static final OleloExtension OLELO = OleloExtension.started(null).settings("auth.algorithms=SHA-256").setup(p -> {
        assertEquals(0, p.subscriber("add", "bob@127.0.0.1", "--password", "s3cret"));
        assertEquals(0, p.subscriber("add", "alice@127.0.0.1", "--password", "al1ce"));
    });

    private static String proxy() {
        return "127.0.0.1:" + OLELO.port();
    }

    @Test
    void aUserRegisteredWithDigestIsCalledAndHangsUp() {
        try (SipTestClient bob = SipTestClient.tcp().proxy(proxy()); SipTestClient alice = SipTestClient.udp().proxy(proxy())) {
            bob.register("sip:bob@127.0.0.1", "bob", "s3cret").assertStatus(200)
                    .assertHeader("Contact", "127.0.0.1:" + bob.address().getPort());
            alice.register("sip:alice@127.0.0.1", "alice", "al1ce").assertStatus(200);
            OutgoingCall call = alice.call("sip:bob@127.0.0.1", SDP);
            IncomingCall incoming = bob.expectCall().ring();
            call.expect(180);
            incoming.answer(SDP);
            call.expectAnswer().assertBodyContains("m=audio 4000");
            call.ack();
            incoming.expectAck();
            incoming.bye().assertStatus(200);
            call.expectBye();
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        try (SipTestClient carol = SipTestClient.udp().proxy(proxy())) {
            carol.register("sip:bob@127.0.0.1", "bob", "s3cret").assertStatus(200);
            carol.register("sip:bob@127.0.0.1", "bob", "wrong").assertStatus(401);
        }
    }
}
