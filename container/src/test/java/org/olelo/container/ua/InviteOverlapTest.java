package org.olelo.container.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.olelo.core.testkit.SipText.contactUri;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.method;
import static org.olelo.core.testkit.SipText.status;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.olelo.container.testkit.CommonApps;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;

/**
 * One INVITE at a time in a dialog and requests in CSeq order (RFC 3261 §12.2.2, §14.1, §14.2),
 * in memory, over UDP and over TCP: a re-INVITE that crosses the application's own gets 491; a second re-INVITE while
 * the first is unanswered, and an INVITE below the last CSeq, get 500 with a Retry-After of 0 to
 * 10 seconds; the application cannot send a re-INVITE while an INVITE is in progress either way
 * ({@code send()} throws); and a B2BUA never relays a second re-INVITE on one leg.
 */
class InviteOverlapTest {

    /**
     * Answers calls; a re-INVITE with {@code X-Hold} is kept unanswered until an INFO with
     * {@code X-Answer-Held}; an INFO with {@code X-Reinvite} makes it send a re-INVITE and say in
     * {@code X-Sent} whether it could.
     */
    static final String APP = """
            package t;
            import jakarta.servlet.sip.*;
            import java.io.IOException;
            public class Glare extends SipServlet {
                @Override
                protected void doInvite(SipServletRequest req) throws IOException {
                    if (!req.isInitial() && req.getHeader("X-Hold") != null) {
                        req.getSession().setAttribute("held", req);
                        return;
                    }
                    req.createResponse(200).send();
                }
                @Override
                protected void doInfo(SipServletRequest req) throws IOException {
                    SipSession s = req.getSession();
                    SipServletResponse r = req.createResponse(200);
                    if (req.getHeader("X-Answer-Held") != null) {
                        ((SipServletRequest) s.getAttribute("held")).createResponse(200).send();
                    }
                    if (req.getHeader("X-Reinvite") != null) {
                        try {
                            s.createRequest("INVITE").send();
                            r.setHeader("X-Sent", "yes");
                        } catch (IllegalStateException e) {
                            r.setHeader("X-Sent", "refused: " + e.getMessage());
                        }
                    }
                    r.send();
                }
                @Override
                protected void doSuccessResponse(SipServletResponse resp) throws IOException {
                    if (resp.getMethod().equals("INVITE")) {
                        resp.createAck().send();
                    }
                }
                @Override
                protected void doBye(SipServletRequest req) throws IOException {
                    req.createResponse(200).send();
                }
            }
            """;

    private static final long WAIT = 3000;

    @TempDir
    Path tmp;
    TestServer server;

