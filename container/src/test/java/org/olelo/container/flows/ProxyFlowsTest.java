package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.headers;
import static org.olelo.core.testkit.SipText.method;
import static org.olelo.core.testkit.SipText.status;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.olelo.container.testkit.CommonApps;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;

/**
 * The stateful proxy path end to end (core, router, container, a deployed proxy application):
 * each flow is written once and runs in memory, over UDP and over TCP.
 */
class ProxyFlowsTest {

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

    private TestServer proxy(SipPeer.Kind kind) throws Exception {
        server = proxyServer(kind).start(tmp);
        return server;
    }

    /** A server whose every initial request goes to the forking proxy (also used by the other proxy flow tests). */
    static TestServer.Builder proxyServer(SipPeer.Kind kind) {
        return TestServer.builder().app("proxy", CommonApps.forkingProxy()).routeAllTo("proxy").transport(kind);
    }

    /** An initial INVITE from alice at {@code caller} (also used by the other proxy flow tests). */
    static SipBuilder invite(SipPeer caller, String ruri) {
        return SipBuilder.request("INVITE", ruri).via(caller).from("<sip:alice@127.0.0.1>").contact("alice", caller);
    }

    /** An in-dialog request from the caller after a 2xx: R-URI = remote Contact, Route = reversed Record-Route. */
    static SipBuilder inDialog(SipPeer caller, String method, String ok, int cseq) {
        return SipBuilder.inDialog(method, ok).via(caller).cseq(cseq);
    }

