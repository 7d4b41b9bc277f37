package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.olelo.container.flows.ProxyFlowsTest.answer;
import static org.olelo.container.flows.ProxyFlowsTest.inDialog;
import static org.olelo.container.flows.ProxyFlowsTest.invite;
import static org.olelo.container.flows.ProxyFlowsTest.proxyServer;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.headers;
import static org.olelo.core.testkit.SipText.method;
import static org.olelo.core.testkit.SipText.status;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.SipPeer;

/**
 * A proxy follows redirects (JSR 359 {@code Proxy.setRecurse}, true by default; RFC 3261 §16.5 and
 * §16.7 step 4): a 3xx on a branch makes branches to its Contacts, best q-value first, each target
 * tried once, listed by {@code getRecursedProxyBranches()}; with recursion off the 3xx goes upstream.
 * And {@code Proxy.cancel} / {@code ProxyBranch.cancel} with reasons put RFC 3326 Reason header
 * fields on the CANCELs.
 */
class ProxyRecursionTest {

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

    /** The first callee redirects to the second, who answers: the call completes through the proxy. */
    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void aRedirectIsFollowedAndTheCallCompletes(SipPeer.Kind kind) throws Exception {
        server = proxyServer(kind).start(tmp);
        try (SipPeer caller = server.caller(); SipPeer first = server.callee(); SipPeer second = server.callee()) {
            caller.send(invite(caller, server.uriOf("bob", first)).header("X-Report-Branches", "yes"));
            String inv1 = first.receive(WAIT);
            assertNotNull(inv1, "INVITE to the first callee");
            first.send(answer(inv1, 302, "Moved Temporarily", "r1").contact("carol", second));
            assertEquals("ACK", method(first.receive(WAIT)), "the proxy acknowledges the 302 itself");
            String inv2 = second.receive(WAIT);
            assertNotNull(inv2, "the proxy follows the redirect to the second callee");
            assertTrue(inv2.startsWith("INVITE " + server.uriOf("carol", second) + " SIP/2.0"), inv2);
            assertEquals(header(inv1, "Call-ID"), header(inv2, "Call-ID"));
            second.send(answer(inv2, 200, "OK", "c2").contact("carol", second));
            String ok = caller.next(WAIT);
            assertEquals(200, status(ok), "the second callee's answer reaches the caller, not the 302: " + ok);
            assertEquals("bob>carol", header(ok, "X-Branches"),
                    "getProxyBranches lists the application's branch, getRecursedProxyBranches the one it led to");
            caller.send(inDialog(caller, "ACK", ok, 1));
            assertEquals("ACK", method(second.receive(WAIT)), "ACK through the record-route to the second callee");
            caller.send(inDialog(caller, "BYE", ok, 2));
            String bye = second.receive(WAIT);
            assertEquals("BYE", method(bye));
            second.send(answer(bye, 200, "OK", null));
            String byeOk = caller.next(WAIT);
            assertEquals(200, status(byeOk));
            assertEquals("BYE", method(byeOk));
            assertNull(first.receive(300), "nothing more for the redirecting callee");
        }
    }

    /** With recursion off the 302 is the best (only) final response: the caller gets it, Contact and all. */
    @Test
    void withoutRecursionTheCallerGetsTheRedirect() throws Exception {
        server = proxyServer(SipPeer.Kind.UDP).start(tmp);
        try (SipPeer caller = server.caller(); SipPeer first = server.callee(); SipPeer second = server.callee()) {
            caller.send(invite(caller, server.uriOf("bob", first)).header("X-No-Recurse", "yes"));
            String inv1 = first.receive(WAIT);
            assertNotNull(inv1);
            first.send(answer(inv1, 302, "Moved Temporarily", "r1").contact("carol", second));
            String redirect = caller.next(WAIT);
            assertEquals(302, status(redirect), redirect);
            assertTrue(header(redirect, "Contact").contains(server.uriOf("carol", second)), redirect);
            assertNull(second.receive(500), "no branch to the Contact");
        }
    }

