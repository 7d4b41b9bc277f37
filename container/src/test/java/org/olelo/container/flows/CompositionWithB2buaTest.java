package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.olelo.core.testkit.SipText.contactUri;
import static org.olelo.core.testkit.SipText.entries;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.headers;
import static org.olelo.core.testkit.SipText.method;
import static org.olelo.core.testkit.SipText.status;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.testkit.CommonApps;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;

/**
 * A call through a proxy application, a B2BUA application and another proxy application of one
 * server, chained by the routing file: it behaves as if the three ran on three servers (each proxy
 * records its route, the B2BUA splits the call into two dialogs with different Call-IDs), and the
 * in-dialog requests of both dialogs find their way back through the chain. Real UDP on loopback.
 */
class CompositionWithB2buaTest {

    static final String B2BUA = """
            package t;
            import jakarta.servlet.sip.*;
            import java.io.IOException;
            public class Relay extends SipServlet {
                @Override
                protected void doRequest(SipServletRequest req) throws jakarta.servlet.ServletException, IOException {
                    B2buaHelper h = req.getB2buaHelper();
                    if (req.getMethod().equals("ACK")) {
                        for (SipServletMessage p : h.getPendingMessages(h.getLinkedSession(req.getSession()), UAMode.UAC)) {
                            if (p instanceof SipServletResponse r && r.getStatus() / 100 == 2) {
                                r.createAck().send();
                            }
                        }
                        return;
                    }
                    if (req.getMethod().equals("CANCEL")) {
                        h.createCancel(h.getLinkedSession(req.getSession())).send();
                        return;
                    }
                    SipServletRequest out = req.isInitial() ? h.createRequest(req, true, null)
                            : h.createRequest(h.getLinkedSession(req.getSession()), req, null);
                    out.addHeader("X-Seen-B2BUA", req.getMethod());
                    out.send();
                }
                @Override
                protected void doResponse(SipServletResponse resp) throws jakarta.servlet.ServletException, IOException {
                    if (resp.getMethod().equals("CANCEL")) {
                        return;
                    }
                    B2buaHelper h = resp.getRequest().getB2buaHelper();
                    SipServletResponse r = resp.getRequest().isInitial() && resp.getStatus() < 300
                            ? h.createResponseToOriginalRequest(h.getLinkedSession(resp.getSession()), resp.getStatus(), resp.getReasonPhrase())
                            : h.getLinkedSipServletRequest(resp.getRequest()).createResponse(resp.getStatus(), resp.getReasonPhrase());
                    r.send();
                }
            }
            """;

    @TempDir
    Path tmp;

    @Test
    void proxyThenB2buaThenProxyInOneServer() throws Exception {
        try (TestServer server = TestServer.builder().app("orig", CommonApps.recorder("orig"))
                .app("term", CommonApps.recorder("term")).app("b2b", CommonApps.servlet("b2b", "t.Relay", Map.of("t.Relay", B2BUA)))
                .routing("INVITE: (\"orig\", \"DAR:From\", \"ORIGINATING\", \"\", \"NO_ROUTE\", \"0\"), "
                        + "(\"b2b\", \"DAR:From\", \"NEUTRAL\", \"\", \"NO_ROUTE\", \"1\"), "
                        + "(\"term\", \"DAR:To\", \"TERMINATING\", \"\", \"NO_ROUTE\", \"2\")\n")
                .transport(SipPeer.Kind.UDP).start(tmp);
             SipPeer caller = server.caller();
             SipPeer callee = server.callee()) {
            String bob = "sip:bob@127.0.0.1:" + callee.address().getPort();
            String callId = "three-apps@test";
            caller.send(SipBuilder.request("INVITE", bob).via(caller).from("<sip:alice@127.0.0.1>").callId(callId)
                    .contact("alice", caller));
            String inv = callee.receive(3000);
            assertNotNull(inv, "the INVITE crosses orig, b2b and term");
            assertNotEquals(callId, header(inv, "Call-ID"), "the B2BUA started a second dialog");
            List<String> seen = headers(inv, "X-Seen");
            assertEquals(2, seen.size(), inv);
            assertTrue(seen.get(0).startsWith("orig region=ORIGINATING"), seen.get(0));
            assertTrue(seen.get(1).startsWith("term region=TERMINATING subscriber=" + bob + " internal=true"), seen.get(1));
            assertEquals(2, headers(inv, "Via").size(), "the B2BUA's leg and term: " + inv);
            assertEquals("67", header(inv, "Max-Forwards"), "orig, b2b and term are a hop each");

            callee.send(SipBuilder.response(inv, 200, "OK").toTag("bob").contact("bob", callee));
            String ok = caller.next(3000);
            assertEquals(200, status(ok));
            assertEquals(callId, header(ok, "Call-ID"));
            caller.send(SipBuilder.inDialog("ACK", ok).via(caller));
            String ack = callee.receive(3000);
            while (ack != null && status(ack) == 200) {
                ack = callee.receive(3000); // our 200 repeated before the ACK crossed the chain
            }
            assertNotNull(ack);
            assertEquals("ACK", method(ack));

            // the callee hangs up: its BYE crosses term, then the B2BUA relays it to the caller through orig
            callee.send(SipBuilder.request("BYE", contactUri(inv)).via(callee).route(entries(inv, "Record-Route").toArray(String[]::new))
                    .fromValue(header(inv, "To") + ";tag=bob").to(header(inv, "From")).callId(header(inv, "Call-ID")));
            String bye = caller.receive(3000);
            while (bye != null && !"BYE".equals(method(bye))) {
                bye = caller.receive(3000);
            }
            assertNotNull(bye, "the callee's BYE reaches the caller");
            assertEquals(callId, header(bye, "Call-ID"));
            assertEquals(List.of("term", "orig"), headers(bye, "X-Seen-BYE"), "term and orig both saw it: " + bye);
            caller.send(SipBuilder.response(bye, 200, "OK"));
            String byeOk = callee.receive(3000);
            while (byeOk != null && !(status(byeOk) == 200 && header(byeOk, "CSeq").contains("BYE"))) {
                byeOk = callee.receive(3000);
            }
            assertNotNull(byeOk, "the BYE's 200 comes back to the callee");
        }
    }
}