    /** A user agent's answer with a To tag (also used by the other proxy flow tests). */
    static SipBuilder answer(String request, int status, String reason, String toTag) {
        return SipBuilder.response(request, status, reason).toTag(toTag);
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void callSetupAndByeThroughRecordRoute(SipPeer.Kind kind) throws Exception {
        proxy(kind);
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
            caller.send(invite(caller, server.uriOf("bob", callee)));
            assertEquals(100, status(caller.receive(WAIT)), "100 Trying from the proxy");
            String inv = callee.receive(WAIT);
            assertNotNull(inv, "INVITE relayed to the callee");
            assertEquals("INVITE", method(inv));
            assertEquals("69", header(inv, "Max-Forwards"));
            assertEquals(2, headers(inv, "Via").size(), inv);
            assertTrue(header(inv, "Record-Route").contains(";lr"), inv);
            callee.send(answer(inv, 180, "Ringing", "callee1").contact("bob", callee));
            assertEquals(180, status(caller.next(WAIT)));
            callee.send(answer(inv, 200, "OK", "callee1").contact("bob", callee));
            String ok = caller.next(WAIT);
            assertEquals(200, status(ok));
            assertEquals(1, headers(ok, "Via").size(), "the proxy's Via was removed: " + ok);
            caller.send(inDialog(caller, "ACK", ok, 1));
            String ack = callee.receive(WAIT);
            assertNotNull(ack, "ACK relayed by Record-Route");
            assertEquals("ACK", method(ack));
            caller.send(inDialog(caller, "BYE", ok, 2));
            String bye = callee.receive(WAIT);
            assertNotNull(bye, "BYE relayed by Record-Route");
            assertEquals("BYE", method(bye));
            callee.send(answer(bye, 200, "OK", null));
            String byeOk = caller.next(WAIT);
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
        proxy(SipPeer.Kind.UDP);
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
            caller.send(invite(caller, server.uriOf("bob", callee)).lines(supervised ? null : "X-Unsupervised: yes\r\n"));
            String inv = callee.receive(WAIT);
            assertNotNull(inv, "INVITE relayed to the callee");
            String ok = answer(inv, 200, "OK", "callee1").contact("bob", callee).build();
            callee.send(ok);
            assertEquals(200, status(caller.next(WAIT)));
            callee.send(ok);
            String again = caller.next(WAIT);
            assertNotNull(again, "the retransmitted 2xx is relayed");
            assertEquals(200, status(again));
            assertEquals(1, headers(again, "Via").size(), again);
            callee.send(answer(inv, 200, "OK", "callee2").contact("bob", callee));
            String fork = caller.next(WAIT);
            assertNotNull(fork, "the 2xx of another fork is relayed");
            assertTrue(header(fork, "To").contains("callee2"), fork);
        }
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void busyIsPropagatedAndAcknowledgedHopByHop(SipPeer.Kind kind) throws Exception {
        proxy(kind);
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
            caller.send(invite(caller, server.uriOf("bob", callee)));
            String inv = callee.receive(WAIT);
            assertNotNull(inv);
            callee.send(answer(inv, 486, "Busy Here", "busy1"));
            String ack = callee.receive(WAIT);
            assertEquals("ACK", method(ack), "the proxy acknowledges the 486 itself");
            String busy = caller.next(WAIT);
            assertEquals(486, status(busy));
        }
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void cancelOfARingingCall(SipPeer.Kind kind) throws Exception {
        proxy(kind);
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
            String invite = invite(caller, server.uriOf("bob", callee)).build();
            caller.send(invite);
            String inv = callee.receive(WAIT);
            callee.send(answer(inv, 180, "Ringing", "ring1").contact("bob", callee));
            assertEquals(180, status(caller.next(WAIT)));
            caller.send(SipBuilder.cancel(invite));
            String cancelOk = caller.next(WAIT);
            assertEquals(200, status(cancelOk));
            assertEquals("CANCEL", method(cancelOk));
            String cancel = callee.receive(WAIT);
            assertEquals("CANCEL", method(cancel));
            callee.send(answer(cancel, 200, "OK", "ring1"));
            callee.send(answer(inv, 487, "Request Terminated", "ring1"));
            String terminated = caller.next(WAIT);
            assertEquals(487, status(terminated));
        }
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void parallelForkTheAnswerWinsAndTheOtherBranchIsCancelled(SipPeer.Kind kind) throws Exception {
        proxy(kind);
        try (SipPeer caller = server.caller(); SipPeer busy = server.callee(); SipPeer ringing = server.callee();
             SipPeer answering = server.callee()) {
            String targets = "X-Targets: " + server.uriOf("b1", busy) + " " + server.uriOf("b2", ringing) + " "
                    + server.uriOf("b3", answering) + "\r\n";
            caller.send(invite(caller, "sip:bob@127.0.0.1").lines(targets));
            String invBusy = busy.receive(WAIT);
            String invRinging = ringing.receive(WAIT);
            String invAnswering = answering.receive(WAIT);
            assertNotNull(invBusy);
            assertNotNull(invRinging);
            assertNotNull(invAnswering);
            busy.send(answer(invBusy, 486, "Busy Here", "t1"));
            assertEquals("ACK", method(busy.receive(WAIT)));
            ringing.send(answer(invRinging, 180, "Ringing", "t2").contact("b2", ringing));
            assertEquals(180, status(caller.next(WAIT)));
            answering.send(answer(invAnswering, 200, "OK", "t3").contact("b3", answering));
            String ok = caller.next(WAIT);
            assertEquals(200, status(ok), "the 200 wins over the 486");
            String cancel = ringing.receive(WAIT);
            assertEquals("CANCEL", method(cancel), "the ringing branch is cancelled");
            ringing.send(answer(cancel, 200, "OK", "t2"));
            ringing.send(answer(invRinging, 487, "Request Terminated", "t2"));
            assertEquals("ACK", method(ringing.receive(WAIT)));
            assertNull(caller.receive(500), "no further final response reaches the caller");
        }
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void sequentialSearchMovesOnWhenABranchTimesOut(SipPeer.Kind kind) throws Exception {
        proxy(kind);
        try (SipPeer caller = server.caller(); SipPeer first = server.callee(); SipPeer second = server.callee()) {
            String extra = "X-Targets: " + server.uriOf("s1", first) + " " + server.uriOf("s2", second) + "\r\n"
                    + "X-Sequential: yes\r\nX-Timeout: 1\r\n";
            caller.send(invite(caller, "sip:bob@127.0.0.1").lines(extra));
            String inv1 = first.receive(WAIT);
            assertNotNull(inv1);
            first.send(answer(inv1, 180, "Ringing", "s1").contact("s1", first));
            assertEquals(180, status(caller.next(WAIT)));
            String cancel = first.receive(WAIT);
            assertEquals("CANCEL", method(cancel), "Timer C cancels the first branch");
            first.send(answer(cancel, 200, "OK", "s1"));
            first.send(answer(inv1, 487, "Request Terminated", "s1"));
            assertEquals("ACK", method(first.receive(WAIT)));
            String inv2 = second.receive(WAIT);
            assertNotNull(inv2, "the search goes on with the second target");
            second.send(answer(inv2, 200, "OK", "s2").contact("s2", second));
            assertEquals(200, status(caller.next(WAIT)));
        }
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void maxForwardsZeroAndLoops(SipPeer.Kind kind) throws Exception {
        proxy(kind);
        try (SipPeer caller = server.caller()) {
            caller.send(invite(caller, "sip:bob@127.0.0.1").maxForwards(0));
            assertEquals(483, status(caller.receive(WAIT)));
            int port = server.address().getPort();
            String self = "sip:loop@127.0.0.1:" + port + (kind == SipPeer.Kind.TCP ? ";transport=tcp" : "");
            caller.send(invite(caller, self));
            String r = caller.next(WAIT);
            assertEquals(482, status(r), "a request that comes back unchanged is a loop: " + r);
        }
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void aRoutePushedOnOneBranchSendsOnlyThatBranchThroughIt(SipPeer.Kind kind) throws Exception {
        proxy(kind);
        try (SipPeer caller = server.caller(); SipPeer direct = server.callee(); SipPeer routed = server.callee();
             SipPeer outbound = server.callee()) {
            String viaOutbound = "<" + server.uriOf("edge", outbound).replace("sip:edge@", "sip:") + ";lr>";
            String extra = "X-Targets: " + server.uriOf("d", direct) + " " + server.uriOf("r", routed) + "\r\n"
                    + "X-Branch-Route: 1 " + viaOutbound + "\r\n";
            caller.send(invite(caller, "sip:bob@127.0.0.1").lines(extra));
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
        proxy(kind);
        try (SipPeer ua = server.caller(); SipPeer registrar = server.callee()) {
            String target = server.uriOf("registrar", registrar);
            ua.send(SipBuilder.request("REGISTER", target).via(ua).from("<sip:alice@127.0.0.1>").to("<sip:alice@127.0.0.1>")
                    .contact("<sip:alice@127.0.0.1:" + ua.address().getPort() + ">").header("Path", "<sip:outer.example;lr>")
                    .header("X-Add-Path", "a1"));
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
        proxy(kind);
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
            caller.send(invite(caller, server.uriOf("bob", callee)));
            String inv = callee.receive(WAIT);
            assertNotNull(inv);
            callee.send(answer(inv, 200, "OK", "callee9").contact("bob", callee));
            String ok = caller.next(WAIT);
            assertEquals(200, status(ok));
            caller.send(inDialog(caller, "ACK", ok, 1));
            assertEquals("ACK", method(callee.receive(WAIT)));
            caller.send(inDialog(caller, "INFO", ok, 2)
                    .header("X-Terminate", "now"));
            String infoOk = caller.next(WAIT);
            assertEquals(200, status(infoOk));
            assertEquals("INFO", method(infoOk));
            String byeToCaller = caller.next(WAIT);
            assertNotNull(byeToCaller, "a BYE for the caller");
            assertEquals("BYE", method(byeToCaller));
            assertTrue(header(byeToCaller, "From").contains("tag=callee9"), "as if from the callee: " + byeToCaller);
            String byeToCallee = callee.receive(WAIT);
            assertNotNull(byeToCallee, "a BYE for the callee");
            assertEquals("BYE", method(byeToCallee));
            assertTrue(header(byeToCallee, "To").contains("tag=callee9"), byeToCallee);
            assertEquals("3 BYE", header(byeToCallee, "CSeq"), "above the caller's CSeq so far");
            callee.send(answer(byeToCallee, 200, "OK", null));
            caller.send(answer(byeToCaller, 200, "OK", null));
        }
    }
}
