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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.olelo.container.testkit.CommonApps;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;
import org.olelo.core.testkit.SipText;

/**
 * A back-to-back user agent built on B2buaHelper: each side sees only the B2BUA (Call-ID, Via,
 * Contact), re-INVITE and BYE relayed from either side, CANCEL relayed, and a callee that forks
 * into two early dialogs shows up to the caller as two early dialogs. Each case runs in
 * memory, over UDP and over TCP.
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
    TestServer server;

    private void start(SipPeer.Kind kind) throws Exception {
        server = TestServer.builder().app("b2bua", CommonApps.servlet("b2bua", "t.Relay", Map.of("t.Relay", APP)))
                .routeAllTo("b2bua")
                .transport(kind).start(tmp);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private String ruri() {
        return server.uri("bob");
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void callWithReinviteFromTheCalleeAndByeFromTheCaller(SipPeer.Kind kind) throws Exception {
        start(kind);
        try (SipPeer a = server.caller(); SipPeer b = server.callee()) {
            String from = "<sip:alice@127.0.0.1>;tag=a" + SipBuilder.next();
            String callId = "b2b-" + SipBuilder.next();
            a.send(SipBuilder.request("INVITE", ruri()).via(a).fromValue(from).to("<" + ruri() + ">").callId(callId)
                    .cseq(1).contact("peer", a).header("X-Target", SipBuilder.uri("bob", b))
                    .body("application/sdp", "v=0 offer\r\n"));
            String inv = b.next(3000);
            assertEquals("INVITE", method(inv));
            assertNotEquals(callId, header(inv, "Call-ID"), "the callee never sees the caller's Call-ID");
            assertFalse(inv.contains("127.0.0.1:" + a.address().getPort()), "nor the caller's Via or Contact:\n" + inv);
            assertEquals("v=0 offer\r\n", inv.substring(inv.indexOf("\r\n\r\n") + 4), "the offer is relayed");
            assertEquals("69", header(inv, "Max-Forwards"));

            String btag = "b" + SipBuilder.next();
            b.send(SipBuilder.response(inv, 180, "Ringing").toTag(btag).contact("peer", b));
            String ringing = a.next(3000);
            assertEquals(180, status(ringing));
            String atag = SipText.tag(header(ringing, "To"));
            b.send(SipBuilder.response(inv, 200, "OK").toTag(btag).contact("peer", b)
                    .body("application/sdp", "v=0 answer\r\n"));
            String ok = a.next(3000);
            assertEquals(200, status(ok));
            assertEquals(atag, SipText.tag(header(ok, "To")));
            assertFalse(ok.contains("127.0.0.1:" + b.address().getPort()), "the caller never sees the callee:\n" + ok);
            String aContact = contactUri(ok);
            String aTo = "<" + ruri() + ">;tag=" + atag;
            a.send(SipBuilder.request("ACK", aContact).via(a).fromValue(from).to(aTo).callId(callId).cseq(1)
                    .contact("peer", a));
            String ack = b.next(3000);
            assertEquals("ACK", method(ack));
            assertEquals(btag, SipText.tag(header(ack, "To")));

            // the callee re-INVITEs: it arrives at the caller in the caller's dialog
            String bFrom = header(inv, "To") + ";tag=" + btag;
            String bTo = header(inv, "From");
            String bContact = contactUri(inv);
            String bCallId = header(inv, "Call-ID");
            b.send(SipBuilder.request("INVITE", bContact).via(b).fromValue(bFrom).to(bTo).callId(bCallId).cseq(1)
                    .contact("peer", b).body("application/sdp", "v=0 hold\r\n"));
            String reinv = skip(a, "INVITE", 1);
            assertEquals("INVITE", method(reinv));
            assertEquals(callId, header(reinv, "Call-ID"));
            assertEquals(atag, SipText.tag(header(reinv, "From")), "our tag towards the caller");
            a.send(SipBuilder.response(reinv, 200, "OK").contact("peer", a).body("application/sdp", "v=0 held\r\n"));
            String reOk = b.next(3000);
            assertEquals(200, status(reOk));
            b.send(SipBuilder.request("ACK", bContact).via(b).fromValue(bFrom).to(bTo).callId(bCallId).cseq(1)
                    .contact("peer", b));
            assertEquals("ACK", method(skip(a, "ACK", 1)));

            a.send(SipBuilder.request("BYE", aContact).via(a).fromValue(from).to(aTo).callId(callId).cseq(2)
                    .contact("peer", a));
            String bye = skip(b, "BYE", 1);
            assertEquals("BYE", method(bye));
            b.send(SipBuilder.response(bye, 200, "OK").contact("peer", b));
            String byeOk = skip(a, "200", 1);
            assertEquals(200, status(byeOk));
            assertTrue(header(byeOk, "CSeq").contains("BYE"));
        }
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void calleeForkingIntoTwoEarlyDialogsGivesTheCallerTwoEarlyDialogs(SipPeer.Kind kind) throws Exception {
        start(kind);
        try (SipPeer a = server.caller(); SipPeer b = server.callee()) {
            String from = "<sip:alice@127.0.0.1>;tag=a" + SipBuilder.next();
            String callId = "fork-" + SipBuilder.next();
            a.send(SipBuilder.request("INVITE", ruri()).via(a).fromValue(from).to("<" + ruri() + ">").callId(callId)
                    .cseq(1).contact("peer", a).header("X-Target", SipBuilder.uri("bob", b)));
            String inv = b.next(3000);
            b.send(SipBuilder.response(inv, 180, "Ringing").toTag("fork1").contact("peer", b));
            String r1 = a.next(3000);
            b.send(SipBuilder.response(inv, 183, "Session Progress").toTag("fork2").contact("peer", b));
            String r2 = a.next(3000);
            assertEquals(180, status(r1));
            assertEquals(183, status(r2));
            String t1 = SipText.tag(header(r1, "To"));
            String t2 = SipText.tag(header(r2, "To"));
            assertNotNull(t1);
            assertNotNull(t2);
            assertNotEquals(t1, t2, "each far-side early dialog is its own early dialog towards the caller");
            b.send(SipBuilder.response(inv, 200, "OK").toTag("fork2").contact("peer", b)
                    .body("application/sdp", "v=0\r\n"));
            String ok = a.next(3000);
            assertEquals(200, status(ok));
            assertEquals(t2, SipText.tag(header(ok, "To")), "the 2xx belongs to the second dialog");
            a.send(SipBuilder.request("ACK", contactUri(ok)).via(a).fromValue(from).to("<" + ruri() + ">;tag=" + t2)
                    .callId(callId).cseq(1).contact("peer", a));
            String ack = b.next(3000);
            assertEquals("ACK", method(ack));
            assertEquals("fork2", SipText.tag(header(ack, "To")));
        }
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void cancelIsRelayed(SipPeer.Kind kind) throws Exception {
        start(kind);
        try (SipPeer a = server.caller(); SipPeer b = server.callee()) {
            String from = "<sip:alice@127.0.0.1>;tag=a" + SipBuilder.next();
            String callId = "cancel-" + SipBuilder.next();
            String invite = SipBuilder.request("INVITE", ruri()).via(a).fromValue(from).to("<" + ruri() + ">")
                    .callId(callId).cseq(1).contact("peer", a).header("X-Target", SipBuilder.uri("bob", b))
                    .build();
            a.send(invite);
            String inv = b.next(3000);
            b.send(SipBuilder.response(inv, 180, "Ringing").toTag("r1").contact("peer", b));
            assertEquals(180, status(a.next(3000)));
            a.send(SipBuilder.cancel(invite));
            String bc = b.next(3000);
            assertEquals("CANCEL", method(bc));
            b.send(SipBuilder.response(bc, 200, "OK").toTag("r1").contact("peer", b));
            b.send(SipBuilder.response(inv, 487, "Request Terminated").toTag("r1"));
            boolean got487 = false;
            for (int i = 0; i < 3 && !got487; i++) {
                String m = a.next(3000);
                assertNotNull(m);
                got487 = status(m) == 487;
            }
            assertTrue(got487, "the caller's INVITE ends with 487");
        }
    }

    /** The next message whose method or status starts with {@code what}, skipping repeats. */
    private static String skip(SipPeer p, String what, int ignored) throws Exception {
        for (int i = 0; i < 6; i++) {
            String m = p.next(3000);
            if (m == null || m.startsWith(what) || m.startsWith("SIP/2.0 " + what)) {
                return m;
            }
        }
        return null;
    }
}
