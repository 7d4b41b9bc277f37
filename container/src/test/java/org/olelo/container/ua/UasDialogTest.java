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
 * An application that answers calls itself (UAS): the dialog it creates (To tag, Contact), 2xx
 * retransmission until the ACK, requests inside the dialog (re-INVITE, UPDATE, INFO, BYE), the
 * CSeq rule of RFC 3261 §12.2.2 and 481 after the dialog ended. Real UDP on loopback.
 */
class UasDialogTest {

    static final String APP = """
            package t;
            import jakarta.servlet.sip.*;
            import java.io.IOException;
            public class Answer extends SipServlet {
                @Override
                protected void doInvite(SipServletRequest req) throws IOException {
                    if (req.isInitial()) {
                        req.createResponse(180).send();
                        req.getSession().setAttribute("state-after-180", req.getSession().getState().name());
                    }
                    SipServletResponse ok = req.createResponse(200);
                    ok.setContent("v=0\\r\\n", "application/sdp");
                    ok.send();
                }
                @Override
                protected void doAck(SipServletRequest req) {
                    req.getSession().setAttribute("acks", ((Integer) req.getSession().getAttribute("acks") == null ? 0
                            : (Integer) req.getSession().getAttribute("acks")) + 1);
                }
                @Override
                protected void doInfo(SipServletRequest req) throws IOException {
                    SipServletResponse r = req.createResponse(200);
                    r.setHeader("X-State", req.getSession().getState().name());
                    r.setHeader("X-Acks", String.valueOf(req.getSession().getAttribute("acks")));
                    r.setHeader("X-Early", String.valueOf(req.getSession().getAttribute("state-after-180")));
                    r.send();
                }
                @Override
                protected void doUpdate(SipServletRequest req) throws IOException {
                    req.createResponse(200).send();
                }
                @Override
                protected void doBye(SipServletRequest req) throws IOException {
                    req.createResponse(200).send();
                }
            }
            """;

    @TempDir
    Path tmp;
    UaTestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new UaTestServer(tmp, "uas", Map.of("t.Answer", APP), "t.Answer");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void answeredCallWithRetransmittedOkReinviteUpdateInfoAndBye() throws Exception {
        try (UdpPeer a = server.peer()) {
            String ruri = "sip:svc@127.0.0.1:" + server.address().getPort();
            String from = "<sip:alice@127.0.0.1>;tag=a" + Sip.next();
            String callId = "uas-" + Sip.next();
            a.send(Sip.request(a, "INVITE", ruri, from, "<" + ruri + ">", callId, 1, null, "v=0\r\n").getBytes());
            String ringing = Sip.next(a, 3000);
            assertEquals(180, status(ringing));
            String tag = Sip.tag(header(ringing, "To"));
            assertNotNull(tag, "180 carries our To tag");
            String ok = Sip.next(a, 3000);
            assertEquals(200, status(ok));
            assertEquals(tag, Sip.tag(header(ok, "To")), "same dialog");
            String contact = contactUri(ok);
            assertTrue(contact.endsWith(":" + server.address().getPort()), "our Contact: " + contact);
            assertEquals(200, status(Sip.next(a, 3000)), "2xx repeated while no ACK came (RFC 3261 §13.3.1.4)");

            String to = "<" + ruri + ">;tag=" + tag;
            a.send(Sip.request(a, "ACK", contact, from, to, callId, 1, null, null).getBytes());
            String info = null;
            int cseq = 1;
            for (int i = 0; i < 10 && (info == null || !"1".equals(header(info, "X-Acks"))); i++) {
                Thread.sleep(i * 100L); // UDP may hand the INFO to the application before the ACK
                a.send(Sip.request(a, "INFO", contact, from, to, callId, ++cseq, null, null).getBytes());
                info = skipRepeats(a);
                assertEquals(200, status(info));
            }
            assertEquals("CONFIRMED", header(info, "X-State"));
            assertEquals("1", header(info, "X-Acks"), "doAck ran once");
            assertEquals("EARLY", header(info, "X-Early"));

            a.send(Sip.request(a, "INFO", contact, from, to, callId, cseq, null, null).getBytes());
            String stale = Sip.next(a, 3000);
            assertEquals(500, status(stale), "CSeq not above the last one: " + stale);

            a.send(Sip.request(a, "INVITE", contact, from, to, callId, cseq + 1, null, "v=0\r\n").getBytes());
            String reOk = Sip.next(a, 3000);
            assertEquals(200, status(reOk));
            a.send(Sip.request(a, "ACK", contact, from, to, callId, cseq + 1, null, null).getBytes());
            a.send(Sip.request(a, "UPDATE", contact, from, to, callId, cseq + 2, null, null).getBytes());
            assertEquals(200, status(skipRepeats(a)));

            a.send(Sip.request(a, "BYE", contact, from, to, callId, cseq + 3, null, null).getBytes());
            assertEquals(200, status(skipRepeats(a)));
            a.send(Sip.request(a, "BYE", contact, from, to, callId, cseq + 4, null, null).getBytes());
            assertEquals(481, status(skipRepeats(a)), "the dialog is gone");
        }
    }

    private static String skipRepeats(UdpPeer a) throws Exception {
        String m = Sip.next(a, 3000);
        while (m != null && header(m, "CSeq").contains("INVITE")) {
            m = Sip.next(a, 3000);
        }
        return m;
    }
}
