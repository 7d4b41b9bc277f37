package org.olelo.testclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The test client against a hand-written UDP peer: retransmissions it receives, the ACK of a
 * rejected INVITE, its own retransmissions, and a digest challenge of a registrar.
 */
class RawPeerTest {

    private static SipMessage receive(DatagramSocket s) throws Exception {
        byte[] buf = new byte[65535];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        s.receive(p);
        return SipMessage.parse(p.getData(), p.getLength());
    }

    private static void send(DatagramSocket s, String text, InetSocketAddress to) throws Exception {
        byte[] b = text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        s.send(new DatagramPacket(b, b.length, to));
    }

    private static void send(DatagramSocket s, SipMessage m, InetSocketAddress to) throws Exception {
        byte[] b = m.toBytes();
        s.send(new DatagramPacket(b, b.length, to));
    }

    @Test
    void aRetransmittedRequestGetsTheSameAnswerAndReachesTheTestOnce() throws Exception {
        try (SipTestClient bob = SipTestClient.udp().timeout(Duration.ofMillis(500));
             DatagramSocket raw = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            raw.setSoTimeout(3000);
            String message = """
                    MESSAGE %s SIP/2.0
                    Via: SIP/2.0/UDP 127.0.0.1:%d;branch=z9hG4bKraw1
                    Max-Forwards: 70
                    From: <sip:raw@127.0.0.1>;tag=r1
                    To: <sip:bob@127.0.0.1>
                    Call-ID: raw-1
                    CSeq: 1 MESSAGE
                    Content-Type: text/plain
                    Content-Length: 2

                    hi""".formatted(bob.uri("bob"), raw.getLocalPort());
            send(raw, message, bob.address());
            bob.expectRequest("MESSAGE").assertBodyContains("hi").respond(202);
            SipMessage first = receive(raw).assertStatus(202);
            send(raw, message, bob.address());
            SipMessage again = receive(raw).assertStatus(202);
            assertEquals(first.toTag(), again.toTag(), "the same response again");
            AssertionError e = assertThrows(AssertionError.class, () -> bob.expectRequest("MESSAGE"));
            assertTrue(e.getMessage().contains("received only:"), e.getMessage());
        }
    }

    @Test
    void aRejectedInviteIsAcknowledgedAndTheRequestIsRetransmittedUntilAnswered() throws Exception {
        try (SipTestClient alice = SipTestClient.udp();
             DatagramSocket raw = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            raw.setSoTimeout(3000);
            OutgoingCall call = alice.call("sip:busy@127.0.0.1:" + raw.getLocalPort());
            SipMessage invite = receive(raw);
            SipMessage retransmitted = receive(raw);
            assertEquals(invite.toString(), retransmitted.toString(), "sent again after 500 ms without a response");
            SipMessage busy = Responses.of(invite, 486, "busy1", null, null, null);
            send(raw, busy, alice.address());
            SipMessage ack = receive(raw);
            assertEquals("ACK", ack.method());
            assertEquals(invite.branch(), ack.branch(), "the ACK of a non-2xx is in the INVITE's transaction");
            assertEquals("busy1", ack.toTag());
            call.expect(486);
            send(raw, busy, alice.address());
            assertEquals("ACK", receive(raw).method(), "a retransmitted 486 is acknowledged again");
            raw.setSoTimeout(1200);
            assertThrows(SocketTimeoutException.class, () -> receive(raw), "no more INVITEs after the response");
        }
    }

    @Test
    void aRegistrationIsChallengedAndAnsweredWithSha256() throws Exception {
        try (SipTestClient alice = SipTestClient.udp();
             DatagramSocket raw = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            raw.setSoTimeout(3000);
            alice.proxy(new InetSocketAddress("127.0.0.1", raw.getLocalPort()));
            CompletableFuture<SipMessage> result = CompletableFuture.supplyAsync(
                    () -> alice.register("sip:alice@example.com", "alice", "s3cret"));
            SipMessage first = receive(raw);
            assertEquals("REGISTER sip:example.com SIP/2.0", first.startLine());
            first.assertHeader("Contact", alice.uri("alice")).assertHeader("To", "sip:alice@example.com");
            send(raw, Responses.of(first, 401, "reg", null, null, null,
                    "WWW-Authenticate: Digest realm=\"example.com\", nonce=\"abc\", algorithm=SHA-256, qop=\"auth\"",
                    "WWW-Authenticate: Digest realm=\"example.com\", nonce=\"abc\", algorithm=MD5, qop=\"auth\""), alice.address());
            SipMessage second = receive(raw);
            assertEquals(first.cseq() + 1, second.cseq());
            assertEquals(first.callId(), second.callId());
            String auth = second.header("Authorization");
            assertNotNull(auth, second.toString());
            var p = Digest.params(auth);
            assertEquals("SHA-256", p.get("algorithm"));
            String ha1 = Digest.hash("SHA-256", "alice:example.com:s3cret");
            String ha2 = Digest.hash("SHA-256", "REGISTER:sip:example.com");
            assertEquals(Digest.hash("SHA-256", ha1 + ":abc:" + p.get("nc") + ":" + p.get("cnonce") + ":auth:" + ha2), p.get("response"));
            send(raw, Responses.of(second, 200, "reg", null, null, null, "Contact: " + alice.contact() + ";expires=3600"), alice.address());
            result.get().assertStatus(200);
        }
    }

