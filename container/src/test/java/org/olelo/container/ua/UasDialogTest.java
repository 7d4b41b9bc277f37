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
 * An application that answers calls itself (UAS): the dialog it creates (To tag, Contact), 2xx
 * retransmission until the ACK, requests inside the dialog (re-INVITE, UPDATE, INFO, BYE), the
 * CSeq rule of RFC 3261 §12.2.2 and 481 after the dialog ended. Each case runs in
 * memory, over UDP and over TCP.
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
    TestServer server;

    private void start(SipPeer.Kind kind) throws Exception {
        server = TestServer.builder().app("uas", CommonApps.servlet("uas", "t.Answer", Map.of("t.Answer", APP)))
                .routeAllTo("uas")
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
    void answeredCallWithRetransmittedOkReinviteUpdateInfoAndBye(SipPeer.Kind kind) throws Exception {
        start(kind);
        try (SipPeer a = server.caller()) {
            String ruri = server.uri("svc");
            String from = "<sip:alice@127.0.0.1>;tag=a" + SipBuilder.next();
            String callId = "uas-" + SipBuilder.next();
            a.send(SipBuilder.request("INVITE", ruri).via(a).fromValue(from).to("<" + ruri + ">").callId(callId)
                    .cseq(1).contact("peer", a).body("application/sdp", "v=0\r\n"));
            String ringing = a.next(3000);
            assertEquals(180, status(ringing));
            String tag = SipText.tag(header(ringing, "To"));
            assertNotNull(tag, "180 carries our To tag");
            String ok = a.next(3000);
            assertEquals(200, status(ok));
            assertEquals(tag, SipText.tag(header(ok, "To")), "same dialog");
            String contact = contactUri(ok);
            assertTrue(server.isOwn(contact), "our Contact: " + contact);
            if (kind != SipPeer.Kind.TCP) { // over TCP the user agent sends its 2xx once and waits 64*T1 for the ACK
                assertEquals(200, status(a.next(3000)), "2xx repeated while no ACK came (RFC 3261 §13.3.1.4)");
            }

            String to = "<" + ruri + ">;tag=" + tag;
            a.send(SipBuilder.request("ACK", contact).via(a).fromValue(from).to(to).callId(callId).cseq(1)
                    .contact("peer", a));
            String info = null;
            int cseq = 1;
            for (int i = 0; i < 10 && (info == null || !"1".equals(header(info, "X-Acks"))); i++) {
                Thread.sleep(i * 100L); // UDP may hand the INFO to the application before the ACK
                a.send(SipBuilder.request("INFO", contact).via(a).fromValue(from).to(to).callId(callId).cseq(++cseq)
                        .contact("peer", a));
                info = skipRepeats(a);
                assertEquals(200, status(info));
            }
            assertEquals("CONFIRMED", header(info, "X-State"));
            assertEquals("1", header(info, "X-Acks"), "doAck ran once");
            assertEquals("EARLY", header(info, "X-Early"));

            a.send(SipBuilder.request("INFO", contact).via(a).fromValue(from).to(to).callId(callId).cseq(cseq)
                    .contact("peer", a));
            String stale = a.next(3000);
            assertEquals(500, status(stale), "CSeq not above the last one: " + stale);

            a.send(SipBuilder.request("INVITE", contact).via(a).fromValue(from).to(to).callId(callId).cseq(cseq + 1)
                    .contact("peer", a).body("application/sdp", "v=0\r\n"));
            String reOk = a.next(3000);
            assertEquals(200, status(reOk));
            a.send(SipBuilder.request("ACK", contact).via(a).fromValue(from).to(to).callId(callId).cseq(cseq + 1)
                    .contact("peer", a));
            a.send(SipBuilder.request("UPDATE", contact).via(a).fromValue(from).to(to).callId(callId).cseq(cseq + 2)
                    .contact("peer", a));
            assertEquals(200, status(skipRepeats(a)));

            a.send(SipBuilder.request("BYE", contact).via(a).fromValue(from).to(to).callId(callId).cseq(cseq + 3)
                    .contact("peer", a));
            assertEquals(200, status(skipRepeats(a)));
            a.send(SipBuilder.request("BYE", contact).via(a).fromValue(from).to(to).callId(callId).cseq(cseq + 4)
                    .contact("peer", a));
            assertEquals(481, status(skipRepeats(a)), "the dialog is gone");
        }
    }

    private static String skipRepeats(SipPeer a) throws Exception {
        String m = a.next(3000);
        while (m != null && header(m, "CSeq").contains("INVITE")) {
            m = a.next(3000);
        }
        return m;
    }
}
