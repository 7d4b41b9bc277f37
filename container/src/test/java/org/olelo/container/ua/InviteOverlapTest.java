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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.core.testkit.UdpPeer;

/**
 * One INVITE at a time in a dialog and requests in CSeq order (RFC 3261 §12.2.2, §14.1, §14.2),
 * over real UDP: a re-INVITE that crosses the application's own gets 491; a second re-INVITE while
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
    UaTestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** The peer's side of one call with the application: requests in the dialog with their CSeq. */
    private final class Call {
        final UdpPeer peer;
        final String from = "<sip:alice@127.0.0.1>;tag=a" + Sip.next();
        final String callId = "glare-" + Sip.next();
        String to;
        String target;

        Call(UdpPeer peer) {
            this.peer = peer;
        }

        /** INVITE, 200, ACK. */
        Call established() throws Exception {
            String ruri = "sip:svc@127.0.0.1:" + server.address().getPort();
            peer.send(Sip.request(peer, "INVITE", ruri, from, "<" + ruri + ">", callId, 1, null, "v=0\r\n"));
            String ok = Sip.next(peer, WAIT);
            assertEquals(200, status(ok), ok);
            to = header(ok, "To");
            target = contactUri(ok);
            peer.send(Sip.request(peer, "ACK", target, from, to, callId, 1, null, null));
            return this;
        }

        String request(String method, int cseq, String extra) {
            return Sip.request(peer, method, target, from, to, callId, cseq, extra, method.equals("INVITE") ? "v=0\r\n" : null);
        }

        /** Sends a request and returns the final response to it (other messages are skipped). */
        String send(String method, int cseq, String extra) throws Exception {
            String req = request(method, cseq, extra);
            peer.send(req);
            return finalFor(cseq + " " + method);
        }

        String finalFor(String cseq) throws Exception {
            for (String m = Sip.next(peer, WAIT); m != null; m = Sip.next(peer, WAIT)) {
                if (status(m) >= 200 && cseq.equals(header(m, "CSeq"))) {
                    return m;
                }
            }
            return null;
        }
    }

    /** The ACK of a non-2xx final response: same branch and CSeq number as the INVITE. */
    private static String ackOf(String invite) {
        String head = invite.substring(0, invite.indexOf("\r\n\r\n"));
        return head.replaceFirst("^INVITE ", "ACK ").replaceAll("CSeq: (\\d+) INVITE", "CSeq: $1 ACK")
                .replaceAll("Content-Type: [^\r]*\r\n", "").replaceAll("Content-Length: \\d+", "Content-Length: 0")
                + "\r\n\r\n";
    }

    private static void assertRetryAfter(String response) {
        String ra = header(response, "Retry-After");
        assertNotNull(ra, "a Retry-After (RFC 3261 §14.2): " + response);
        int seconds = Integer.parseInt(ra.trim().split("[ ;(]")[0]);
        assertTrue(seconds >= 0 && seconds <= 10, "0 to 10 seconds: " + ra);
    }

    @Test
    void aReinviteThatCrossesTheApplicationsOwnGets491() throws Exception {
        server = new UaTestServer(tmp, "glare", Map.of("t.Glare", APP), "t.Glare");
        try (UdpPeer a = server.peer()) {
            Call call = new Call(a).established();
            a.send(call.request("INFO", 2, "X-Reinvite: now\r\n"));
            String theirs = null;
            String infoOk = null;
            while (theirs == null || infoOk == null) {
                String m = Sip.next(a, WAIT);
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
            a.send(ackOf(ours));

            a.send(Sip.answer(theirs, 200, "OK", null, a, null, "v=0\r\n"));
            String ack = Sip.next(a, WAIT);
            assertNotNull(ack);
            assertEquals("ACK", method(ack), "the application's re-INVITE completes");
            assertEquals(200, status(call.send("INVITE", 4, null)), "a re-INVITE afterwards goes through");
        }
    }

    @Test
    void aSecondReinviteWhileTheFirstIsUnansweredGets500WithRetryAfter() throws Exception {
        server = new UaTestServer(tmp, "glare", Map.of("t.Glare", APP), "t.Glare");
        try (UdpPeer a = server.peer()) {
            Call call = new Call(a).established();
            a.send(call.request("INVITE", 2, "X-Hold: yes\r\n"));
            String second = call.request("INVITE", 3, null);
            a.send(second);
            String refused = call.finalFor("3 INVITE");
            assertNotNull(refused);
            assertEquals(500, status(refused), refused);
            assertRetryAfter(refused);
            a.send(ackOf(second));

            a.send(call.request("INFO", 4, "X-Answer-Held: yes\r\n"));
            assertNotNull(call.finalFor("2 INVITE"), "the held re-INVITE is answered");
        }
    }

    @Test
    void anInviteBelowTheLastCSeqGets500WithRetryAfter() throws Exception {
        server = new UaTestServer(tmp, "glare", Map.of("t.Glare", APP), "t.Glare");
        try (UdpPeer a = server.peer()) {
            Call call = new Call(a).established();
            assertEquals(200, status(call.send("INFO", 5, null)));
            String late = call.request("INVITE", 4, null);
            a.send(late);
            String refused = call.finalFor("4 INVITE");
            assertNotNull(refused);
            assertEquals(500, status(refused), refused);
            assertRetryAfter(refused);
            a.send(ackOf(late));
            String info = call.send("INFO", 5, null);
            assertEquals(500, status(info), "a repeated CSeq too");
            assertNull(header(info, "Retry-After"), "only an INVITE is told to retry: " + info);
        }
    }

    @Test
    void theApplicationCannotSendAReinviteWhileAnInviteIsInProgress() throws Exception {
        server = new UaTestServer(tmp, "glare", Map.of("t.Glare", APP), "t.Glare");
        try (UdpPeer a = server.peer()) {
            Call call = new Call(a).established();
            a.send(call.request("INVITE", 2, "X-Hold: yes\r\n"));
            String refused = call.send("INFO", 3, "X-Reinvite: now\r\n");
            assertTrue(header(refused, "X-Sent").startsWith("refused: an INVITE transaction is in progress"),
                    "the peer's re-INVITE is unanswered: " + refused);
            a.send(call.request("INFO", 4, "X-Answer-Held: yes\r\n"));
            assertNotNull(call.finalFor("2 INVITE"));

            a.send(call.request("INFO", 5, "X-Reinvite: now\r\n"));
            String theirs = null;
            for (String m = Sip.next(a, WAIT); m != null && theirs == null; m = Sip.next(a, WAIT)) {
                if ("INVITE".equals(method(m))) {
                    theirs = m;
                }
            }
            assertNotNull(theirs, "with nothing in progress the application's re-INVITE goes out");
            String again = call.send("INFO", 6, "X-Reinvite: again\r\n");
            assertTrue(header(again, "X-Sent").startsWith("refused: "), "its own re-INVITE is unanswered: " + again);
            a.send(Sip.answer(theirs, 200, "OK", null, a, null, "v=0\r\n"));
        }
    }

    /**
     * A B2BUA relays the caller's re-INVITE to the callee; a second one from the caller, while the
     * callee has not answered, is answered 500 on the caller's leg and never reaches the callee; a
     * re-INVITE of the callee that crosses the relayed one gets 491 on the callee's leg.
     */
    @Test
    void aB2buaNeverHasTwoReinvitesOnOneLeg() throws Exception {
        server = new UaTestServer(tmp, "b2bua", Map.of("t.Relay", B2buaTest.APP), "t.Relay");
        try (UdpPeer a = server.peer(); UdpPeer b = server.peer()) {
            String ruri = "sip:bob@127.0.0.1:" + server.address().getPort();
            String from = "<sip:alice@127.0.0.1>;tag=a" + Sip.next();
            String callId = "b2b-glare-" + Sip.next();
            a.send(Sip.request(a, "INVITE", ruri, from, "<" + ruri + ">", callId, 1,
                    "X-Target: " + UaTestServer.uri("bob", b) + "\r\n", "v=0\r\n"));
            String inv = Sip.next(b, WAIT);
            assertEquals("INVITE", method(inv));
            b.send(Sip.answer(inv, 200, "OK", "b" + Sip.next(), b, null, "v=0\r\n"));
            String ok = Sip.next(a, WAIT);
            assertEquals(200, status(ok), ok);
            String to = header(ok, "To");
            String target = contactUri(ok);
            a.send(Sip.request(a, "ACK", target, from, to, callId, 1, null, null));
            assertEquals("ACK", method(Sip.next(b, WAIT)));

            a.send(Sip.request(a, "INVITE", target, from, to, callId, 2, null, "v=0 first\r\n"));
            String relayed = Sip.next(b, WAIT);
            assertNotNull(relayed);
            assertEquals("INVITE", method(relayed), "the first re-INVITE is relayed: " + relayed);
            b.send(Sip.answer(relayed, 100, "Trying", null, b, null, null));
            String second = Sip.request(a, "INVITE", target, from, to, callId, 3, null, "v=0 second\r\n");
            a.send(second);
            String refused = null;
            for (String m = Sip.next(a, WAIT); m != null && refused == null; m = Sip.next(a, WAIT)) {
                if (status(m) >= 200 && "3 INVITE".equals(header(m, "CSeq"))) {
                    refused = m;
                }
            }
            assertNotNull(refused, "the caller's second re-INVITE is answered");
            assertEquals(500, status(refused), refused);
            assertRetryAfter(refused);
            a.send(ackOf(second));
            for (String m = b.receive(700); m != null; m = b.receive(300)) {
                assertTrue(!m.contains("v=0 second"), "the callee never gets the second re-INVITE: " + m);
            }

            String calleeReinvite = Sip.request(b, "INVITE", contactUri(relayed), header(relayed, "To"),
                    header(relayed, "From"), header(relayed, "Call-ID"), 5, null, "v=0 callee\r\n");
            b.send(calleeReinvite);
            String glare = null;
            for (String m = Sip.next(b, WAIT); m != null && glare == null; m = Sip.next(b, WAIT)) {
                if (status(m) >= 200 && "5 INVITE".equals(header(m, "CSeq"))) {
                    glare = m;
                }
            }
            assertNotNull(glare);
            assertEquals(491, status(glare), "the callee's re-INVITE crossed the relayed one: " + glare);
        }
    }
}
