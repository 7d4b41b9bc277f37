package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.olelo.core.testkit.SipText.contactUri;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.headers;
import static org.olelo.core.testkit.SipText.method;
import static org.olelo.core.testkit.SipText.response;
import static org.olelo.core.testkit.SipText.routesFromResponse;
import static org.olelo.core.testkit.SipText.status;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.olelo.core.testkit.SipPeer;

/**
 * The stateful proxy path end to end (core, router, container, a deployed proxy application):
 * each flow is written once and runs in memory, over UDP and over TCP.
 */
class ProxyFlowsTest {

    private static final AtomicInteger CALLS = new AtomicInteger();
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

    /** An initial INVITE from {@code caller} (also used by the other proxy flow tests). */
    static String invite(SipPeer caller, String ruri, String extra) {
        int n = CALLS.incrementAndGet();
        int port = caller.address().getPort();
        return "INVITE " + ruri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/" + caller.transport() + " 127.0.0.1:" + port + ";branch=z9hG4bK-inv-" + n + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:alice@127.0.0.1>;tag=caller" + n + "\r\n"
                + "To: <" + ruri + ">\r\n"
                + "Call-ID: call-" + n + "@test\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Contact: <sip:alice@127.0.0.1:" + port + (caller.transport().equals("TCP") ? ";transport=tcp" : "") + ">\r\n"
                + extra
                + "Content-Length: 0\r\n\r\n";
    }

    /** An in-dialog request from the caller after a 2xx: R-URI = remote Contact, Route = reversed Record-Route. */
    static String inDialog(SipPeer caller, String method, String ok, int cseq, String branch) {
        int port = caller.address().getPort();
        return method + " " + contactUri(ok) + " SIP/2.0\r\n"
                + "Via: SIP/2.0/" + caller.transport() + " 127.0.0.1:" + port + ";branch=" + branch + ";rport\r\n"
                + routesFromResponse(ok)
                + "Max-Forwards: 70\r\n"
                + "From: " + header(ok, "From") + "\r\n"
                + "To: " + header(ok, "To") + "\r\n"
                + "Call-ID: " + header(ok, "Call-ID") + "\r\n"
                + "CSeq: " + cseq + " " + method + "\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    static String contact(ProxyTestServer s, String user, SipPeer p) {
        return "Contact: <" + s.uriOf(user, p) + ">\r\n";
    }

