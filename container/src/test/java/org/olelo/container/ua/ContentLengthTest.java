package org.olelo.container.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * {@code setContentLength} and {@code setContentLengthLong} on messages an application composes:
 * a back-to-back user agent that copies the callee's answer the way call-forwarding applications
 * written for JSR 289 do (length first, then the body) gets the call answered; a received message
 * and a sent one refuse the call; the wire always frames the body that is sent. Each case runs in memory, over UDP and over TCP.
 */
class ContentLengthTest {

    static final String APP = """
            package t;
            import jakarta.servlet.sip.*;
            import java.io.IOException;
            public class Forward extends SipServlet {
                static String outcome(Runnable r) {
                    try {
                        r.run();
                        return "set";
                    } catch (IllegalStateException e) {
                        return "refused";
                    }
                }
                @Override
                protected void doInvite(SipServletRequest req) throws jakarta.servlet.ServletException, IOException {
                    String target = req.getHeader("X-Target");
                    if (target != null) {
                        B2buaHelper h = req.getB2buaHelper();
                        SipServletRequest out = h.createRequest(req, true, null);
                        out.setRequestURI(((SipFactory) getServletContext().getAttribute(SIP_FACTORY)).createURI(target));
                        out.removeHeader("X-Target");
                        out.send();
                        return;
                    }
                    String received = outcome(() -> req.setContentLength(0));
                    SipServletResponse ringing = req.createResponse(180);
                    ringing.setContentLength(0);
                    ringing.send();
                    String committed = outcome(() -> ringing.setContentLength(0));
                    byte[] sdp = "v=0 answer of the application\\r\\n".getBytes();
                    SipServletResponse ok = req.createResponse(200);
                    ok.setContent(sdp, "application/sdp");
                    ok.setContentLength(3); // disagrees with the body: the wire must not
                    ok.setHeader("X-Declared", ok.getHeader("Content-Length"));
                    ok.setHeader("X-Received", received);
                    ok.setHeader("X-Committed", committed);
                    ok.send();
                }
                @Override
                protected void doResponse(SipServletResponse resp) throws jakarta.servlet.ServletException, IOException {
                    B2buaHelper h = resp.getRequest().getB2buaHelper();
                    SipServletRequest orig = h.getLinkedSipServletRequest(resp.getRequest());
                    SipServletResponse r = resp.getStatus() < 300
                            ? h.createResponseToOriginalRequest(h.getLinkedSession(resp.getSession()), resp.getStatus(),
                                    resp.getReasonPhrase())
                            : orig.createResponse(resp.getStatus());
                    r.setContentLength(resp.getContentLength());
                    if (resp.getContent() != null && resp.getContentType() != null) {
                        r.setContent(resp.getContent(), resp.getContentType());
                        r.setContentLengthLong(resp.getContentLength());
                    }
                    r.send();
                }
            }
            """;

    @TempDir
    Path tmp;
    TestServer server;

    private void start(SipPeer.Kind kind) throws Exception {
        server = TestServer.builder().app("forward", CommonApps.servlet("forward", "t.Forward", Map.of("t.Forward", APP)))
                .routeAllTo("forward").transport(kind).start(tmp);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private SipBuilder invite(SipPeer a) {
        return SipBuilder.request("INVITE", server.uri("bob")).via(a).from("<sip:alice@127.0.0.1>").contact("peer", a)
                .body("application/sdp", "v=0 offer\r\n");
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void aForwardingB2buaThatSetsTheLengthBeforeTheBodyGetsTheCallAnswered(SipPeer.Kind kind) throws Exception {
        start(kind);
        try (SipPeer a = server.caller(); SipPeer b = server.callee()) {
            a.send(invite(a).header("X-Target", server.uriOf("bob", b)));
            String inv = b.next(3000);
            assertEquals("INVITE", method(inv));
            String btag = "b" + SipBuilder.next();
            b.send(SipBuilder.response(inv, 180, "Ringing").toTag(btag).contact("peer", b));
            String ringing = a.next(3000);
            assertEquals(180, status(ringing), ringing);
            assertEquals("0", header(ringing, "Content-Length"));
            b.send(SipBuilder.response(inv, 200, "OK").toTag(btag).contact("peer", b).body("application/sdp", "v=0 answer\r\n"));
            String ok = a.next(3000);
            assertEquals(200, status(ok), "the answered call reaches the caller: " + ok);
            assertEquals("v=0 answer\r\n", SipText.body(ok));
            assertEquals(Integer.toString("v=0 answer\r\n".length()), header(ok, "Content-Length"));
        }
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void receivedAndSentMessagesRefuseTheLengthAndTheWireFramesTheBodySent(SipPeer.Kind kind) throws Exception {
        start(kind);
        try (SipPeer a = server.caller()) {
            a.send(invite(a));
            String ringing = a.next(3000);
            assertEquals(180, status(ringing), ringing);
            String ok = a.next(3000);
            assertEquals(200, status(ok), ok);
            assertEquals("refused", header(ok, "X-Received"), "a received request keeps its length");
            assertEquals("refused", header(ok, "X-Committed"), "a sent response keeps its length");
            assertEquals("3", header(ok, "X-Declared"), "the application reads back what it set");
            String body = "v=0 answer of the application\r\n";
            assertEquals(body, SipText.body(ok));
            assertEquals(Integer.toString(body.length()), header(ok, "Content-Length"),
                    "the length on the wire is the body's");
        }
    }
}
