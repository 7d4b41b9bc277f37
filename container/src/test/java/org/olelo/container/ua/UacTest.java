package org.olelo.container.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.olelo.core.testkit.SipText.contactUri;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.method;
import static org.olelo.core.testkit.SipText.status;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.core.testkit.UdpPeer;

/**
 * An application that places calls (UAC): SipFactory.createRequest and send, responses delivered
 * to the do*Response methods, ACK and BYE it creates, CANCEL, a digest challenge answered with
 * addAuthHeader, and a 408 when nobody answers. A MESSAGE from a test peer tells the application
 * whom to call ({@code X-Call}) and how ({@code X-Mode}). Real UDP on loopback.
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
    UaTestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new UaTestServer(tmp, "uac", Map.of("t.Caller", APP), "t.Caller");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Asks the application to call {@code callee}; returns after the MESSAGE's 200. */
    private void trigger(UdpPeer control, UdpPeer callee, String mode) throws Exception {
        String ruri = "sip:svc@127.0.0.1:" + server.address().getPort();
        control.send(Sip.request(control, "MESSAGE", ruri, "<sip:ops@127.0.0.1>;tag=o" + Sip.next(), "<" + ruri + ">",
                "msg-" + Sip.next(), 1, "X-Call: <" + UaTestServer.uri("bob", callee) + ">\r\nX-Mode: " + mode
                        + "\r\nX-Report: <" + UaTestServer.uri("ops", control) + ">\r\n", null).getBytes());
        assertEquals(200, status(Sip.next(control, 3000)));
    }

    /** The next MESSAGE the application reports with; answered 200. */
    private static String event(UdpPeer control) throws Exception {
        String m = Sip.next(control, 5000);
        assertNotNull(m, "a report from the application");
        assertEquals("MESSAGE", method(m));
        control.send(Sip.answer(m, 200, "OK", "r" + Sip.next(), control, null, null).getBytes());
        return header(m, "X-Event");
    }

    @Test
    void callAnsweredAcknowledgedAndHungUpWithDigestRetry() throws Exception {
        try (UdpPeer control = server.peer(); UdpPeer bob = server.peer()) {
            trigger(control, bob, "call");
            String inv = Sip.next(bob, 3000);
            assertEquals("INVITE", method(inv));
            assertNull(Sip.tag(header(inv, "To")), "no To tag on an initial request");
            assertNotNull(Sip.tag(header(inv, "From")));
            assertTrue(contactUri(inv).endsWith(":" + server.address().getPort()), "our Contact: " + header(inv, "Contact"));
            assertEquals("1 INVITE", header(inv, "CSeq"));
            bob.send(Sip.answer(inv, 407, "Proxy Authentication Required", "b" + Sip.next(), bob,
                    "Proxy-Authenticate: Digest realm=\"test.realm\", nonce=\"n0nce\", qop=\"auth\", algorithm=MD5\r\n",
                    null).getBytes());
            assertEquals("ACK", method(Sip.next(bob, 3000)), "the transaction acknowledges the 407");

            String inv2 = Sip.next(bob, 3000);
            assertEquals("INVITE", method(inv2));
            assertEquals("2 INVITE", header(inv2, "CSeq"), "the retry has the next CSeq");
            assertEquals(header(inv, "Call-ID"), header(inv2, "Call-ID"));
            assertEquals(Sip.tag(header(inv, "From")), Sip.tag(header(inv2, "From")));
            checkDigest(header(inv2, "Proxy-Authorization"), "INVITE");

            String tag = "b" + Sip.next();
            bob.send(Sip.answer(inv2, 180, "Ringing", tag, bob, null, null).getBytes());
            bob.send(Sip.answer(inv2, 200, "OK", tag, bob, null, "v=0\r\n").getBytes());
            String ack = Sip.next(bob, 3000);
            assertEquals("ACK", method(ack));
            assertEquals("2 ACK", header(ack, "CSeq"));
            assertEquals("sip:peer@127.0.0.1:" + bob.address().getPort(), ack.substring(4, ack.indexOf(" SIP/2.0")),
                    "ACK goes to the remote target");
            assertEquals(tag, Sip.tag(header(ack, "To")));
            assertEquals("answered CONFIRMED", event(control));

            bob.send(Sip.answer(inv2, 200, "OK", tag, bob, null, "v=0\r\n").getBytes());
            String bye = Sip.next(bob, 3000);
            if ("ACK".equals(method(bye))) {
                bye = Sip.next(bob, 3000); // the ACK repeated for the repeated 2xx may come first
            }
            assertEquals("BYE", method(bye));
            assertEquals("3 BYE", header(bye, "CSeq"));
            bob.send(Sip.answer(bye, 200, "OK", null, bob, null, null).getBytes());
            String next = Sip.next(bob, 1000);
            assertTrue(next == null || "ACK".equals(method(next)), "only an ACK repeat may follow: " + next);
            assertEquals("ended TERMINATED", event(control));
        }
    }

    @Test
    void ringingCallCancelledByTheApplication() throws Exception {
        try (UdpPeer control = server.peer(); UdpPeer bob = server.peer()) {
            trigger(control, bob, "cancel");
            String inv = Sip.next(bob, 3000);
            String tag = "b" + Sip.next();
            bob.send(Sip.answer(inv, 180, "Ringing", tag, bob, null, null).getBytes());
            String cancel = Sip.next(bob, 3000);
            assertEquals("CANCEL", method(cancel));
            assertEquals(header(inv, "Via"), header(cancel, "Via"), "CANCEL has the INVITE's Via (RFC 3261 §9.1)");
            bob.send(Sip.answer(cancel, 200, "OK", tag, bob, null, null).getBytes());
            bob.send(Sip.answer(inv, 487, "Request Terminated", tag, bob, null, null).getBytes());
            assertEquals("ACK", method(Sip.next(bob, 3000)));
            assertEquals("failed 487", event(control));
        }
    }

    private static void checkDigest(String auth, String method) throws Exception {
        assertNotNull(auth, "Proxy-Authorization on the retry");
        String user = param(auth, "username");
        String uri = param(auth, "uri");
        String nc = param(auth, "nc");
        String cnonce = param(auth, "cnonce");
        assertEquals("app", user);
        String ha1 = md5("app:test.realm:secret");
        String expected = md5(ha1 + ":n0nce:" + nc + ":" + cnonce + ":auth:" + md5(method + ":" + uri));
        assertEquals(expected, param(auth, "response"), auth);
    }

    private static String param(String h, String name) {
        Matcher m = Pattern.compile(name + "=\"?([^\",]+)\"?").matcher(h);
        assertTrue(m.find(), name + " in " + h);
        return m.group(1);
    }

    private static String md5(String s) throws Exception {
        byte[] d = MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
        return String.format("%032x", new BigInteger(1, d));
    }
}
