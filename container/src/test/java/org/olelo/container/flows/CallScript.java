package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.olelo.core.testkit.SipText.contactUri;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.headers;
import static org.olelo.core.testkit.SipText.method;
import static org.olelo.core.testkit.SipText.response;
import static org.olelo.core.testkit.SipText.status;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.olelo.core.testkit.SipPeer;

/**
 * One user's traffic through a record-routing proxy application, as raw SIP text: a REGISTER, then
 * a call to another user that rings, is answered, acknowledged and hung up by the caller. Every
 * message the user's two peers (caller and callee) send or receive is kept, so that a test can
 * compare it with what the server traced. One thread per script.
 */
final class CallScript {

    private static final AtomicInteger N = new AtomicInteger();
    private static final long WAIT = 5000;

    private final SipPeer caller;
    private final SipPeer callee;
    private final String user;
    private final String calleeUser;
    private final String calleeUri;
    private final List<String> sent = Collections.synchronizedList(new ArrayList<>());
    private final List<String> received = Collections.synchronizedList(new ArrayList<>());
    private final int run = N.incrementAndGet();

    /**
     * @param calleeUri the callee's URI as the server reaches it
     */
    CallScript(SipPeer caller, SipPeer callee, String user, String calleeUser, String calleeUri) {
        this.caller = caller;
        this.callee = callee;
        this.user = user;
        this.calleeUser = calleeUser;
        this.calleeUri = calleeUri;
    }

    /** @return the messages the user's peers sent to the server */
    List<String> sent() {
        return List.copyOf(sent);
    }

    /** @return the messages the user's peers received from the server */
    List<String> received() {
        return List.copyOf(received);
    }

    /** @return the Call-ID of the REGISTER */
    String registerCallId() {
        return "reg-" + user + "-" + run + "@test";
    }

    /** @return the Call-ID of the call */
    String callId() {
        return "call-" + user + "-" + run + "@test";
    }

    /** REGISTER, then the call; asserts each step. */
    void run() throws Exception {
        register();
        call();
    }

    void register() throws Exception {
        int n = N.incrementAndGet();
        String callId = registerCallId();
        send(caller, "REGISTER sip:127.0.0.1 SIP/2.0\r\n"
                + via(caller, n)
                + "Max-Forwards: 70\r\n"
                + "From: <sip:" + user + "@127.0.0.1>;tag=r" + n + "\r\n"
                + "To: <sip:" + user + "@127.0.0.1>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 REGISTER\r\n"
                + "Contact: <sip:" + user + "@127.0.0.1:" + caller.address().getPort() + ">\r\n"
                + "Expires: 60\r\n"
                + "Content-Length: 0\r\n\r\n");
        assertEquals(200, status(finalResponse(caller)), "REGISTER of " + user);
    }

    void call() throws Exception {
        int n = N.incrementAndGet();
        String callId = callId();
        send(caller, "INVITE " + calleeUri + " SIP/2.0\r\n"
                + via(caller, n)
                + "Max-Forwards: 70\r\n"
                + "From: <sip:" + user + "@127.0.0.1>;tag=c" + n + "\r\n"
                + "To: <sip:" + calleeUser + "@127.0.0.1>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Contact: <sip:" + user + "@127.0.0.1:" + caller.address().getPort() + tp(caller) + ">\r\n"
                + "Content-Length: 0\r\n\r\n");
        String inv = receive(callee, "INVITE");
        String contact = "Contact: <sip:" + calleeUser + "@127.0.0.1:" + callee.address().getPort() + tp(callee) + ">\r\n";
        send(callee, response(inv, 180, "Ringing", "b" + n, contact));
        assertEquals(180, status(nextResponse(caller, 180)), "ringing of " + user);
        send(callee, response(inv, 200, "OK", "b" + n, contact));
        String ok = finalResponse(caller);
        assertEquals(200, status(ok), "INVITE of " + user);
        List<String> routes = new ArrayList<>(headers(ok, "Record-Route"));
        Collections.reverse(routes);
        send(caller, inDialog("ACK", ok, routes, 1, n));
        receive(callee, "ACK");
        send(caller, inDialog("BYE", ok, routes, 2, n));
        String bye = receive(callee, "BYE");
        send(callee, response(bye, 200, "OK", null, ""));
        assertEquals(200, status(finalResponse(caller)), "BYE of " + user);
    }

    private String inDialog(String method, String ok, List<String> routes, int cseq, int n) {
        StringBuilder b = new StringBuilder(method + " " + contactUri(ok) + " SIP/2.0\r\n")
                .append(via(caller, n * 10 + cseq));
        for (String r : routes) {
            b.append("Route: ").append(r).append("\r\n");
        }
        return b.append("Max-Forwards: 70\r\n")
                .append("From: ").append(header(ok, "From")).append("\r\n")
                .append("To: ").append(header(ok, "To")).append("\r\n")
                .append("Call-ID: ").append(header(ok, "Call-ID")).append("\r\n")
                .append("CSeq: ").append(cseq).append(' ').append(method).append("\r\n")
                .append("Content-Length: 0\r\n\r\n").toString();
    }

    private String via(SipPeer p, int n) {
        return "Via: SIP/2.0/" + p.transport() + " 127.0.0.1:" + p.address().getPort() + ";branch=z9hG4bK-" + user + "-" + n
                + ";rport\r\n";
    }

    private static String tp(SipPeer p) {
        return p.transport().equals("TCP") ? ";transport=tcp" : "";
    }

    private void send(SipPeer p, String m) throws Exception {
        sent.add(m);
        p.send(m);
    }

    /** The next final response the peer receives (provisional ones are kept too). */
    private String finalResponse(SipPeer p) throws Exception {
        while (true) {
            String m = p.receive(WAIT);
            assertNotNull(m, user + ": no final response");
            received.add(m);
            if (status(m) >= 200) {
                return m;
            }
        }
    }

    /** Responses up to the first with the given status (all kept). */
    private String nextResponse(SipPeer p, int wanted) throws Exception {
        while (true) {
            String m = p.receive(WAIT);
            assertNotNull(m, user + ": no " + wanted);
            received.add(m);
            if (status(m) == wanted) {
                return m;
            }
        }
    }

    private String receive(SipPeer p, String expectedMethod) throws Exception {
        String m = p.receive(WAIT);
        assertNotNull(m, user + ": no " + expectedMethod);
        received.add(m);
        assertEquals(expectedMethod, method(m), m);
        return m;
    }
}
