package org.olelo.container.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import org.olelo.core.testkit.SipText;

/**
 * A B2BUA built on the B2buaHelper between two raw peers (in memory, over UDP and over TCP): a
 * callee side that forks into two early dialogs shows the caller two early dialogs, and the
 * caller's ACK and BYE reach the dialog that answered; a CANCEL from the caller is relayed with
 * {@code createCancel} from {@code doCancel}.
 */
class B2buaForkAndCancelTest {

    static final String APP = """
            package t;
            import jakarta.servlet.sip.*;
            import java.io.IOException;
            public class Relay extends SipServlet {
                @Override
                protected void doRequest(SipServletRequest req) throws jakarta.servlet.ServletException, IOException {
                    B2buaHelper h = req.getB2buaHelper();
                    switch (req.getMethod()) {
                        case "CANCEL" -> h.createCancel(h.getLinkedSession(req.getSession())).send();
                        case "ACK" -> {
                            for (SipServletMessage m : h.getPendingMessages(h.getLinkedSession(req.getSession()), UAMode.UAC)) {
                                if (m instanceof SipServletResponse r && r.getStatus() == 200) {
                                    r.createAck().send();
                                }
                            }
                        }
                        default -> {
                            if (req.isInitial()) {
                                h.createRequest(req, true, null).send();
                            } else {
                                SipSession other = h.getLinkedSession(req.getSession());
                                if (other == null) {
                                    req.createResponse(481, "No linked session").send();
                                } else {
                                    h.createRequest(other, req, null).send();
                                }
                            }
                        }
                    }
                }
                @Override
                protected void doResponse(SipServletResponse resp) throws IOException {
                    if (resp.getStatus() == 100 || resp.getMethod().equals("CANCEL")) {
                        return;
                    }
                    B2buaHelper h = resp.getRequest().getB2buaHelper();
                    SipServletRequest theirs = h.getLinkedSipServletRequest(resp.getRequest());
                    if (theirs == null || (theirs.isCommitted() && resp.getStatus() >= 300)) {
                        return;
                    }
                    if (resp.getRequest().isInitial()) {
                        h.createResponseToOriginalRequest(h.getLinkedSession(resp.getSession()), resp.getStatus(),
                                resp.getReasonPhrase()).send();
                    } else {
                        theirs.createResponse(resp.getStatus(), resp.getReasonPhrase()).send();
                    }
                }
            }
            """;

    @TempDir
    Path tmp;
    TestServer server;

    private void start(SipPeer.Kind kind) throws Exception {
        server = TestServer.builder().app("b2b", CommonApps.servlet("b2b", "t.Relay", Map.of("t.Relay", APP)))
                .routeAllTo("b2b")
                .transport(kind).start(tmp);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void forkedEarlyDialogsReachTheCallerAndTheAnsweringOneCarriesAckAndBye(SipPeer.Kind kind) throws Exception {
        start(kind);
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
            String ruri = SipBuilder.uri("bob", callee);
            String from = "<sip:alice@127.0.0.1>;tag=a" + SipBuilder.next();
            String callId = "fork-" + SipBuilder.next();
            caller.send(SipBuilder.request("INVITE", ruri).via(caller).fromValue(from).to("<" + ruri + ">")
                    .callId(callId).cseq(1).contact("peer", caller).body("application/sdp", "v=0\r\n"));

            String invite = callee.next(3000);
            assertNotNull(invite, "the callee side gets the INVITE");
            assertNotEquals(callId, header(invite, "Call-ID"));
            callee.send(SipBuilder.response(invite, 180, "Ringing").toTag("fork-a").contact("peer", callee));
            String r180 = caller.next(3000);
            assertEquals(180, status(r180));
            callee.send(SipBuilder.response(invite, 183, "Session Progress").toTag("fork-b").contact("peer", callee)
                    .body("application/sdp", "v=0\r\n"));
            String r183 = caller.next(3000);
            assertEquals(183, status(r183));
            String tagA = SipText.tag(header(r180, "To"));
            String tagB = SipText.tag(header(r183, "To"));
            assertNotEquals(tagA, tagB, "two early dialogs for the caller");

            callee.send(SipBuilder.response(invite, 200, "OK").toTag("fork-b").contact("peer", callee)
                    .body("application/sdp", "v=0\r\n"));
            String ok = caller.next(3000);
            assertEquals(200, status(ok));
            assertEquals(tagB, SipText.tag(header(ok, "To")),
                    "the 2xx continues the early dialog of the fork that answered");

            String contact = contactUri(ok);
            String to = "<" + ruri + ">;tag=" + tagB;
            caller.send(SipBuilder.request("ACK", contact).via(caller).fromValue(from).to(to).callId(callId).cseq(1)
                    .contact("peer", caller));
            String ack = nextRequest(callee);
            assertEquals("ACK", method(ack), "the callee's 2xx is acknowledged: " + ack);
            assertTrue(header(ack, "To").contains("tag=fork-b"), "ACK in the dialog that answered: " + ack);

            caller.send(SipBuilder.request("BYE", contact).via(caller).fromValue(from).to(to).callId(callId).cseq(2)
                    .contact("peer", caller));
            String bye = nextRequest(callee);
            assertEquals("BYE", method(bye), "BYE relayed: " + bye);
            assertTrue(header(bye, "To").contains("tag=fork-b"), bye);
            callee.send(SipBuilder.response(bye, 200, "OK").contact("peer", callee));
            String byeOk = skipInviteRepeats(caller);
            assertEquals(200, status(byeOk));
            assertTrue(header(byeOk, "CSeq").contains("BYE"), byeOk);
        }
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void cancelFromTheCallerIsRelayedFromDoCancel(SipPeer.Kind kind) throws Exception {
        start(kind);
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
            String ruri = SipBuilder.uri("bob", callee);
            String from = "<sip:alice@127.0.0.1>;tag=a" + SipBuilder.next();
            String callId = "cancel-" + SipBuilder.next();
            String inviteText = SipBuilder.request("INVITE", ruri).via(caller).fromValue(from).to("<" + ruri + ">")
                    .callId(callId).cseq(1).contact("peer", caller).body("application/sdp", "v=0\r\n").build();
            caller.send(inviteText);
            String invite = callee.next(3000);
            assertNotNull(invite);
            callee.send(SipBuilder.response(invite, 180, "Ringing").toTag("ring").contact("peer", callee));
            assertEquals(180, status(caller.next(3000)));

            caller.send(SipBuilder.cancel(inviteText));
            String relayed = nextRequest(callee);
            assertEquals("CANCEL", method(relayed), "the CANCEL reaches the callee side: " + relayed);
            assertEquals(header(invite, "Call-ID"), header(relayed, "Call-ID"));
        }
    }

    /** The next request a peer gets, skipping responses' repeats. */
    private static String nextRequest(SipPeer p) throws Exception {
        String m = p.next(3000);
        while (m != null && m.startsWith("SIP/2.0")) {
            m = p.next(3000);
        }
        assertNotNull(m, "no request arrived");
        return m;
    }

    private static String skipInviteRepeats(SipPeer p) throws Exception {
        String m = p.next(3000);
        while (m != null && header(m, "CSeq").contains("INVITE")) {
            m = p.next(3000);
        }
        return m;
    }
}