    /**
     * A sequential search takes the Contacts of a 3xx in q-value order and skips a target it already
     * tried (no loop between two redirecting callees). The Contacts taken are removed from the 3xx;
     * what is left of it stays a candidate (§16.7 step 4), and as a 3xx it beats the 4xx answers.
     */
    @Test
    void contactsAreTriedByQValueOnceEach() throws Exception {
        server = proxyServer(SipPeer.Kind.UDP).start(tmp);
        try (SipPeer caller = server.caller(); SipPeer first = server.callee(); SipPeer low = server.callee();
             SipPeer high = server.callee()) {
            caller.send(invite(caller, server.uriOf("bob", first)).header("X-Sequential", "yes").header("X-Report-Branches", "yes"));
            String inv1 = first.receive(WAIT);
            assertNotNull(inv1);
            String contacts = "<" + server.uriOf("low", low) + ">;q=0.2, <" + server.uriOf("high", high)
                    + ">;q=0.9, <" + server.uriOf("bob", first) + ">";
            first.send(answer(inv1, 301, "Moved Permanently", "r1").contact(contacts));
            assertEquals("ACK", method(first.receive(WAIT)));
            String invHigh = high.receive(WAIT);
            assertNotNull(invHigh, "the Contact with the higher q-value first");
            assertNull(low.receive(300), "one at a time in a sequential search");
            high.send(answer(invHigh, 486, "Busy Here", "h1"));
            assertEquals("ACK", method(high.receive(WAIT)));
            String invLow = low.receive(WAIT);
            assertNotNull(invLow, "then the lower one");
            low.send(answer(invLow, 480, "Temporarily Unavailable", "l1"));
            assertEquals("ACK", method(low.receive(WAIT)));
            assertNull(first.receive(300), "the target already tried is not tried again");
            String best = caller.next(WAIT);
            assertEquals(301, status(best), best);
            assertEquals("<" + server.uriOf("bob", first) + ">", header(best, "Contact"),
                    "only the Contact that was not recursed on is left");
            assertEquals("bob>high>low", header(best, "X-Branches"));
        }
    }

    /** A 3xx whose Contacts were all recursed on is no candidate: the caller gets the recursed branch's answer. */
    @Test
    void aRedirectWhoseContactsWereAllTakenIsNoCandidate() throws Exception {
        server = proxyServer(SipPeer.Kind.UDP).start(tmp);
        try (SipPeer caller = server.caller(); SipPeer first = server.callee(); SipPeer second = server.callee()) {
            caller.send(invite(caller, server.uriOf("bob", first)));
            String inv1 = first.receive(WAIT);
            first.send(answer(inv1, 302, "Moved Temporarily", "r1").contact("carol", second));
            String inv2 = second.receive(WAIT);
            assertNotNull(inv2);
            second.send(answer(inv2, 486, "Busy Here", "c2"));
            String best = caller.next(WAIT);
            assertEquals(486, status(best), "not the 302, whose only Contact was tried: " + best);
        }
    }

    /** Proxy.cancel with reasons: the CANCEL of every pending branch carries both Reason header fields. */
    @ParameterizedTest
    @EnumSource(value = SipPeer.Kind.class, names = {"UDP", "TCP"})
    void proxyCancelCarriesTheReasons(SipPeer.Kind kind) throws Exception {
        assertCancelReasons(kind, "proxy");
    }

    /** ProxyBranch.cancel with reasons, on the branch that rang. */
    @Test
    void branchCancelCarriesTheReasons() throws Exception {
        assertCancelReasons(SipPeer.Kind.UDP, "branch");
    }

    private void assertCancelReasons(SipPeer.Kind kind, String how) throws Exception {
        server = proxyServer(kind).start(tmp);
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
            caller.send(invite(caller, server.uriOf("bob", callee)).header("X-Cancel-Reason", how));
            String inv = callee.receive(WAIT);
            assertNotNull(inv);
            callee.send(answer(inv, 180, "Ringing", "c1").contact("bob", callee));
            String cancel = callee.receive(WAIT);
            assertNotNull(cancel, "the application's cancel reaches the callee");
            assertEquals("CANCEL", method(cancel), cancel);
            List<String> reasons = headers(cancel, "Reason");
            String all = String.join(", ", reasons);
            assertTrue(all.matches("(?s)SIP ?;\\s*cause=600 ?;\\s*text=\"Busy Everywhere\".*"), all);
            assertTrue(all.matches("(?s).*Q\\.850 ?;\\s*cause=17 ?;\\s*text=\"User \\\\\"busy\\\\\"\"\\s*"), all);
            callee.send(answer(cancel, 200, "OK", "c1"));
            callee.send(answer(inv, 487, "Request Terminated", "c1"));
            assertEquals("ACK", method(callee.receive(WAIT)));
            String last = caller.next(WAIT);
            while (last != null && status(last) < 200) {
                last = caller.next(WAIT);
            }
            assertNotNull(last);
            assertEquals(487, status(last));
        }
    }
}
