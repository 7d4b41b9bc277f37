package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.olelo.core.testkit.SipText.contactUri;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.headers;
import static org.olelo.core.testkit.SipText.method;
import static org.olelo.core.testkit.SipText.response;
import static org.olelo.core.testkit.SipText.status;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;

/**
 * Calls through the forwarding B2BUA of {@link ForwardingB2buaApp} (bob's calls go to carol), in
 * memory, over UDP and over TCP: the forwarded INVITE is a new dialog to carol; 180, 200 and their
 * bodies reach the caller; the caller's ACK and BYE reach the callee; a BYE from the callee reaches
 * the caller; a CANCEL before the answer cancels the forwarded leg; a busy callee's 486 reaches
 * the caller, and a user without an entry gets 404.
 */
class ForwardingB2buaTest {

    private static final long WAIT = 3000;
    private static final String ROUTING = "INVITE: (\"" + ForwardingB2buaApp.NAME
            + "\", \"DAR:From\", \"ORIGINATING\", \"\", \"NO_ROUTE\", \"0\")\n";
    private static final String OFFER = "v=0\r\no=alice 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 4000 RTP/AVP 0\r\n";
    private static final String ANSWER = OFFER.replace("alice", "carol").replace("4000", "5000");

    @TempDir
    Path tmp;
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start(SipPeer.Kind kind) throws Exception {
        server = TestServer.builder().app("forwarding", ForwardingB2buaApp.withTable("bob", "carol")).routing(ROUTING)
                .transport(kind).start(tmp);
    }

    private static String body(String message) {
        return message.substring(message.indexOf("\r\n\r\n") + 4);
    }

    private String contact(String user, SipPeer p) {
        return "Contact: <" + server.uriOf(user, p) + ">\r\n";
    }

    /** The callee's request in its dialog with the B2BUA, built from the INVITE it received. */
    private static SipBuilder fromCallee(SipPeer callee, String invite, String toTag, String method, int cseq) {
        return SipBuilder.request(method, contactUri(invite)).via(callee)
                .route(headers(invite, "Record-Route").toArray(String[]::new))
                .fromValue(header(invite, "To") + ";tag=" + toTag).to(header(invite, "From"))
                .callId(header(invite, "Call-ID")).cseq(cseq);
    }

