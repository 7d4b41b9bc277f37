package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.olelo.core.testkit.SipText.method;
import static org.olelo.core.testkit.SipText.status;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.olelo.core.testkit.SipBuilder;
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
        send(caller, SipBuilder.request("REGISTER", "sip:127.0.0.1").via(caller).branch(branch(N.incrementAndGet()))
                .from("<sip:" + user + "@127.0.0.1>").to("<sip:" + user + "@127.0.0.1>").callId(registerCallId())
                .contact("<sip:" + user + "@127.0.0.1:" + caller.address().getPort() + ">").header("Expires", "60"));
        assertEquals(200, status(finalResponse(caller)), "REGISTER of " + user);
    }

    void call() throws Exception {
        int n = N.incrementAndGet();
        send(caller, SipBuilder.request("INVITE", calleeUri).via(caller).branch(branch(n)).from("<sip:" + user + "@127.0.0.1>")
                .to("<sip:" + calleeUser + "@127.0.0.1>").callId(callId()).contact(user, caller));
        String inv = receive(callee, "INVITE");
        send(callee, SipBuilder.response(inv, 180, "Ringing").toTag("b" + n).contact(calleeUser, callee));
        assertEquals(180, status(nextResponse(caller, 180)), "ringing of " + user);
        send(callee, SipBuilder.response(inv, 200, "OK").toTag("b" + n).contact(calleeUser, callee));
        String ok = finalResponse(caller);
        assertEquals(200, status(ok), "INVITE of " + user);
        send(caller, SipBuilder.inDialog("ACK", ok).via(caller).branch(branch(n * 10 + 1)).cseq(1));
        receive(callee, "ACK");
        send(caller, SipBuilder.inDialog("BYE", ok).via(caller).branch(branch(n * 10 + 2)).cseq(2));
        String bye = receive(callee, "BYE");
        send(callee, SipBuilder.response(bye, 200, "OK"));
        assertEquals(200, status(finalResponse(caller)), "BYE of " + user);
    }

    /** A branch that names the user, so that a trace can be read by eye. */
    private String branch(int n) {
        return "z9hG4bK-" + user + "-" + n;
    }

    private void send(SipPeer p, SipBuilder m) throws Exception {
        String text = m.build();
        sent.add(text);
        p.send(text);
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
