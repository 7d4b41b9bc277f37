package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.olelo.container.flows.ProxyFlowsTest.answer;
import static org.olelo.container.flows.ProxyFlowsTest.invite;
import static org.olelo.container.flows.ProxyFlowsTest.proxyServer;
import static org.olelo.core.testkit.SipText.contactUri;
import static org.olelo.core.testkit.SipText.entries;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.method;
import static org.olelo.core.testkit.SipText.status;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;
import org.olelo.core.testkit.TcpServerPeer;

/**
 * Requests inside a dialog follow the transport of the route set (RFC 3261 §12.2.1.1, RFC 5658):
 * a proxy application that record-routes a call from a UDP caller to a TCP callee writes two
 * Record-Route entries, one per side, the callee's with {@code ;transport=tcp}. Whichever party
 * sends in the dialog, the server relays over the transport its own entry for the other side
 * names, even when that party's Contact names no transport: ACK and BYE reach the callee over TCP,
 * a request of the callee reaches the caller over UDP. Real UDP and TCP sockets.
 */
class InDialogTransportTest {

    private static final long WAIT = 3000;

    @TempDir
    Path tmp;
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void requestsInTheDialogTakeTheTransportOfTheRecordRoute() throws Exception {
        server = proxyServer(SipPeer.Kind.UDP).listen("tcp:127.0.0.1:0").start(tmp);
        try (SipPeer caller = server.caller(); TcpServerPeer callee = new TcpServerPeer()) {
            int calleePort = callee.address().getPort();
            caller.send(invite(caller, "sip:bob@127.0.0.1:" + calleePort + ";transport=tcp"));
            String inv = callee.receive(WAIT);
            assertNotNull(inv, "the INVITE reaches the callee over TCP");
            List<String> rr = entries(inv, "Record-Route");
            assertEquals(2, rr.size(), "one entry per side when the transport changes: " + inv);
            assertTrue(rr.get(0).contains("transport=tcp") && !rr.get(1).contains("transport="), rr.toString());

            // the callee's Contact names no transport: only the route set says TCP
            callee.send(answer(inv, 200, "OK", "tcp-callee").contact("<sip:bob@127.0.0.1:" + calleePort + ">"));
            String ok = caller.next(WAIT);
            assertEquals(200, status(ok), ok);

            caller.send(fromCaller(caller, "ACK", ok, 1));
            String ack = callee.receive(WAIT);
            assertNotNull(ack, "the ACK reaches the TCP callee over TCP");
            assertEquals("ACK", method(ack), ack);

            callee.send(fromCallee(inv, ok, "INFO", 7));
            String info = caller.receive(WAIT);
            assertNotNull(info, "the callee's INFO reaches the UDP caller over UDP");
            assertEquals("INFO", method(info), info);
            caller.send(answer(info, 200, "OK", null));
            String infoOk = callee.receive(WAIT);
            assertNotNull(infoOk);
            assertEquals(200, status(infoOk), infoOk);

            caller.send(fromCaller(caller, "BYE", ok, 2));
            String bye = callee.receive(WAIT);
            assertNotNull(bye, "the BYE reaches the TCP callee over TCP");
            assertEquals("BYE", method(bye), bye);
            callee.send(answer(bye, 200, "OK", null));
            String byeOk = caller.next(WAIT);
            assertNotNull(byeOk);
            assertEquals(200, status(byeOk));
        }
    }

    /** The BYEs with which the proxy application ends the dialog take the transport of each side too. */
    @Test
    void theProxysOwnByesTakeTheTransportOfEachSide() throws Exception {
        server = proxyServer(SipPeer.Kind.UDP).listen("tcp:127.0.0.1:0").start(tmp);
        try (SipPeer caller = server.caller(); TcpServerPeer callee = new TcpServerPeer()) {
            int calleePort = callee.address().getPort();
            caller.send(invite(caller, "sip:bob@127.0.0.1:" + calleePort + ";transport=tcp"));
            String inv = callee.receive(WAIT);
            assertNotNull(inv);
            callee.send(answer(inv, 200, "OK", "tcp-callee").contact("<sip:bob@127.0.0.1:" + calleePort + ">"));
            String ok = caller.next(WAIT);
            assertEquals(200, status(ok), ok);
            caller.send(fromCaller(caller, "ACK", ok, 1));
            assertEquals("ACK", method(callee.receive(WAIT)));
            caller.send(fromCaller(caller, "INFO", ok, 2).header("X-Terminate", "now"));
            String byeToCallee = callee.receive(WAIT);
            assertNotNull(byeToCallee, "the proxy's BYE reaches the TCP callee over TCP");
            assertEquals("BYE", method(byeToCallee), byeToCallee);
            String byeToCaller = null;
            for (String m = caller.next(WAIT); m != null; m = caller.next(WAIT)) {
                if ("BYE".equals(method(m))) {
                    byeToCaller = m;
                    break;
                }
            }
            assertNotNull(byeToCaller, "the proxy's BYE reaches the UDP caller over UDP");
            callee.send(answer(byeToCallee, 200, "OK", null));
            caller.send(answer(byeToCaller, 200, "OK", null));
        }
    }

    /** A request of the caller in the dialog: Request-URI the callee's Contact, Route the reversed Record-Route. */
    private static SipBuilder fromCaller(SipPeer caller, String method, String ok, int cseq) {
        return SipBuilder.inDialog(method, ok).via(caller).cseq(cseq);
    }

    /** A request of the callee in the dialog: Request-URI the caller's Contact, Route the Record-Route as received. */
    private static SipBuilder fromCallee(String invite, String ok, String method, int cseq) {
        List<String> routes = entries(invite, "Record-Route");
        return SipBuilder.request(method, contactUri(invite)).via("TCP", "127.0.0.1:5099", "z9hG4bK-dt-" + SipBuilder.next())
                .route(routes.toArray(String[]::new)).fromValue(header(ok, "To")).to(header(ok, "From"))
                .callId(header(ok, "Call-ID")).cseq(cseq);
    }
}
