package org.olelo.container.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * A back-to-back user agent built on B2buaHelper: each side sees only the B2BUA (Call-ID, Via,
 * Contact), re-INVITE and BYE relayed from either side, CANCEL relayed, and a callee that forks
 * into two early dialogs shows up to the caller as two early dialogs. Real UDP on loopback.
 */
class B2buaTest {

    static final String APP = """
            package t;
            import jakarta.servlet.sip.*;
            import java.io.IOException;
            public class Relay extends SipServlet {
                private SipFactory factory() {
                    return (SipFactory) getServletContext().getAttribute(SIP_FACTORY);
                }
                @Override
                protected void doRequest(SipServletRequest req) throws jakarta.servlet.ServletException, IOException {
                    String m = req.getMethod();
                    B2buaHelper h = req.getB2buaHelper();
                    if (m.equals("ACK")) {
                        SipSession other = h.getLinkedSession(req.getSession());
                        for (SipServletMessage p : h.getPendingMessages(other, UAMode.UAC)) {
                            if (p instanceof SipServletResponse r && r.getStatus() / 100 == 2) {
                                r.createAck().send();
                            }
                        }
                        return;
                    }
                    if (m.equals("CANCEL")) {
                        h.createCancel(h.getLinkedSession(req.getSession())).send();
                        return;
                    }
                    if (req.isInitial()) {
                        SipServletRequest out = h.createRequest(req, true, null);
                        out.setRequestURI(factory().createURI(req.getHeader("X-Target")));
                        out.removeHeader("X-Target");
                        out.send();
                        return;
                    }
                    h.createRequest(h.getLinkedSession(req.getSession()), req, null).send();
                }
                @Override
                protected void doResponse(SipServletResponse resp) throws jakarta.servlet.ServletException, IOException {
                    if (resp.getMethod().equals("CANCEL")) {
                        return;
                    }
                    B2buaHelper h = resp.getRequest().getB2buaHelper();
                    SipServletRequest orig = h.getLinkedSipServletRequest(resp.getRequest());
                    SipServletResponse r;
                    if (resp.getRequest().isInitial() && resp.getStatus() < 300) {
                        r = h.createResponseToOriginalRequest(h.getLinkedSession(resp.getSession()), resp.getStatus(),
                                resp.getReasonPhrase());
                    } else {
                        if (orig.getFinalResponse() != null && resp.getRequest().isInitial()) {
                            return;
                        }
                        r = orig.createResponse(resp.getStatus(), resp.getReasonPhrase());
                    }
                    if (resp.getContentLength() > 0) {
                        r.setContent(resp.getRawContent(), resp.getContentType());
                    }
                    r.send();
                }
            }
            """;

    @TempDir
    Path tmp;
    UaTestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new UaTestServer(tmp, "b2bua", Map.of("t.Relay", APP), "t.Relay");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String ruri() {
        return "sip:bob@127.0.0.1:" + server.address().getPort();
    }

    @Test
    void callWithReinviteFromTheCalleeAndByeFromTheCaller() throws Exception {
        try (UdpPeer a = server.peer(); UdpPeer b = server.peer()) {
            String from = "<sip:alice@127.0.0.1>;tag=a" + Sip.next();
            String callId = "b2b-" + Sip.next();
            a.send(Sip.request(a, "INVITE", ruri(), from, "<" + ruri() + ">", callId, 1,
                    "X-Target: " + UaTestServer.uri("bob", b) + "\r\n", "v=0 offer\r\n").getBytes());
            String inv = Sip.next(b, 3000);
            assertEquals("INVITE", method(inv));
            assertNotEquals(callId, header(inv, "Call-ID"), "the callee never sees the caller's Call-ID");
            assertFalse(inv.contains("127.0.0.1:" + a.address().getPort()), "nor the caller's Via or Contact:\n" + inv);
            assertEquals("v=0 offer\r\n", inv.substring(inv.indexOf("\r\n\r\n") + 4), "the offer is relayed");
            assertEquals("69", header(inv, "Max-Forwards"));

            String btag = "b" + Sip.next();
            b.send(Sip.answer(inv, 180, "Ringing", btag, b, null, null).getBytes());
            String ringing = Sip.next(a, 3000);
            assertEquals(180, status(ringing));
            String atag = Sip.tag(header(ringing, "To"));
            b.send(Sip.answer(inv, 200, "OK", btag, b, null, "v=0 answer\r\n").getBytes());
            String ok = Sip.next(a, 3000);
            assertEquals(200, status(ok));
            assertEquals(atag, Sip.tag(header(ok, "To")));
            assertFalse(ok.contains("127.0.0.1:" + b.address().getPort()), "the caller never sees the callee:\n" + ok);
            String aContact = contactUri(ok);
            String aTo = "<" + ruri() + ">;tag=" + atag;
            a.send(Sip.request(a, "ACK", aContact, from, aTo, callId, 1, null, null).getBytes());
            String ack = Sip.next(b, 3000);
            assertEquals("ACK", method(ack));
            assertEquals(btag, Sip.tag(header(ack, "To")));

            // the callee re-INVITEs: it arrives at the caller in the caller's dialog
            String bFrom = header(inv, "To") + ";tag=" + btag;
            String bTo = header(inv, "From");
            String bContact = contactUri(inv);
            String bCallId = header(inv, "Call-ID");
            b.send(Sip.request(b, "INVITE", bContact, bFrom, bTo, bCallId, 1, null, "v=0 hold\r\n").getBytes());
            String reinv = skip(a, "INVITE", 1);
            assertEquals("INVITE", method(reinv));
            assertEquals(callId, header(reinv, "Call-ID"));
            assertEquals(atag, Sip.tag(header(reinv, "From")), "our tag towards the caller");
            a.send(Sip.answer(reinv, 200, "OK", null, a, null, "v=0 held\r\n").getBytes());
            String reOk = Sip.next(b, 3000);
            assertEquals(200, status(reOk));
            b.send(Sip.request(b, "ACK", bContact, bFrom, bTo, bCallId, 1, null, null).getBytes());
            assertEquals("ACK", method(skip(a, "ACK", 1)));

            a.send(Sip.request(a, "BYE", aContact, from, aTo, callId, 2, null, null).getBytes());
            String bye = skip(b, "BYE", 1);
            assertEquals("BYE", method(bye));
            b.send(Sip.answer(bye, 200, "OK", null, b, null, null).getBytes());
            String byeOk = skip(a, "200", 1);
            assertEquals(200, status(byeOk));
            assertTrue(header(byeOk, "CSeq").contains("BYE"));
        }
    }