    @Test
    void aSubscriptionGetsItsNotifyAnsweredAndIsRefreshedInsideItsDialog() throws Exception {
        try (SipTestClient alice = SipTestClient.udp();
             DatagramSocket raw = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            raw.setSoTimeout(3000);
            String server = "sip:presence@127.0.0.1:" + raw.getLocalPort();
            Subscription sub = alice.subscribe("sip:bob@127.0.0.1:" + raw.getLocalPort(), "presence", 600);
            SipMessage subscribe = receive(raw);
            assertEquals("presence", subscribe.header("Event"));
            assertEquals("600", subscribe.header("Expires"));
            send(raw, Responses.of(subscribe, 200, "srv", "<" + server + ">", null, null, "Expires: 600"), alice.address());
            sub.response().assertStatus(200);
            String notify = """
                    NOTIFY %s SIP/2.0
                    Via: SIP/2.0/UDP 127.0.0.1:%d;branch=z9hG4bKnotify1
                    Max-Forwards: 70
                    From: <sip:bob@127.0.0.1>;tag=srv
                    To: %s
                    Call-ID: %s
                    CSeq: 1 NOTIFY
                    Contact: <%s>
                    Event: presence
                    Subscription-State: active;expires=600
                    Content-Type: application/pidf+xml
                    Content-Length: 6

                    <pidf>""".formatted(alice.contact().replaceAll("[<>]", ""), raw.getLocalPort(), subscribe.header("From"),
                    subscribe.callId(), server);
            send(raw, notify, alice.address());
            receive(raw).assertStatus(200);
            assertEquals("<pidf>", sub.expectNotify().bodyText());
            CompletableFuture<SipMessage> ended = CompletableFuture.supplyAsync(() -> sub.refresh(0));
            SipMessage refresh = receive(raw);
            assertEquals("SUBSCRIBE " + server + " SIP/2.0", refresh.startLine(), "sent to the notifier's Contact");
            assertEquals("srv", refresh.toTag());
            assertEquals(subscribe.callId(), refresh.callId());
            assertEquals(subscribe.cseq() + 1, refresh.cseq());
            assertEquals("0", refresh.header("Expires"));
            send(raw, Responses.of(refresh, 200, null, null, null, null), alice.address());
            ended.get().assertStatus(200);
        }
    }

    @Test
    void garbageAndMessagesWithoutTransactionAreDroppedAndTheClientGoesOn() throws Exception {
        try (SipTestClient bob = SipTestClient.udp();
             DatagramSocket raw = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            raw.setSoTimeout(3000);
            send(raw, "\r\n\r\n", bob.address());
            send(raw, "NOT SIP AT ALL\n\n", bob.address());
            send(raw, "MESSAGE sip:bob@127.0.0.1 SIP/2.0\nVia: SIP/2.0/UDP 127.0.0.1:1;branch=z9hG4bKx\nCSeq: 1 MESSAGE\n\n", bob.address());
            send(raw, "SIP/2.0 200 OK\nCall-ID: c\nCSeq: x MESSAGE\nVia: SIP/2.0/UDP 127.0.0.1:1;branch=z9hG4bKy\n\n", bob.address());
            send(raw, "MESSAGE sip:bob@127.0.0.1 SIP/2.0\nVia: SIP/2.0/UDP 127.0.0.1:%d;branch=z9hG4bKok\nFrom: <sip:raw@127.0.0.1>;tag=1\nTo: <sip:bob@127.0.0.1>\nCall-ID: ok\nCSeq: 1 MESSAGE\nContent-Length: 0\n\n"
                    .formatted(raw.getLocalPort()), bob.address());
            assertEquals("ok", bob.expectRequest("MESSAGE").respond(200).request().callId(), "only the well-formed MESSAGE reaches the test");
            receive(raw).assertStatus(200);
        }
    }
}
