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
import org.olelo.container.testkit.DigestClient;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;
import org.olelo.core.testkit.SipText;

/**
 * An application that places calls (UAC): SipFactory.createRequest and send, responses delivered
 * to the do*Response methods, ACK and BYE it creates, CANCEL, a digest challenge answered with
 * addAuthHeader, and a 408 when nobody answers. A MESSAGE from a test peer tells the application
 * whom to call ({@code X-Call}) and how ({@code X-Mode}). Each case runs in
 * memory, over UDP and over TCP.
 */
class UacTest {

    static final String APP = """
            package t;
            import jakarta.servlet.sip.*;
            import java.io.IOException;
            public class Caller extends SipServlet {
                private SipFactory factory() {
                    return (SipFactory) getServletContext().getAttribute(SIP_FACTORY);
                }
                @Override
                protected void doMessage(SipServletRequest req) throws IOException, jakarta.servlet.ServletException {
                    req.createResponse(200).send();
                    SipServletRequest inv = factory().createRequest(req.getApplicationSession(), "INVITE",
                            "\\"Olelo\\" <sip:app@olelo.test>", req.getHeader("X-Call"));
                    inv.setHeader("X-Mode", req.getHeader("X-Mode"));
                    inv.getApplicationSession().setAttribute("reporter", req.getHeader("X-Report"));
                    inv.setContent("v=0\\r\\n", "application/sdp");
                    inv.send();
                }
                private void report(SipServletResponse resp, String what) throws IOException, jakarta.servlet.ServletException {
                    String to = (String) resp.getApplicationSession().getAttribute("reporter");
                    SipServletRequest m = factory().createRequest(factory().createApplicationSession(), "MESSAGE",
                            "<sip:app@olelo.test>", to);
                    m.setHeader("X-Event", what);
                    m.send();
                }
                @Override
                protected void doProvisionalResponse(SipServletResponse resp) throws IOException {
                    if ("cancel".equals(resp.getRequest().getHeader("X-Mode")) && resp.getStatus() == 180) {
                        resp.getRequest().createCancel().send();
                    }
                }
                @Override
                protected void doSuccessResponse(SipServletResponse resp) throws IOException, jakarta.servlet.ServletException {
                    if (resp.getMethod().equals("INVITE")) {
                        resp.createAck().send();
                        report(resp, "answered " + resp.getSession().getState());
                        resp.getSession().createRequest("BYE").send();
                    } else if (resp.getMethod().equals("BYE")) {
                        report(resp, "ended " + resp.getSession().getState());
                    }
                }
                @Override
                protected void doErrorResponse(SipServletResponse resp) throws IOException, jakarta.servlet.ServletException {
                    if (resp.getStatus() == 407 && resp.getRequest().getHeader("Proxy-Authorization") == null) {
                        SipServletRequest again = resp.getSession().createRequest("INVITE");
                        AuthInfo ai = factory().createAuthInfo();
                        ai.addAuthInfo(407, "test.realm", "app", "secret");
                        again.addAuthHeader(resp, ai);
                        again.send();
                        return;
                    }
                    if (resp.getMethod().equals("INVITE")) {
                        report(resp, "failed " + resp.getStatus());
                    }
                }
            }
            """;

    @TempDir
    Path tmp;
    TestServer server;

