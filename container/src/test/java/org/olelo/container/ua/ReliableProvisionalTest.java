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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.core.testkit.UdpPeer;

/**
 * RFC 3262 on the answering side (sendReliably: RSeq, Require, retransmission until PRACK, PRACK
 * matching, Rel100Exception when the caller does not support 100rel) and RFC 4028 negotiation on
 * a 2xx the application enables session timers on. Real UDP on loopback.
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
                    r.setHeader("X-Unacked", String.valueOf(req.getSession().getUnacknowledgedProvisionalResponses(UAMode.UAS).size()));
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
    UaTestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new UaTestServer(tmp, "early", Map.of("t.Early", APP), "t.Early");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String ruri() {
        return "sip:svc@127.0.0.1:" + server.address().getPort();
    }

    @Test
    void reliableProvisionalRepeatedUntilPrackThenAnswered() throws Exception {
        try (UdpPeer a = server.peer()) {
            String from = "<sip:alice@127.0.0.1>;tag=a" + Sip.next();
            String callId = "prack-" + Sip.next();
            a.send(Sip.request(a, "INVITE", ruri(), from, "<" + ruri() + ">", callId, 1, "Supported: 100rel\r\n", null).getBytes());
            String p1 = Sip.next(a, 3000);
            assertEquals(183, status(p1));
            assertTrue(header(p1, "Require").contains("100rel"));
            String rseq = header(p1, "RSeq").trim();
            String p2 = Sip.next(a, 3000);
            assertEquals(183, status(p2), "repeated while no PRACK came");
            assertEquals(rseq, header(p2, "RSeq").trim());

            String tag = Sip.tag(header(p1, "To"));
            String to = "<" + ruri() + ">;tag=" + tag;
            String contact = contactUri(p1);
            a.send(Sip.request(a, "PRACK", contact, from, to, callId, 2, "RAck: 999 1 INVITE\r\n", null).getBytes());
            String bad = skip183(a);
            assertEquals(481, status(bad), "a PRACK that matches nothing");

            a.send(Sip.request(a, "PRACK", contact, from, to, callId, 3, "RAck: " + rseq + " 1 INVITE\r\n", null).getBytes());
            String prackOk = skip183(a);
            assertEquals(200, status(prackOk));
            assertEquals("0", header(prackOk, "X-Unacked"), "acknowledged");
            String ok = skip183(a);
            assertEquals(200, status(ok));
            assertTrue(header(ok, "CSeq").contains("INVITE"));
        }
    }

    @Test
    void callerWithout100relGetsAPlainAnswerAndSessionTimerNegotiated() throws Exception {
        try (UdpPeer a = server.peer()) {
            String from = "<sip:alice@127.0.0.1>;tag=a" + Sip.next();
            String callId = "st-" + Sip.next();
            a.send(Sip.request(a, "INVITE", ruri(), from, "<" + ruri() + ">", callId, 1,
                    "Supported: timer\r\nSession-Expires: 1800;refresher=uas\r\nMin-SE: 90\r\n", null).getBytes());
            String ok = Sip.next(a, 3000);
            assertEquals(200, status(ok));
            assertEquals("2", header(ok, "X-Rel100"), "Rel100Exception.NO_REQ_SUPPORT");
            String se = header(ok, "Session-Expires");
            assertNotNull(se, "Session-Expires in the 2xx");
            assertEquals("1800;refresher=uas", se.replace(" ", ""));
            String to = "<" + ruri() + ">;tag=" + Sip.tag(header(ok, "To"));
            a.send(Sip.request(a, "ACK", contactUri(ok), from, to, callId, 1, null, null).getBytes());
            a.send(Sip.request(a, "INFO", contactUri(ok), from, to, callId, 2, null, null).getBytes());
            String info = Sip.next(a, 3000);
            while (info != null && header(info, "CSeq").contains("INVITE")) {
                info = Sip.next(a, 3000);
            }
            assertEquals("1800 true", header(info, "X-KeepAlive"), "this side refreshes: " + info);
        }
    }

    private static String skip183(UdpPeer a) throws Exception {
        String m = Sip.next(a, 3000);
        while (m != null && status(m) == 183) {
            m = Sip.next(a, 3000);
        }
        return m;
    }
}