    /** Reads the next message that is not a 100 Trying. */
    static String next(SipPeer p) throws Exception {
        while (true) {
            String m = p.receive(WAIT);
            if (m == null || status(m) != 100) {
                return m;
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void callSetupAndByeThroughRecordRoute(SipPeer.Kind kind) throws Exception {
        server = new ProxyTestServer(kind, tmp);
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
            caller.send(invite(caller, server.uriOf("bob", callee), ""));
            assertEquals(100, status(caller.receive(WAIT)), "100 Trying from the proxy");
            String inv = callee.receive(WAIT);
            assertNotNull(inv, "INVITE relayed to the callee");
            assertEquals("INVITE", method(inv));
            assertEquals("69", header(inv, "Max-Forwards"));
            assertEquals(2, headers(inv, "Via").size(), inv);
            assertTrue(header(inv, "Record-Route").contains(";lr"), inv);
            callee.send(response(inv, 180, "Ringing", "callee1", contact(server, "bob", callee)));
            assertEquals(180, status(next(caller)));
            callee.send(response(inv, 200, "OK", "callee1", contact(server, "bob", callee)));
            String ok = next(caller);
            assertEquals(200, status(ok));
            assertEquals(1, headers(ok, "Via").size(), "the proxy's Via was removed: " + ok);
            caller.send(inDialog(caller, "ACK", ok, 1, "z9hG4bK-ack-" + CALLS.incrementAndGet()));
            String ack = callee.receive(WAIT);
            assertNotNull(ack, "ACK relayed by Record-Route");
            assertEquals("ACK", method(ack));
            caller.send(inDialog(caller, "BYE", ok, 2, "z9hG4bK-bye-" + CALLS.incrementAndGet()));
            String bye = callee.receive(WAIT);
            assertNotNull(bye, "BYE relayed by Record-Route");
            assertEquals("BYE", method(bye));
            callee.send(response(bye, 200, "OK", null, ""));
            String byeOk = next(caller);
            assertEquals(200, status(byeOk));
            assertEquals("BYE", method(byeOk));
        }
    }

    /**
     * Further 2xx responses (a retransmission, the answer of another fork) reach the caller, with the
     * proxy's Via removed, whether the application supervises the proxy or not: an unsupervised
     * proxy's branch leaves only a relay to its client transaction's Accepted state.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void further2xxAreRelayedInTheAcceptedState(boolean supervised) throws Exception {
        server = new ProxyTestServer(SipPeer.Kind.UDP, tmp);
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
            caller.send(invite(caller, server.uriOf("bob", callee), supervised ? "" : "X-Unsupervised: yes\r\n"));
            String inv = callee.receive(WAIT);
            assertNotNull(inv, "INVITE relayed to the callee");
            String ok = response(inv, 200, "OK", "callee1", contact(server, "bob", callee));
            callee.send(ok);
            assertEquals(200, status(next(caller)));
            callee.send(ok);
            String again = next(caller);
            assertNotNull(again, "the retransmitted 2xx is relayed");
            assertEquals(200, status(again));
            assertEquals(1, headers(again, "Via").size(), again);
            callee.send(response(inv, 200, "OK", "callee2", contact(server, "bob", callee)));
            String fork = next(caller);
            assertNotNull(fork, "the 2xx of another fork is relayed");
            assertTrue(header(fork, "To").contains("callee2"), fork);
        }
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void busyIsPropagatedAndAcknowledgedHopByHop(SipPeer.Kind kind) throws Exception {
        server = new ProxyTestServer(kind, tmp);
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
            caller.send(invite(caller, server.uriOf("bob", callee), ""));
            String inv = callee.receive(WAIT);
            assertNotNull(inv);
            callee.send(response(inv, 486, "Busy Here", "busy1", ""));
            String ack = callee.receive(WAIT);
            assertEquals("ACK", method(ack), "the proxy acknowledges the 486 itself");
            String busy = next(caller);
            assertEquals(486, status(busy));
        }
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void cancelOfARingingCall(SipPeer.Kind kind) throws Exception {
        server = new ProxyTestServer(kind, tmp);
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
            String invite = invite(caller, server.uriOf("bob", callee), "");
            caller.send(invite);
            String inv = callee.receive(WAIT);
            callee.send(response(inv, 180, "Ringing", "ring1", contact(server, "bob", callee)));
            assertEquals(180, status(next(caller)));
            caller.send(invite.replaceFirst("INVITE ", "CANCEL ").replace("CSeq: 1 INVITE", "CSeq: 1 CANCEL"));
            String cancelOk = next(caller);
            assertEquals(200, status(cancelOk));
            assertEquals("CANCEL", method(cancelOk));
            String cancel = callee.receive(WAIT);
            assertEquals("CANCEL", method(cancel));
            callee.send(response(cancel, 200, "OK", "ring1", ""));
            callee.send(response(inv, 487, "Request Terminated", "ring1", ""));
            String terminated = next(caller);
            assertEquals(487, status(terminated));
        }
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void parallelForkTheAnswerWinsAndTheOtherBranchIsCancelled(SipPeer.Kind kind) throws Exception {
        server = new ProxyTestServer(kind, tmp);
        try (SipPeer caller = server.caller(); SipPeer busy = server.callee(); SipPeer ringing = server.callee();
             SipPeer answering = server.callee()) {
            String targets = "X-Targets: " + server.uriOf("b1", busy) + " " + server.uriOf("b2", ringing) + " "
                    + server.uriOf("b3", answering) + "\r\n";
            caller.send(invite(caller, "sip:bob@127.0.0.1", targets));
            String invBusy = busy.receive(WAIT);
            String invRinging = ringing.receive(WAIT);
            String invAnswering = answering.receive(WAIT);
            assertNotNull(invBusy);
            assertNotNull(invRinging);
            assertNotNull(invAnswering);
            busy.send(response(invBusy, 486, "Busy Here", "t1", ""));
            assertEquals("ACK", method(busy.receive(WAIT)));
            ringing.send(response(invRinging, 180, "Ringing", "t2", contact(server, "b2", ringing)));
            assertEquals(180, status(next(caller)));
            answering.send(response(invAnswering, 200, "OK", "t3", contact(server, "b3", answering)));
            String ok = next(caller);
            assertEquals(200, status(ok), "the 200 wins over the 486");
            String cancel = ringing.receive(WAIT);
            assertEquals("CANCEL", method(cancel), "the ringing branch is cancelled");
            ringing.send(response(cancel, 200, "OK", "t2", ""));
            ringing.send(response(invRinging, 487, "Request Terminated", "t2", ""));
            assertEquals("ACK", method(ringing.receive(WAIT)));
            assertNull(caller.receive(500), "no further final response reaches the caller");
        }
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void sequentialSearchMovesOnWhenABranchTimesOut(SipPeer.Kind kind) throws Exception {
        server = new ProxyTestServer(kind, tmp);
        try (SipPeer caller = server.caller(); SipPeer first = server.callee(); SipPeer second = server.callee()) {
            String extra = "X-Targets: " + server.uriOf("s1", first) + " " + server.uriOf("s2", second) + "\r\n"
                    + "X-Sequential: yes\r\nX-Timeout: 1\r\n";
            caller.send(invite(caller, "sip:bob@127.0.0.1", extra));
            String inv1 = first.receive(WAIT);
            assertNotNull(inv1);
            first.send(response(inv1, 180, "Ringing", "s1", contact(server, "s1", first)));
            assertEquals(180, status(next(caller)));
            String cancel = first.receive(WAIT);
            assertEquals("CANCEL", method(cancel), "Timer C cancels the first branch");
            first.send(response(cancel, 200, "OK", "s1", ""));
            first.send(response(inv1, 487, "Request Terminated", "s1", ""));
            assertEquals("ACK", method(first.receive(WAIT)));
            String inv2 = second.receive(WAIT);
            assertNotNull(inv2, "the search goes on with the second target");
            second.send(response(inv2, 200, "OK", "s2", contact(server, "s2", second)));
            assertEquals(200, status(next(caller)));
        }
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void maxForwardsZeroAndLoops(SipPeer.Kind kind) throws Exception {
        server = new ProxyTestServer(kind, tmp);
        try (SipPeer caller = server.caller()) {
            caller.send(invite(caller, "sip:bob@127.0.0.1", "").replace("Max-Forwards: 70", "Max-Forwards: 0"));
            assertEquals(483, status(caller.receive(WAIT)));
            int port = server.address().getPort();
            String self = "sip:loop@127.0.0.1:" + port + (kind == SipPeer.Kind.TCP ? ";transport=tcp" : "");
            caller.send(invite(caller, self, ""));
            String r = next(caller);
            assertEquals(482, status(r), "a request that comes back unchanged is a loop: " + r);
        }
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void aRoutePushedOnOneBranchSendsOnlyThatBranchThroughIt(SipPeer.Kind kind) throws Exception {
        server = new ProxyTestServer(kind, tmp);
        try (SipPeer caller = server.caller(); SipPeer direct = server.callee(); SipPeer routed = server.callee();
             SipPeer outbound = server.callee()) {
            String viaOutbound = "<" + server.uriOf("edge", outbound).replace("sip:edge@", "sip:") + ";lr>";
            String extra = "X-Targets: " + server.uriOf("d", direct) + " " + server.uriOf("r", routed) + "\r\n"
                    + "X-Branch-Route: 1 " + viaOutbound + "\r\n";
            caller.send(invite(caller, "sip:bob@127.0.0.1", extra));
            String first = direct.receive(WAIT);
            assertNotNull(first, "the first branch goes straight to its target");
            assertNull(header(first, "Route"), first);
            String second = outbound.receive(WAIT);
            assertNotNull(second, "the second branch goes to the Route pushed on it");
            assertTrue(second.startsWith("INVITE " + server.uriOf("r", routed) + " SIP/2.0"), second);
            assertTrue(header(second, "Route").contains(";lr"), second);
            assertNull(routed.receive(300), "nothing reaches the routed target directly");
        }
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void proxyAddsItselfToThePathOfARegister(SipPeer.Kind kind) throws Exception {
        server = new ProxyTestServer(kind, tmp);
        try (SipPeer ua = server.caller(); SipPeer registrar = server.callee()) {
            String target = server.uriOf("registrar", registrar);
            int n = CALLS.incrementAndGet();
            int port = ua.address().getPort();
            ua.send("REGISTER " + target + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/" + ua.transport() + " 127.0.0.1:" + port + ";branch=z9hG4bK-reg-" + n + ";rport\r\n"
                    + "Max-Forwards: 70\r\nFrom: <sip:alice@127.0.0.1>;tag=r" + n + "\r\nTo: <sip:alice@127.0.0.1>\r\n"
                    + "Call-ID: reg-" + n + "@test\r\nCSeq: 1 REGISTER\r\n"
                    + "Contact: <sip:alice@127.0.0.1:" + port + ">\r\nPath: <sip:outer.example;lr>\r\nX-Add-Path: a1\r\n"
                    + "Content-Length: 0\r\n\r\n");
            String reg = registrar.receive(WAIT);
            assertNotNull(reg);
            java.util.List<String> path = new java.util.ArrayList<>();
            for (String h : headers(reg, "Path")) {
                for (String v : h.split(",(?=\\s*<)")) {
                    path.add(v.trim());
                }
            }
            assertEquals(2, path.size(), reg);
            assertTrue(path.get(0).startsWith("<sip:127.0.0.1:"), path.get(0));
            assertTrue(path.get(0).contains(";lr") && path.get(0).contains(";edge=a1"), path.get(0));
            assertEquals("<sip:outer.example;lr>", path.get(1), "the Path entries already there stay below ours");
        }
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void proxyEndsTheDialogWithByeTowardsBothParties(SipPeer.Kind kind) throws Exception {
        server = new ProxyTestServer(kind, tmp);
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
            caller.send(invite(caller, server.uriOf("bob", callee), ""));
            String inv = callee.receive(WAIT);
            assertNotNull(inv);
            callee.send(response(inv, 200, "OK", "callee9", contact(server, "bob", callee)));
            String ok = next(caller);
            assertEquals(200, status(ok));
            caller.send(inDialog(caller, "ACK", ok, 1, "z9hG4bK-ack-" + CALLS.incrementAndGet()));
            assertEquals("ACK", method(callee.receive(WAIT)));
            caller.send(inDialog(caller, "INFO", ok, 2, "z9hG4bK-info-" + CALLS.incrementAndGet())
                    .replace("Content-Length: 0", "X-Terminate: now\r\nContent-Length: 0"));
            String infoOk = next(caller);
            assertEquals(200, status(infoOk));
            assertEquals("INFO", method(infoOk));
            String byeToCaller = next(caller);
            assertNotNull(byeToCaller, "a BYE for the caller");
            assertEquals("BYE", method(byeToCaller));
            assertTrue(header(byeToCaller, "From").contains("tag=callee9"), "as if from the callee: " + byeToCaller);
            String byeToCallee = callee.receive(WAIT);
            assertNotNull(byeToCallee, "a BYE for the callee");
            assertEquals("BYE", method(byeToCallee));
            assertTrue(header(byeToCallee, "To").contains("tag=callee9"), byeToCallee);
            assertEquals("3 BYE", header(byeToCallee, "CSeq"), "above the caller's CSeq so far");
            callee.send(response(byeToCallee, 200, "OK", null, ""));
            caller.send(response(byeToCaller, 200, "OK", null, ""));
        }
    }
}