    @Test
    void calleeForkingIntoTwoEarlyDialogsGivesTheCallerTwoEarlyDialogs() throws Exception {
        try (UdpPeer a = server.peer(); UdpPeer b = server.peer()) {
            String from = "<sip:alice@127.0.0.1>;tag=a" + Sip.next();
            String callId = "fork-" + Sip.next();
            a.send(Sip.request(a, "INVITE", ruri(), from, "<" + ruri() + ">", callId, 1,
                    "X-Target: " + UaTestServer.uri("bob", b) + "\r\n", null).getBytes());
            String inv = Sip.next(b, 3000);
            b.send(Sip.answer(inv, 180, "Ringing", "fork1", b, null, null).getBytes());
            String r1 = Sip.next(a, 3000);
            b.send(Sip.answer(inv, 183, "Session Progress", "fork2", b, null, null).getBytes());
            String r2 = Sip.next(a, 3000);
            assertEquals(180, status(r1));
            assertEquals(183, status(r2));
            String t1 = Sip.tag(header(r1, "To"));
            String t2 = Sip.tag(header(r2, "To"));
            assertNotNull(t1);
            assertNotNull(t2);
            assertNotEquals(t1, t2, "each far-side early dialog is its own early dialog towards the caller");
            b.send(Sip.answer(inv, 200, "OK", "fork2", b, null, "v=0\r\n").getBytes());
            String ok = Sip.next(a, 3000);
            assertEquals(200, status(ok));
            assertEquals(t2, Sip.tag(header(ok, "To")), "the 2xx belongs to the second dialog");
            a.send(Sip.request(a, "ACK", contactUri(ok), from, "<" + ruri() + ">;tag=" + t2, callId, 1, null, null).getBytes());
            String ack = Sip.next(b, 3000);
            assertEquals("ACK", method(ack));
            assertEquals("fork2", Sip.tag(header(ack, "To")));
        }
    }

    @Test
    void cancelIsRelayed() throws Exception {
        try (UdpPeer a = server.peer(); UdpPeer b = server.peer()) {
            String from = "<sip:alice@127.0.0.1>;tag=a" + Sip.next();
            String callId = "cancel-" + Sip.next();
            String invite = Sip.request(a, "INVITE", ruri(), from, "<" + ruri() + ">", callId, 1,
                    "X-Target: " + UaTestServer.uri("bob", b) + "\r\n", null);
            a.send(invite.getBytes());
            String inv = Sip.next(b, 3000);
            b.send(Sip.answer(inv, 180, "Ringing", "r1", b, null, null).getBytes());
            assertEquals(180, status(Sip.next(a, 3000)));
            String cancel = invite.replaceFirst("INVITE ", "CANCEL ").replace("CSeq: 1 INVITE", "CSeq: 1 CANCEL")
                    .replaceAll("Contact: [^\r]*\r\n", "");
            a.send(cancel.getBytes());
            String bc = Sip.next(b, 3000);
            assertEquals("CANCEL", method(bc));
            b.send(Sip.answer(bc, 200, "OK", "r1", b, null, null).getBytes());
            b.send(Sip.answer(inv, 487, "Request Terminated", "r1", b, null, null).getBytes());
            boolean got487 = false;
            for (int i = 0; i < 3 && !got487; i++) {
                String m = Sip.next(a, 3000);
                assertNotNull(m);
                got487 = status(m) == 487;
            }
            assertTrue(got487, "the caller's INVITE ends with 487");
        }
    }

    /** The next message whose method or status starts with {@code what}, skipping repeats. */
    private static String skip(UdpPeer p, String what, int ignored) throws Exception {
        for (int i = 0; i < 6; i++) {
            String m = Sip.next(p, 3000);
            if (m == null || m.startsWith(what) || m.startsWith("SIP/2.0 " + what)) {
                return m;
            }
        }
        return null;
    }
}
