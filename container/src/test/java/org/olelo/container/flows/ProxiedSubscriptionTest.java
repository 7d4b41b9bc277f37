package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.method;
import static org.olelo.core.testkit.SipText.status;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.olelo.container.testkit.CommonApps;
import org.olelo.container.testkit.SessionEvents;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;
import org.olelo.core.testkit.SipText;

/**
 * A proxy application that record-routes a SUBSCRIBE keeps its SIP session while the subscription
 * lives: NOTIFYs pass through it, and the session becomes ready to invalidate (and is invalidated)
 * once the NOTIFY that terminates the subscription is answered; a BYE in a dialog that also
 * carries a subscription does not end it. Each case runs in memory, over UDP and over TCP.
 */
class ProxiedSubscriptionTest {

    static final String APP = """
            package t;
            import jakarta.servlet.sip.*;
            import java.io.IOException;
            public class SubProxy extends SipServlet {
                public static final java.util.List<String> EVENTS = new java.util.concurrent.CopyOnWriteArrayList<>();
                @Override
                protected void doRequest(SipServletRequest req) throws jakarta.servlet.ServletException, IOException {
                    if (req.getHeader("X-Query") != null) {
                        SipServletResponse r = req.createResponse(200);
                        r.setHeader("X-Events", String.join(",", EVENTS));
                        r.send();
                        return;
                    }
                    if (req.isInitial()) {
                        Proxy p = req.getProxy();
                        p.setRecordRoute(true);
                        p.proxyTo(req.getRequestURI());
                    }
                }
            }
            """;

    private static final long WAIT = 5000;

    @TempDir
    Path tmp;
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start(SipPeer.Kind kind) throws Exception {
        server = TestServer.builder()
                .app("proxy", CommonApps.servlet("proxy", "t.SubProxy",
                        Map.of("t.SubProxy", APP, "t.ReadyListener", SessionEvents.listener("SubProxy"))))
                .routeAllTo("proxy").transport(kind).start(tmp);
    }

    /** What the proxy's listener recorded for Call-ID {@code callId}. */
    private String events(SipPeer a, String callId) throws Exception {
        String q = a.finalResponseTo(SipBuilder.request("OPTIONS", server.uri("svc")).via(a)
                .callId("q-" + SipBuilder.next()).header("X-Query", "events"));
        return SessionEvents.of(header(q, "X-Events"), callId);
    }

    private void awaitEvents(SipPeer a, String callId, String expected) throws Exception {
        SessionEvents.await(() -> events(a, callId), expected);
    }

    /** Bob's request in the dialog the proxied request {@code req} (as bob received it) set up, bob's tag {@code tag}. */
    private static SipBuilder fromBob(SipPeer bob, String req, String tag, String method, int cseq) {
        List<String> rr = SipText.entries(req, "Record-Route");
        return SipBuilder.request(method, SipText.contactUri(req)).via(bob).route(rr.toArray(new String[0]))
                .fromValue(header(req, "To") + ";tag=" + tag).to(header(req, "From"))
                .callId(header(req, "Call-ID")).cseq(cseq).contact("bob", bob);
    }

    /** Bob sends a request in the dialog; alice answers it 200; returns the 200 bob gets back. */
    private static String relayed(SipPeer alice, SipPeer bob, SipBuilder request) throws Exception {
        bob.send(request);
        String in = alice.next(WAIT);
        assertNotNull(in, "relayed to alice");
        String m = method(in);
        alice.send(SipBuilder.response(in, 200, "OK").contact("alice", alice));
        String ok = bob.next(WAIT);
        assertEquals(200, status(ok), "to " + m);
        return in;
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void theProxiedSubscriptionEndsTheSessionWithItsTerminatingNotify(SipPeer.Kind kind) throws Exception {
        start(kind);
        try (SipPeer alice = server.caller(); SipPeer bob = server.callee()) {
            String callId = "psub-" + SipBuilder.next();
            alice.send(SipBuilder.request("SUBSCRIBE", server.uriOf("bob", bob)).via(alice)
                    .from("<sip:alice@127.0.0.1>").callId(callId).contact("alice", alice)
                    .header("Event", "presence").header("Expires", "600"));
            String sub = bob.next(WAIT);
            assertEquals("SUBSCRIBE", method(sub));
            assertTrue(header(sub, "Record-Route").contains(";lr"), sub);
            bob.send(SipBuilder.response(sub, 200, "OK").toTag("b1").contact("bob", bob).header("Expires", "600"));
            assertEquals(200, status(alice.next(WAIT)));

            String n = relayed(alice, bob, fromBob(bob, sub, "b1", "NOTIFY", 1)
                    .header("Event", "presence").header("Subscription-State", "active;expires=600"));
            assertEquals("NOTIFY", method(n));
            Thread.sleep(300);
            assertEquals("", events(alice, callId), "the subscription keeps the proxy's session");

            relayed(alice, bob, fromBob(bob, sub, "b1", "NOTIFY", 2)
                    .header("Event", "presence").header("Subscription-State", "terminated;reason=timeout"));
            awaitEvents(alice, callId, "ready,destroyed");
        }
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void aByeInACallWithASubscriptionEndsOnlyTheCall(SipPeer.Kind kind) throws Exception {
        start(kind);
        try (SipPeer alice = server.caller(); SipPeer bob = server.callee()) {
            String callId = "pinv-" + SipBuilder.next();
            alice.send(SipBuilder.request("INVITE", server.uriOf("bob", bob)).via(alice)
                    .from("<sip:alice@127.0.0.1>").callId(callId).contact("alice", alice));
            String inv = bob.next(WAIT);
            assertEquals("INVITE", method(inv));
            bob.send(SipBuilder.response(inv, 200, "OK").toTag("b2").contact("bob", bob));
            String ok = alice.next(WAIT);
            assertEquals(200, status(ok));
            alice.send(SipBuilder.inDialog("ACK", ok).via(alice).cseq(1));
            assertEquals("ACK", method(bob.next(WAIT)));

            relayed(bob, alice, SipBuilder.inDialog("SUBSCRIBE", ok).via(alice).cseq(2)
                    .contact("alice", alice).header("Event", "dialog").header("Expires", "600"));
            relayed(alice, bob, fromBob(bob, inv, "b2", "NOTIFY", 1)
                    .header("Event", "dialog").header("Subscription-State", "active;expires=600"));
            relayed(bob, alice, SipBuilder.inDialog("BYE", ok).via(alice).cseq(3));
            Thread.sleep(300);
            assertEquals("", events(alice, callId), "the subscription keeps the proxy's session after BYE");

            relayed(alice, bob, fromBob(bob, inv, "b2", "NOTIFY", 2)
                    .header("Event", "dialog").header("Subscription-State", "terminated"));
            awaitEvents(alice, callId, "ready,destroyed");
        }
    }
}
