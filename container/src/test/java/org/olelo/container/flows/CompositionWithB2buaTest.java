package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.headers;
import static org.olelo.core.testkit.SipText.method;
import static org.olelo.core.testkit.SipText.response;
import static org.olelo.core.testkit.SipText.routesFromResponse;
import static org.olelo.core.testkit.SipText.status;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.boot.OleloServer;
import org.olelo.container.boot.ServerConfig;
import org.olelo.container.internal.deploy.TestApps;
import org.olelo.core.spi.Resolver;
import org.olelo.core.testkit.UdpPeer;
import org.olelo.core.transport.ListenAddress;

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
        Path deploy = tmp.resolve("deploy");
        Files.createDirectories(deploy.resolve("apps"));
        for (String a : List.of("orig", "term")) {
            TestApps.app().java("t.Recorder", ComposeTestServer.RECORDER).sipXml(ComposeTestServer.sipXml(a))
                    .writeFolder(deploy.resolve("apps").resolve(a));
        }
        TestApps.app().java("t.Relay", B2BUA).sipXml(ComposeTestServer.sipXml("b2b").replace("t.Recorder", "t.Relay"))
                .writeFolder(deploy.resolve("apps").resolve("b2b"));
        Files.writeString(deploy.resolve("routing.properties"), "INVITE: (\"orig\", \"DAR:From\", \"ORIGINATING\", \"\", \"NO_ROUTE\", \"0\"), "
                + "(\"b2b\", \"DAR:From\", \"NEUTRAL\", \"\", \"NO_ROUTE\", \"1\"), "
                + "(\"term\", \"DAR:To\", \"TERMINATING\", \"\", \"NO_ROUTE\", \"2\")\n");
        ServerConfig cfg = ServerConfig.defaults().withDirs(deploy, tmp.resolve("data"))
                .withListen(List.of(ListenAddress.parse("udp:127.0.0.1:0")));
        Resolver offline = host -> new InetAddress[] {InetAddress.getLoopbackAddress()};
        try (OleloServer server = OleloServer.start(cfg, offline, List.of());
             UdpPeer caller = new UdpPeer(server.core().transports().get(0).localAddress());
             UdpPeer callee = new UdpPeer(server.core().transports().get(0).localAddress())) {
            int port = caller.address().getPort();
            String bob = "sip:bob@127.0.0.1:" + callee.address().getPort();
            String callId = "three-apps@test";
            caller.send(("INVITE " + bob + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + port + ";branch=z9hG4bK-three;rport\r\n"
                    + "Max-Forwards: 70\r\nFrom: <sip:alice@127.0.0.1>;tag=alice\r\nTo: <" + bob + ">\r\n"
                    + "Call-ID: " + callId + "\r\nCSeq: 1 INVITE\r\nContact: <sip:alice@127.0.0.1:" + port + ">\r\n"
                    + "Content-Length: 0\r\n\r\n").getBytes());
            String inv = callee.receive(3000);
            assertNotNull(inv, "the INVITE crosses orig, b2b and term");
            assertNotEquals(callId, header(inv, "Call-ID"), "the B2BUA started a second dialog");
            List<String> seen = headers(inv, "X-Seen");
            assertEquals(2, seen.size(), inv);
            assertTrue(seen.get(0).startsWith("orig region=ORIGINATING"), seen.get(0));
            assertTrue(seen.get(1).startsWith("term region=TERMINATING subscriber=" + bob + " internal=true"), seen.get(1));
            assertEquals(2, headers(inv, "Via").size(), "the B2BUA's leg and term: " + inv);
            assertEquals("67", header(inv, "Max-Forwards"), "orig, b2b and term are a hop each");

            callee.send(response(inv, 200, "OK", "bob", "Contact: <sip:bob@127.0.0.1:" + callee.address().getPort() + ">\r\n").getBytes());
            String ok = caller.receive(3000);
            while (ok != null && status(ok) == 100) {
                ok = caller.receive(3000);
            }
            assertEquals(200, status(ok));
            assertEquals(callId, header(ok, "Call-ID"));
            String ackTo = header(ok, "To");
            String contact = header(ok, "Contact").replaceAll(".*<([^>]*)>.*", "$1");
            String routes = routesFromResponse(ok);
            caller.send(("ACK " + contact + " SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:" + port + ";branch=z9hG4bK-three-ack;rport\r\n"
                    + routes + "Max-Forwards: 70\r\nFrom: <sip:alice@127.0.0.1>;tag=alice\r\nTo: " + ackTo + "\r\n"
                    + "Call-ID: " + callId + "\r\nCSeq: 1 ACK\r\nContent-Length: 0\r\n\r\n").getBytes());
            String ack = callee.receive(3000);
            while (ack != null && status(ack) == 200) {
                ack = callee.receive(3000); // our 200 repeated before the ACK crossed the chain
            }
            assertNotNull(ack);
            assertEquals("ACK", method(ack));

            // the callee hangs up: its BYE crosses term, then the B2BUA relays it to the caller through orig
            String bRoutes = "";
            for (String rr : headers(inv, "Record-Route")) {
                bRoutes += "Route: " + rr + "\r\n";
            }
            String bContact = header(inv, "Contact").replaceAll(".*<([^>]*)>.*", "$1");
            int bport = callee.address().getPort();
            callee.send(("BYE " + bContact + " SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:" + bport + ";branch=z9hG4bK-three-bbye;rport\r\n"
                    + bRoutes + "Max-Forwards: 70\r\nFrom: " + header(inv, "To") + ";tag=bob\r\nTo: " + header(inv, "From") + "\r\n"
                    + "Call-ID: " + header(inv, "Call-ID") + "\r\nCSeq: 1 BYE\r\nContent-Length: 0\r\n\r\n").getBytes());
            String bye = caller.receive(3000);
            while (bye != null && !"BYE".equals(method(bye))) {
                bye = caller.receive(3000);
            }
            assertNotNull(bye, "the callee's BYE reaches the caller");
            assertEquals(callId, header(bye, "Call-ID"));
            assertEquals(List.of("term", "orig"), headers(bye, "X-Seen-BYE"), "term and orig both saw it: " + bye);
            caller.send(response(bye, 200, "OK", null, "").getBytes());
            String byeOk = callee.receive(3000);
            while (byeOk != null && !(status(byeOk) == 200 && header(byeOk, "CSeq").contains("BYE"))) {
                byeOk = callee.receive(3000);
            }
            assertNotNull(byeOk, "the BYE's 200 comes back to the callee");
        }
    }
}