    /** INVITE to bob, forwarded to carol, ringing and answered: returns {INVITE at the callee, 200 at the caller}. */
    private String[] answeredCall(SipPeer caller, SipPeer callee) throws Exception {
        String invite = ProxyFlowsTest.invite(caller, server.uriOf("bob", callee)).body("application/sdp", OFFER).build();
        caller.send(invite);
        String forwarded = callee.receive(WAIT);
        assertNotNull(forwarded, "the forwarded INVITE");
        assertEquals("INVITE", method(forwarded), forwarded);
        assertTrue(forwarded.startsWith("INVITE " + server.uriOf("carol", callee) + " SIP/2.0"),
                "the Request-URI names the forwarded-to user: " + forwarded);
        assertTrue(header(forwarded, "To").contains("sip:carol@"), forwarded);
        assertNotEquals(header(invite, "Call-ID"), header(forwarded, "Call-ID"), "a new dialog, not a proxied one");
        assertEquals(OFFER, body(forwarded), "the offer is relayed");
        callee.send(response(forwarded, 180, "Ringing", "c1", contact("carol", callee)));
        assertEquals(180, status(caller.next(WAIT)), "the 180 is relayed");
        callee.send(ProxyFlowsTest.answer(forwarded, 200, "OK", "c1").contact("carol", callee)
                .body("application/sdp", ANSWER));
        String ok = caller.next(WAIT);
        assertNotNull(ok, "the 200 is relayed");
        assertEquals(200, status(ok), ok);
        assertEquals(ANSWER, body(ok), "the answer is relayed");
        caller.send(ProxyFlowsTest.inDialog(caller, "ACK", ok, 1));
        String ack = callee.receive(WAIT);
        assertNotNull(ack, "the ACK is relayed");
        assertEquals("ACK", method(ack), ack);
        assertEquals(header(forwarded, "Call-ID"), header(ack, "Call-ID"));
        return new String[] {forwarded, ok};
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void theCallerHangsUp(SipPeer.Kind kind) throws Exception {
        start(kind);
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
            String[] call = answeredCall(caller, callee);
            caller.send(ProxyFlowsTest.inDialog(caller, "BYE", call[1], 2));
            String bye = callee.receive(WAIT);
            assertNotNull(bye, "the BYE is relayed");
            assertEquals("BYE", method(bye), bye);
            callee.send(response(bye, 200, "OK", null, ""));
            String byeOk = caller.next(WAIT);
            assertEquals(200, status(byeOk), "the callee's 200 reaches the caller: " + byeOk);
            assertEquals("2 BYE", header(byeOk, "CSeq"));
        }
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void theCalleeHangsUp(SipPeer.Kind kind) throws Exception {
        start(kind);
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
            String[] call = answeredCall(caller, callee);
            callee.send(fromCallee(callee, call[0], "c1", "BYE", 1));
            String bye = caller.receive(WAIT);
            assertNotNull(bye, "the callee's BYE reaches the caller");
            assertEquals("BYE", method(bye), bye);
            assertEquals(header(call[1], "Call-ID"), header(bye, "Call-ID"), "in the caller's dialog");
            caller.send(response(bye, 200, "OK", null, ""));
            String byeOk = callee.next(WAIT);
            assertNotNull(byeOk, "the caller's 200 reaches the callee");
            assertEquals(200, status(byeOk), byeOk);
            assertEquals("1 BYE", header(byeOk, "CSeq"));
        }
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void aCancelBeforeTheAnswerCancelsTheForwardedLeg(SipPeer.Kind kind) throws Exception {
        start(kind);
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
            String invite = ProxyFlowsTest.invite(caller, server.uriOf("bob", callee)).build();
            caller.send(invite);
            String forwarded = callee.receive(WAIT);
            assertNotNull(forwarded);
            callee.send(response(forwarded, 180, "Ringing", "c1", contact("carol", callee)));
            assertEquals(180, status(caller.next(WAIT)));
            caller.send(SipBuilder.cancel(invite));
            Set<String> atCaller = new TreeSet<>();
            String terminated = null;
            for (int i = 0; i < 2; i++) {
                String r = caller.next(WAIT);
                assertNotNull(r, "200 for the CANCEL and 487 for the INVITE; got " + atCaller);
                atCaller.add(status(r) + " " + header(r, "CSeq"));
                terminated = status(r) == 487 ? r : terminated;
            }
            assertEquals(Set.of("200 1 CANCEL", "487 1 INVITE"), atCaller);
            caller.send(SipBuilder.ack(invite, terminated));
            String cancel = callee.receive(WAIT);
            assertNotNull(cancel, "the forwarded leg is cancelled");
            assertEquals("CANCEL", method(cancel), cancel);
            assertEquals(header(forwarded, "Call-ID"), header(cancel, "Call-ID"));
            callee.send(response(cancel, 200, "OK", "c1", ""));
            callee.send(response(forwarded, 487, "Request Terminated", "c1", ""));
            String ack = callee.receive(WAIT);
            assertNotNull(ack, "the B2BUA acknowledges the 487");
            assertEquals("ACK", method(ack), ack);
            assertNull(caller.next(300), "nothing more for the caller");
        }
    }

    @Test
    void aBusyCalleeAndAnUnknownUserAreAnswered() throws Exception {
        start(SipPeer.Kind.UDP);
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
            caller.send(ProxyFlowsTest.invite(caller, server.uriOf("bob", callee)).build());
            String forwarded = callee.receive(WAIT);
            assertNotNull(forwarded);
            callee.send(response(forwarded, 486, "Busy Here", "c1", ""));
            assertEquals("ACK", method(callee.receive(WAIT)));
            String busy = caller.next(WAIT);
            assertEquals(486, status(busy), "the callee's 486 reaches the caller: " + busy);

            caller.send(ProxyFlowsTest.invite(caller, server.uriOf("dave", callee)).build());
            String notFound = caller.next(WAIT);
            assertEquals(404, status(notFound), "no entry for dave: " + notFound);
            assertNull(callee.receive(300), "nothing forwarded for dave");
        }
    }
}