    private void start(SipPeer.Kind kind, String app, String servlet, String source) throws Exception {
        server = TestServer.builder().app(app, CommonApps.servlet(app, servlet, Map.of(servlet, source))).routeAllTo(app)
                .transport(kind).start(tmp);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** The peer's side of one call with the application: requests in the dialog with their CSeq. */
    private final class Call {
        final SipPeer peer;
        final String from = "<sip:alice@127.0.0.1>;tag=a" + SipBuilder.next();
        final String callId = "glare-" + SipBuilder.next();
        String to;
        String target;

        Call(SipPeer peer) {
            this.peer = peer;
        }

        /** INVITE, 200, ACK. */
        Call established() throws Exception {
            String ruri = server.uri("svc");
            peer.send(InviteOverlapTest.request(peer, "INVITE", ruri, from, "<" + ruri + ">", callId, 1, "v=0\r\n"));
            String ok = peer.next(WAIT);
            assertEquals(200, status(ok), ok);
            to = header(ok, "To");
            target = contactUri(ok);
            peer.send(InviteOverlapTest.request(peer, "ACK", target, from, to, callId, 1, null));
            return this;
        }

        String request(String method, int cseq, String extra) {
            String body = method.equals("INVITE") ? "v=0\r\n" : null;
            return InviteOverlapTest.request(peer, method, target, from, to, callId, cseq, body).lines(extra).build();
        }

        /** Sends a request and returns the final response to it (other messages are skipped). */
        String send(String method, int cseq, String extra) throws Exception {
            String req = request(method, cseq, extra);
            peer.send(req);
            return finalFor(cseq + " " + method);
        }

        String finalFor(String cseq) throws Exception {
            for (String m = peer.next(WAIT); m != null; m = peer.next(WAIT)) {
                if (status(m) >= 200 && cseq.equals(header(m, "CSeq"))) {
                    return m;
                }
            }
            return null;
        }
    }

    /** A request from {@code p} with its Contact and, when {@code body} is given, an SDP body. */
    private static SipBuilder request(SipPeer p, String method, String target, String from, String to, String callId,
                                      int cseq, String body) {
        return SipBuilder.request(method, target).via(p).fromValue(from).to(to).callId(callId).cseq(cseq)
                .contact("peer", p).body("application/sdp", body);
    }

    /** A user agent's 2xx with its Contact and an SDP body. */
    private static SipBuilder ok(String request, String toTag, SipPeer p) {
        return SipBuilder.response(request, 200, "OK").toTag(toTag).contact("peer", p).body("application/sdp", "v=0\r\n");
    }

    private static void assertRetryAfter(String response) {
        String ra = header(response, "Retry-After");
        assertNotNull(ra, "a Retry-After (RFC 3261 §14.2): " + response);
        int seconds = Integer.parseInt(ra.trim().split("[ ;(]")[0]);
        assertTrue(seconds >= 0 && seconds <= 10, "0 to 10 seconds: " + ra);
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void aReinviteThatCrossesTheApplicationsOwnGets491(SipPeer.Kind kind) throws Exception {
        start(kind, "glare", "t.Glare", APP);
        try (SipPeer a = server.caller()) {
            Call call = new Call(a).established();
            a.send(call.request("INFO", 2, "X-Reinvite: now\r\n"));
            String theirs = null;
            String infoOk = null;
            while (theirs == null || infoOk == null) {
                String m = a.next(WAIT);
                assertNotNull(m, "the INFO's answer and the application's re-INVITE");
                if ("INVITE".equals(method(m))) {
                    theirs = m;
                } else if (status(m) == 200) {
                    infoOk = m;
                }
            }
            assertEquals("yes", header(infoOk, "X-Sent"));

            String ours = call.request("INVITE", 3, null);
            a.send(ours);
            String glare = call.finalFor("3 INVITE");
            assertNotNull(glare);
            assertEquals(491, status(glare), "our re-INVITE crossed the application's: " + glare);
            a.send(SipBuilder.ack(ours, glare));

            a.send(ok(theirs, null, a));
            String ack = a.next(WAIT);
            assertNotNull(ack);
            assertEquals("ACK", method(ack), "the application's re-INVITE completes");
            assertEquals(200, status(call.send("INVITE", 4, null)), "a re-INVITE afterwards goes through");
        }
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void aSecondReinviteWhileTheFirstIsUnansweredGets500WithRetryAfter(SipPeer.Kind kind) throws Exception {
        start(kind, "glare", "t.Glare", APP);
        try (SipPeer a = server.caller()) {
            Call call = new Call(a).established();
            a.send(call.request("INVITE", 2, "X-Hold: yes\r\n"));
            String second = call.request("INVITE", 3, null);
            a.send(second);
            String refused = call.finalFor("3 INVITE");
            assertNotNull(refused);
            assertEquals(500, status(refused), refused);
            assertRetryAfter(refused);
            a.send(SipBuilder.ack(second, refused));

            a.send(call.request("INFO", 4, "X-Answer-Held: yes\r\n"));
            assertNotNull(call.finalFor("2 INVITE"), "the held re-INVITE is answered");
        }
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void anInviteBelowTheLastCSeqGets500WithRetryAfter(SipPeer.Kind kind) throws Exception {
        start(kind, "glare", "t.Glare", APP);
        try (SipPeer a = server.caller()) {
            Call call = new Call(a).established();
            assertEquals(200, status(call.send("INFO", 5, null)));
            String late = call.request("INVITE", 4, null);
            a.send(late);
            String refused = call.finalFor("4 INVITE");
            assertNotNull(refused);
            assertEquals(500, status(refused), refused);
            assertRetryAfter(refused);
            a.send(SipBuilder.ack(late, refused));
            String info = call.send("INFO", 5, null);
            assertEquals(500, status(info), "a repeated CSeq too");
            assertNull(header(info, "Retry-After"), "only an INVITE is told to retry: " + info);
        }
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void theApplicationCannotSendAReinviteWhileAnInviteIsInProgress(SipPeer.Kind kind) throws Exception {
        start(kind, "glare", "t.Glare", APP);
        try (SipPeer a = server.caller()) {
            Call call = new Call(a).established();
            a.send(call.request("INVITE", 2, "X-Hold: yes\r\n"));
            String refused = call.send("INFO", 3, "X-Reinvite: now\r\n");
            assertTrue(header(refused, "X-Sent").startsWith("refused: an INVITE transaction is in progress"),
                    "the peer's re-INVITE is unanswered: " + refused);
            a.send(call.request("INFO", 4, "X-Answer-Held: yes\r\n"));
            assertNotNull(call.finalFor("2 INVITE"));

            a.send(call.request("INFO", 5, "X-Reinvite: now\r\n"));
            String theirs = a.receiveUntil(WAIT, m -> "INVITE".equals(method(m)));
            assertNotNull(theirs, "with nothing in progress the application's re-INVITE goes out");
            String again = call.send("INFO", 6, "X-Reinvite: again\r\n");
            assertTrue(header(again, "X-Sent").startsWith("refused: "), "its own re-INVITE is unanswered: " + again);
            a.send(ok(theirs, null, a));
        }
    }

    /**
     * A B2BUA relays the caller's re-INVITE to the callee; a second one from the caller, while the
     * callee has not answered, is answered 500 on the caller's leg and never reaches the callee; a
     * re-INVITE of the callee that crosses the relayed one gets 491 on the callee's leg.
     */
    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void aB2buaNeverHasTwoReinvitesOnOneLeg(SipPeer.Kind kind) throws Exception {
        start(kind, "b2bua", "t.Relay", B2buaTest.APP);
        try (SipPeer a = server.caller(); SipPeer b = server.callee()) {
            String ruri = server.uri("bob");
            String from = "<sip:alice@127.0.0.1>;tag=a" + SipBuilder.next();
            String callId = "b2b-glare-" + SipBuilder.next();
            a.send(request(a, "INVITE", ruri, from, "<" + ruri + ">", callId, 1, "v=0\r\n")
                    .header("X-Target", server.uriOf("bob", b)));
            String inv = b.next(WAIT);
            assertEquals("INVITE", method(inv));
            b.send(ok(inv, "b" + SipBuilder.next(), b));
            String ok = a.next(WAIT);
            assertEquals(200, status(ok), ok);
            String to = header(ok, "To");
            String target = contactUri(ok);
            a.send(request(a, "ACK", target, from, to, callId, 1, null));
            assertEquals("ACK", method(b.next(WAIT)));

            a.send(request(a, "INVITE", target, from, to, callId, 2, "v=0 first\r\n"));
            String relayed = b.next(WAIT);
            assertNotNull(relayed);
            assertEquals("INVITE", method(relayed), "the first re-INVITE is relayed: " + relayed);
            b.send(SipBuilder.response(relayed, 100, "Trying"));
            String second = request(a, "INVITE", target, from, to, callId, 3, "v=0 second\r\n").build();
            a.send(second);
            String refused = a.receiveUntil(WAIT, m -> status(m) >= 200 && "3 INVITE".equals(header(m, "CSeq")));
            assertNotNull(refused, "the caller's second re-INVITE is answered");
            assertEquals(500, status(refused), refused);
            assertRetryAfter(refused);
            a.send(SipBuilder.ack(second, refused));
            for (String m = b.receive(700); m != null; m = b.receive(300)) {
                assertTrue(!m.contains("v=0 second"), "the callee never gets the second re-INVITE: " + m);
            }

            SipBuilder calleeReinvite = request(b, "INVITE", contactUri(relayed), header(relayed, "To"),
                    header(relayed, "From"), header(relayed, "Call-ID"), 5, "v=0 callee\r\n");
            b.send(calleeReinvite);
            String glare = b.receiveUntil(WAIT, m -> status(m) >= 200 && "5 INVITE".equals(header(m, "CSeq")));
            assertNotNull(glare);
            assertEquals(491, status(glare), "the callee's re-INVITE crossed the relayed one: " + glare);
        }
    }
}
