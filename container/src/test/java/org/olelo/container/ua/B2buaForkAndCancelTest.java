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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.core.testkit.UdpPeer;

/**
 * A B2BUA built on the B2buaHelper between two raw UDP peers: a callee side that forks into two
 * early dialogs shows the caller two early dialogs, and the caller's ACK and BYE reach the dialog
 * that answered; a CANCEL from the caller is relayed with {@code createCancel} from
 * {@code doCancel}.
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
    UaTestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new UaTestServer(tmp, "b2b", Map.of("t.Relay", APP), "t.Relay");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void forkedEarlyDialogsReachTheCallerAndTheAnsweringOneCarriesAckAndBye() throws Exception {
        try (UdpPeer caller = server.peer(); UdpPeer callee = server.peer()) {
            String ruri = UaTestServer.uri("bob", callee);
            String from = "<sip:alice@127.0.0.1>;tag=a" + Sip.next();
            String callId = "fork-" + Sip.next();
            caller.send(Sip.request(caller, "INVITE", ruri, from, "<" + ruri + ">", callId, 1, null, "v=0\r\n").getBytes());

            String invite = Sip.next(callee, 3000);
            assertNotNull(invite, "the callee side gets the INVITE");
            assertNotEquals(callId, header(invite, "Call-ID"));
            callee.send(Sip.answer(invite, 180, "Ringing", "fork-a", callee, null, null).getBytes());
            String r180 = Sip.next(caller, 3000);
            assertEquals(180, status(r180));
            callee.send(Sip.answer(invite, 183, "Session Progress", "fork-b", callee, null, "v=0\r\n").getBytes());
            String r183 = Sip.next(caller, 3000);
            assertEquals(183, status(r183));
            String tagA = Sip.tag(header(r180, "To"));
            String tagB = Sip.tag(header(r183, "To"));
            assertNotEquals(tagA, tagB, "two early dialogs for the caller");

            callee.send(Sip.answer(invite, 200, "OK", "fork-b", callee, null, "v=0\r\n").getBytes());
            String ok = Sip.next(caller, 3000);
            assertEquals(200, status(ok));
            assertEquals(tagB, Sip.tag(header(ok, "To")), "the 2xx continues the early dialog of the fork that answered");

            String contact = contactUri(ok);
            String to = "<" + ruri + ">;tag=" + tagB;
            caller.send(Sip.request(caller, "ACK", contact, from, to, callId, 1, null, null).getBytes());
            String ack = nextRequest(callee);
            assertEquals("ACK", method(ack), "the callee's 2xx is acknowledged: " + ack);
            assertTrue(header(ack, "To").contains("tag=fork-b"), "ACK in the dialog that answered: " + ack);

            caller.send(Sip.request(caller, "BYE", contact, from, to, callId, 2, null, null).getBytes());
            String bye = nextRequest(callee);
            assertEquals("BYE", method(bye), "BYE relayed: " + bye);
            assertTrue(header(bye, "To").contains("tag=fork-b"), bye);
            callee.send(Sip.answer(bye, 200, "OK", null, callee, null, null).getBytes());
            String byeOk = skipInviteRepeats(caller);
            assertEquals(200, status(byeOk));
            assertTrue(header(byeOk, "CSeq").contains("BYE"), byeOk);
        }
    }

    @Test
    void cancelFromTheCallerIsRelayedFromDoCancel() throws Exception {
        try (UdpPeer caller = server.peer(); UdpPeer callee = server.peer()) {
            String ruri = UaTestServer.uri("bob", callee);
            String from = "<sip:alice@127.0.0.1>;tag=a" + Sip.next();
            String callId = "cancel-" + Sip.next();
            String inviteText = Sip.request(caller, "INVITE", ruri, from, "<" + ruri + ">", callId, 1, null, "v=0\r\n");
            caller.send(inviteText.getBytes());
            String invite = Sip.next(callee, 3000);
            assertNotNull(invite);
            callee.send(Sip.answer(invite, 180, "Ringing", "ring", callee, null, null).getBytes());
            assertEquals(180, status(Sip.next(caller, 3000)));

            String cancel = "CANCEL " + ruri + " SIP/2.0\r\nVia: " + header(inviteText, "Via") + "\r\nMax-Forwards: 70\r\n"
                    + "From: " + from + "\r\nTo: <" + ruri + ">\r\nCall-ID: " + callId + "\r\nCSeq: 1 CANCEL\r\n"
                    + "Content-Length: 0\r\n\r\n";
            caller.send(cancel.getBytes());
            String relayed = nextRequest(callee);
            assertEquals("CANCEL", method(relayed), "the CANCEL reaches the callee side: " + relayed);
            assertEquals(header(invite, "Call-ID"), header(relayed, "Call-ID"));
        }
    }

    /** The next request a peer gets, skipping responses' repeats. */
    private static String nextRequest(UdpPeer p) throws Exception {
        String m = Sip.next(p, 3000);
        while (m != null && m.startsWith("SIP/2.0")) {
            m = Sip.next(p, 3000);
        }
        assertNotNull(m, "no request arrived");
        return m;
    }

    private static String skipInviteRepeats(UdpPeer p) throws Exception {
        String m = Sip.next(p, 3000);
        while (m != null && header(m, "CSeq").contains("INVITE")) {
            m = Sip.next(p, 3000);
        }
        return m;
    }
}