    private void start(SipPeer.Kind kind) throws Exception {
        server = TestServer.builder().app("uac", CommonApps.servlet("uac", "t.Caller", Map.of("t.Caller", APP)))
                .routeAllTo("uac")
                .transport(kind).start(tmp);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Asks the application to call {@code callee}; returns after the MESSAGE's 200. */
    private void trigger(SipPeer control, SipPeer callee, String mode) throws Exception {
        String ruri = server.uri("svc");
        control.send(SipBuilder.request("MESSAGE", ruri).via(control)
                .fromValue("<sip:ops@127.0.0.1>;tag=o" + SipBuilder.next()).to("<" + ruri + ">")
                .callId("msg-" + SipBuilder.next()).cseq(1).contact("peer", control)
                .lines("X-Call: <" + SipBuilder.uri("bob", callee) + ">\r\nX-Mode: " + mode
                        + "\r\nX-Report: <" + SipBuilder.uri("ops", control) + ">\r\n"));
        assertEquals(200, status(control.next(3000)));
    }

    /** The next MESSAGE the application reports with; answered 200. */
    private static String event(SipPeer control) throws Exception {
        String m = control.next(5000);
        assertNotNull(m, "a report from the application");
        assertEquals("MESSAGE", method(m));
        control.send(SipBuilder.response(m, 200, "OK").toTag("r" + SipBuilder.next()).contact("peer", control));
        return header(m, "X-Event");
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void callAnsweredAcknowledgedAndHungUpWithDigestRetry(SipPeer.Kind kind) throws Exception {
        start(kind);
        try (SipPeer control = server.caller(); SipPeer bob = server.callee()) {
            trigger(control, bob, "call");
            String inv = bob.next(3000);
            assertEquals("INVITE", method(inv));
            assertNull(SipText.tag(header(inv, "To")), "no To tag on an initial request");
            assertNotNull(SipText.tag(header(inv, "From")));
            assertTrue(server.isOwn(contactUri(inv)), "our Contact: " + header(inv, "Contact"));
            assertEquals("1 INVITE", header(inv, "CSeq"));
            bob.send(SipBuilder.response(inv, 407, "Proxy Authentication Required").toTag("b" + SipBuilder.next())
                    .header("Proxy-Authenticate", "Digest realm=\"test.realm\", nonce=\"n0nce\", qop=\"auth\", algorithm=MD5"));
            assertEquals("ACK", method(bob.next(3000)), "the transaction acknowledges the 407");

            String inv2 = bob.next(3000);
            assertEquals("INVITE", method(inv2));
            assertEquals("2 INVITE", header(inv2, "CSeq"), "the retry has the next CSeq");
            assertEquals(header(inv, "Call-ID"), header(inv2, "Call-ID"));
            assertEquals(SipText.tag(header(inv, "From")), SipText.tag(header(inv2, "From")));
            checkDigest(header(inv2, "Proxy-Authorization"), "INVITE");

            String tag = "b" + SipBuilder.next();
            bob.send(SipBuilder.response(inv2, 180, "Ringing").toTag(tag).contact("peer", bob));
            bob.send(SipBuilder.response(inv2, 200, "OK").toTag(tag).contact("peer", bob)
                    .body("application/sdp", "v=0\r\n"));
            String ack = bob.next(3000);
            assertEquals("ACK", method(ack));
            assertEquals("2 ACK", header(ack, "CSeq"));
            assertEquals(SipBuilder.uri("peer", bob), ack.substring(4, ack.indexOf(" SIP/2.0")),
                    "ACK goes to the remote target");
            assertEquals(tag, SipText.tag(header(ack, "To")));
            assertEquals("answered CONFIRMED", event(control));

            bob.send(SipBuilder.response(inv2, 200, "OK").toTag(tag).contact("peer", bob)
                    .body("application/sdp", "v=0\r\n"));
            String bye = bob.next(3000);
            if ("ACK".equals(method(bye))) {
                bye = bob.next(3000); // the ACK repeated for the repeated 2xx may come first
            }
            assertEquals("BYE", method(bye));
            assertEquals("3 BYE", header(bye, "CSeq"));
            bob.send(SipBuilder.response(bye, 200, "OK").contact("peer", bob));
            String next = bob.next(1000);
            assertTrue(next == null || "ACK".equals(method(next)), "only an ACK repeat may follow: " + next);
            assertEquals("ended TERMINATED", event(control));
        }
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void ringingCallCancelledByTheApplication(SipPeer.Kind kind) throws Exception {
        start(kind);
        try (SipPeer control = server.caller(); SipPeer bob = server.callee()) {
            trigger(control, bob, "cancel");
            String inv = bob.next(3000);
            String tag = "b" + SipBuilder.next();
            bob.send(SipBuilder.response(inv, 180, "Ringing").toTag(tag).contact("peer", bob));
            String cancel = bob.next(3000);
            assertEquals("CANCEL", method(cancel));
            assertEquals(header(inv, "Via"), header(cancel, "Via"), "CANCEL has the INVITE's Via (RFC 3261 §9.1)");
            bob.send(SipBuilder.response(cancel, 200, "OK").toTag(tag).contact("peer", bob));
            bob.send(SipBuilder.response(inv, 487, "Request Terminated").toTag(tag));
            assertEquals("ACK", method(bob.next(3000)));
            assertEquals("failed 487", event(control));
        }
    }

    private static void checkDigest(String auth, String method) {
        assertNotNull(auth, "Proxy-Authorization on the retry");
        Map<String, String> p = DigestClient.params(auth);
        assertEquals("app", p.get("username"));
        String ha1 = DigestClient.hex("MD5", "app:test.realm:secret");
        String ha2 = DigestClient.hex("MD5", method + ":" + p.get("uri"));
        String expected = DigestClient.hex("MD5", ha1 + ":n0nce:" + p.get("nc") + ":" + p.get("cnonce") + ":auth:" + ha2);
        assertEquals(expected, p.get("response"), auth);
    }
}
