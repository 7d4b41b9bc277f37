package org.olelo.container.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.olelo.core.testkit.SipText.contactUri;
import static org.olelo.core.testkit.SipText.header;
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
 * RFC 3262 on the answering side (sendReliably: RSeq, Require, retransmission until PRACK, PRACK
 * matching, Rel100Exception when the caller does not support 100rel) and RFC 4028 negotiation on
 * a 2xx the application enables session timers on. Each case runs in
 * memory, over UDP and over TCP.
 */
class ReliableProvisionalTest {

    static final String APP = """
            package t;
            import jakarta.servlet.sip.*;
            import java.io.IOException;
            public class Early extends SipServlet {
                @Override
                protected void doInvite(SipServletRequest req) throws IOException {
                    SipServletResponse early = req.createResponse(183);
                    try {
                        early.sendReliably();
                        req.getSession().setAttribute("invite", req);
                    } catch (Rel100Exception e) {
                        SipServletResponse ok = req.createResponse(200);
                        ok.setHeader("X-Rel100", String.valueOf(e.getReason()));
                        ok.getSessionKeepAlivePreference().setEnabled(true);
                        ok.send();
                    }
                }
                @Override
                protected void doPrack(SipServletRequest req) throws IOException {
                    SipServletResponse r = req.createResponse(200);
                    r.setHeader("X-Unacked", String.valueOf(req.getSession()
                            .getUnacknowledgedProvisionalResponses(UAMode.UAS).size()));
                    r.send();
                    ((SipServletRequest) req.getSession().getAttribute("invite")).createResponse(200).send();
                }
                @Override
                protected void doInfo(SipServletRequest req) throws IOException {
                    SessionKeepAlive k = req.getSession().getKeepAlive();
                    SipServletResponse r = req.createResponse(200);
                    r.setHeader("X-KeepAlive", k == null ? "none" : k.getExpirationInterval() + " " + k.isRefresher());
                    r.send();
                }
            }
            """;

    @TempDir
    Path tmp;
    TestServer server;

    private void start(SipPeer.Kind kind) throws Exception {
        server = TestServer.builder().app("early", CommonApps.servlet("early", "t.Early", Map.of("t.Early", APP)))
                .routeAllTo("early")
                .transport(kind).start(tmp);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private String ruri() {
        return server.uri("svc");
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void reliableProvisionalRepeatedUntilPrackThenAnswered(SipPeer.Kind kind) throws Exception {
        start(kind);
        try (SipPeer a = server.caller()) {
            String from = "<sip:alice@127.0.0.1>;tag=a" + SipBuilder.next();
            String callId = "prack-" + SipBuilder.next();
            a.send(SipBuilder.request("INVITE", ruri()).via(a).fromValue(from).to("<" + ruri() + ">").callId(callId)
                    .cseq(1).contact("peer", a).header("Supported", "100rel"));
            String p1 = a.next(3000);
            assertEquals(183, status(p1));
            assertTrue(header(p1, "Require").contains("100rel"));
            String rseq = header(p1, "RSeq").trim();
            String p2 = a.next(3000);
            assertEquals(183, status(p2), "repeated while no PRACK came");
            assertEquals(rseq, header(p2, "RSeq").trim());

            String tag = SipText.tag(header(p1, "To"));
            String to = "<" + ruri() + ">;tag=" + tag;
            String contact = contactUri(p1);
            a.send(SipBuilder.request("PRACK", contact).via(a).fromValue(from).to(to).callId(callId).cseq(2)
                    .contact("peer", a).header("RAck", "999 1 INVITE"));
            String bad = skip183(a);
            assertEquals(481, status(bad), "a PRACK that matches nothing");

            a.send(SipBuilder.request("PRACK", contact).via(a).fromValue(from).to(to).callId(callId).cseq(3)
                    .contact("peer", a).lines("RAck: " + rseq + " 1 INVITE\r\n"));
            String prackOk = skip183(a);
            assertEquals(200, status(prackOk));
            assertEquals("0", header(prackOk, "X-Unacked"), "acknowledged");
            String ok = skip183(a);
            assertEquals(200, status(ok));
            assertTrue(header(ok, "CSeq").contains("INVITE"));
        }
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void callerWithout100relGetsAPlainAnswerAndSessionTimerNegotiated(SipPeer.Kind kind) throws Exception {
        start(kind);
        try (SipPeer a = server.caller()) {
            String from = "<sip:alice@127.0.0.1>;tag=a" + SipBuilder.next();
            String callId = "st-" + SipBuilder.next();
            a.send(SipBuilder.request("INVITE", ruri()).via(a).fromValue(from).to("<" + ruri() + ">").callId(callId)
                    .cseq(1).contact("peer", a)
                    .lines("Supported: timer\r\nSession-Expires: 1800;refresher=uas\r\nMin-SE: 90\r\n"));
            String ok = a.next(3000);
            assertEquals(200, status(ok));
            assertEquals("2", header(ok, "X-Rel100"), "Rel100Exception.NO_REQ_SUPPORT");
            String se = header(ok, "Session-Expires");
            assertNotNull(se, "Session-Expires in the 2xx");
            assertEquals("1800;refresher=uas", se.replace(" ", ""));
            String to = "<" + ruri() + ">;tag=" + SipText.tag(header(ok, "To"));
            a.send(SipBuilder.request("ACK", contactUri(ok)).via(a).fromValue(from).to(to).callId(callId).cseq(1)
                    .contact("peer", a));
            a.send(SipBuilder.request("INFO", contactUri(ok)).via(a).fromValue(from).to(to).callId(callId).cseq(2)
                    .contact("peer", a));
            String info = a.next(3000);
            while (info != null && header(info, "CSeq").contains("INVITE")) {
                info = a.next(3000);
            }
            assertEquals("1800 true", header(info, "X-KeepAlive"), "this side refreshes: " + info);
        }
    }

    private static String skip183(SipPeer a) throws Exception {
        String m = a.next(3000);
        while (m != null && status(m) == 183) {
            m = a.next(3000);
        }
        return m;
    }
}
