package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.olelo.container.flows.ProxyFlowsTest.invite;
import static org.olelo.container.flows.ProxyFlowsTest.next;
import static org.olelo.core.testkit.SipText.contactUri;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.headers;
import static org.olelo.core.testkit.SipText.method;
import static org.olelo.core.testkit.SipText.response;
import static org.olelo.core.testkit.SipText.status;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

    private static final AtomicInteger N = new AtomicInteger();
    private static final long WAIT = 3000;

    @TempDir
    Path tmp;
    private ProxyTestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void requestsInTheDialogTakeTheTransportOfTheRecordRoute() throws Exception {
        server = new ProxyTestServer(SipPeer.Kind.UDP, tmp, true);
        try (SipPeer caller = server.caller(); TcpServerPeer callee = new TcpServerPeer()) {
            int calleePort = callee.address().getPort();
            caller.send(invite(caller, "sip:bob@127.0.0.1:" + calleePort + ";transport=tcp", ""));
            String inv = callee.receive(WAIT);
            assertNotNull(inv, "the INVITE reaches the callee over TCP");
            List<String> rr = entries(inv, "Record-Route");
            assertEquals(2, rr.size(), "one entry per side when the transport changes: " + inv);
            assertTrue(rr.get(0).contains("transport=tcp") && !rr.get(1).contains("transport="), rr.toString());

            // the callee's Contact names no transport: only the route set says TCP
            String calleeContact = "Contact: <sip:bob@127.0.0.1:" + calleePort + ">\r\n";
            callee.send(response(inv, 200, "OK", "tcp-callee", calleeContact));
            String ok = next(caller);
            assertEquals(200, status(ok), ok);

            caller.send(fromCaller(caller, "ACK", ok, 1));
            String ack = callee.receive(WAIT);
            assertNotNull(ack, "the ACK reaches the TCP callee over TCP");
            assertEquals("ACK", method(ack), ack);

            callee.send(fromCallee(inv, ok, "INFO", 7));
            String info = caller.receive(WAIT);
            assertNotNull(info, "the callee's INFO reaches the UDP caller over UDP");
            assertEquals("INFO", method(info), info);
            caller.send(response(info, 200, "OK", null, ""));
            String infoOk = callee.receive(WAIT);
            assertNotNull(infoOk);
            assertEquals(200, status(infoOk), infoOk);

            caller.send(fromCaller(caller, "BYE", ok, 2));
            String bye = callee.receive(WAIT);
            assertNotNull(bye, "the BYE reaches the TCP callee over TCP");
            assertEquals("BYE", method(bye), bye);
            callee.send(response(bye, 200, "OK", null, ""));
            String byeOk = next(caller);
            assertNotNull(byeOk);
            assertEquals(200, status(byeOk));
        }
    }

    /** The BYEs with which the proxy application ends the dialog take the transport of each side too. */
    @Test
    void theProxysOwnByesTakeTheTransportOfEachSide() throws Exception {
        server = new ProxyTestServer(SipPeer.Kind.UDP, tmp, true);
        try (SipPeer caller = server.caller(); TcpServerPeer callee = new TcpServerPeer()) {
            int calleePort = callee.address().getPort();
            caller.send(invite(caller, "sip:bob@127.0.0.1:" + calleePort + ";transport=tcp", ""));
            String inv = callee.receive(WAIT);
            assertNotNull(inv);
            callee.send(response(inv, 200, "OK", "tcp-callee", "Contact: <sip:bob@127.0.0.1:" + calleePort + ">\r\n"));
            String ok = next(caller);
            assertEquals(200, status(ok), ok);
            caller.send(fromCaller(caller, "ACK", ok, 1));
            assertEquals("ACK", method(callee.receive(WAIT)));
            caller.send(fromCaller(caller, "INFO", ok, 2).replace("Content-Length: 0", "X-Terminate: now\r\nContent-Length: 0"));
            String byeToCallee = callee.receive(WAIT);
            assertNotNull(byeToCallee, "the proxy's BYE reaches the TCP callee over TCP");
            assertEquals("BYE", method(byeToCallee), byeToCallee);
            String byeToCaller = null;
            for (String m = next(caller); m != null; m = next(caller)) {
                if ("BYE".equals(method(m))) {
                    byeToCaller = m;
                    break;
                }
            }
            assertNotNull(byeToCaller, "the proxy's BYE reaches the UDP caller over UDP");
            callee.send(response(byeToCallee, 200, "OK", null, ""));
            caller.send(response(byeToCaller, 200, "OK", null, ""));
        }
    }

    /** The entries of a header that may be written as one line or several, in order. */
    private static List<String> entries(String msg, String name) {
        List<String> out = new ArrayList<>();
        for (String h : headers(msg, name)) {
            for (String v : h.split(",(?=\\s*<)")) {
                out.add(v.trim());
            }
        }
        return out;
    }

    /** A request of the caller in the dialog: Request-URI the callee's Contact, Route the reversed Record-Route. */
    private static String fromCaller(SipPeer caller, String method, String ok, int cseq) {
        List<String> routes = entries(ok, "Record-Route");
        Collections.reverse(routes);
        return inDialog(method, contactUri(ok), routes, "UDP", caller.address().getPort(), header(ok, "From"),
                header(ok, "To"), header(ok, "Call-ID"), cseq);
    }

    /** A request of the callee in the dialog: Request-URI the caller's Contact, Route the Record-Route as received. */
    private static String fromCallee(String invite, String ok, String method, int cseq) {
        return inDialog(method, contactUri(invite), entries(invite, "Record-Route"), "TCP", 5099, header(ok, "To"),
                header(ok, "From"), header(ok, "Call-ID"), cseq);
    }

    private static String inDialog(String method, String target, List<String> routes, String transport, int port,
                                   String from, String to, String callId, int cseq) {
        StringBuilder b = new StringBuilder(method + " " + target + " SIP/2.0\r\n")
                .append("Via: SIP/2.0/").append(transport).append(" 127.0.0.1:").append(port)
                .append(";branch=z9hG4bK-dt-").append(N.incrementAndGet()).append(";rport\r\n");
        for (String r : routes) {
            b.append("Route: ").append(r).append("\r\n");
        }
        return b.append("Max-Forwards: 70\r\n")
                .append("From: ").append(from).append("\r\n")
                .append("To: ").append(to).append("\r\n")
                .append("Call-ID: ").append(callId).append("\r\n")
                .append("CSeq: ").append(cseq).append(' ').append(method).append("\r\n")
                .append("Content-Length: 0\r\n\r\n").toString();
    }
}
