package org.olelo.container.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.status;

import java.nio.file.Path;
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
 * An application that subscribes (RFC 6665, UAC of the SUBSCRIBE): NOTIFYs reach it in the dialog,
 * also one that arrives before the 2xx and creates the dialog (§4.1.2.4); it refreshes with
 * {@code SipSession.createRequest("SUBSCRIBE")}; a NOTIFY for no subscription of the dialog gets
 * 481; the NOTIFY that terminates the subscription ends the session (ready to invalidate, then
 * invalidated), after which NOTIFYs get 481. {@code terminateDialog} unsubscribes ({@code Expires: 0})
 * and ends the session at once. Each case runs in memory, over UDP and over TCP.
 */
class SubscriberDialogTest {

    static final String APP = """
            package t;
            import jakarta.servlet.sip.*;
            import java.io.IOException;
            public class Watcher extends SipServlet {
                public static final java.util.List<String> EVENTS = new java.util.concurrent.CopyOnWriteArrayList<>();
                @Override
                protected void doMessage(SipServletRequest req) throws IOException, jakarta.servlet.ServletException {
                    SipServletResponse r = req.createResponse(200);
                    r.setHeader("X-Events", String.join(",", EVENTS));
                    r.send();
                    if (req.getHeader("X-Call") != null) {
                        SipFactory f = (SipFactory) getServletContext().getAttribute(SIP_FACTORY);
                        SipServletRequest s = f.createRequest(f.createApplicationSession(), "SUBSCRIBE",
                                "<sip:watcher@olelo.test>", req.getHeader("X-Call"));
                        s.setHeader("Event", "presence");
                        s.setExpires(600);
                        s.send();
                    }
                }
                @Override
                protected void doNotify(SipServletRequest req) throws IOException {
                    SipSession s = req.getSession();
                    EVENTS.add("notify-" + req.getHeader("Subscription-State").split(";")[0] + "-" + s.getState()
                            + " " + req.getCallId());
                    req.createResponse(200).send();
                    if (req.getHeader("X-End") != null) {
                        s.terminateDialog();
                    } else if (req.getHeader("Subscription-State").startsWith("active") && s.getAttribute("refreshed") == null) {
                        s.setAttribute("refreshed", true);
                        SipServletRequest refresh = s.createRequest("SUBSCRIBE");
                        refresh.setHeader("Event", "presence");
                        refresh.setExpires(600);
                        refresh.send();
                    }
                }
            }
            """;

    @TempDir
    Path tmp;
    TestServer server;

    private void start(SipPeer.Kind kind) throws Exception {
        server = TestServer.builder()
                .app("watcher", CommonApps.servlet("watcher", "t.Watcher",
                        Map.of("t.Watcher", APP, "t.ReadyListener", SessionEvents.listener("Watcher"))))
                .routeAllTo("watcher").transport(kind).start(tmp);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Asks the application to subscribe to {@code bob}; returns the SUBSCRIBE bob receives. */
    private String trigger(SipPeer control, SubscriptionPeer bob) throws Exception {
        String r = control.finalResponseTo(SipBuilder.request("MESSAGE", server.uri("svc")).via(control)
                .callId("msg-" + SipBuilder.next()).contact("peer", control)
                .header("X-Call", "<" + SipBuilder.uri("bob", bob.peer()) + ">"));
        assertEquals(200, status(r));
        String subscribe = bob.request("SUBSCRIBE");
        assertNull(SipText.tag(header(subscribe, "To")), "an initial SUBSCRIBE");
        assertEquals("presence", header(subscribe, "Event"));
        return subscribe;
    }

    /** What the application recorded for the dialog of Call-ID {@code callId}. */
    private String events(SipPeer control, String callId) throws Exception {
        String q = control.finalResponseTo(SipBuilder.request("MESSAGE", server.uri("svc")).via(control)
                .callId("q-" + SipBuilder.next()).contact("peer", control));
        return SessionEvents.of(header(q, "X-Events"), callId);
    }

    private void awaitEvents(SipPeer control, String callId, String expected) throws Exception {
        SessionEvents.await(() -> events(control, callId), expected);
    }

    /** A NOTIFY from bob in the dialog of {@code subscribe}, bob's tag {@code tag}. */
    private static SipBuilder notify(SipPeer bob, String subscribe, String tag, int cseq, String event, String state) {
        return SipBuilder.request("NOTIFY", SipText.contactUri(subscribe)).via(bob)
                .fromValue("<" + SipBuilder.uri("bob", bob) + ">;tag=" + tag).to(header(subscribe, "From"))
                .callId(header(subscribe, "Call-ID")).cseq(cseq).contact("peer", bob)
                .header("Event", event).header("Subscription-State", state);
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void notifiesReachTheApplicationWhichRefreshesAndTheTerminatingOneEndsTheSession(SipPeer.Kind kind) throws Exception {
        start(kind);
        try (SipPeer control = server.caller(); SipPeer b = server.callee()) {
            SubscriptionPeer bob = new SubscriptionPeer(b);
            String subscribe = trigger(control, bob);
            String callId = header(subscribe, "Call-ID");
            String tag = "b" + SipBuilder.next();
            b.send(SipBuilder.response(subscribe, 200, "OK").toTag(tag).contact("peer", b).header("Expires", "600"));
            assertEquals(200, status(b.finalResponseTo(notify(b, subscribe, tag, 1, "presence", "active;expires=600"))));

            String refresh = bob.request("SUBSCRIBE");
            assertEquals(tag, SipText.tag(header(refresh, "To")), "the refresh is in the dialog");
            assertEquals(header(subscribe, "Call-ID"), header(refresh, "Call-ID"));
            assertTrue(header(refresh, "CSeq").startsWith("2 "), header(refresh, "CSeq"));
            assertEquals(SipBuilder.uri("peer", b), refresh.substring(10, refresh.indexOf(" SIP/2.0")),
                    "to the remote target");
            b.send(SipBuilder.response(refresh, 200, "OK").contact("peer", b).header("Expires", "600"));

            assertEquals(481, status(b.finalResponseTo(notify(b, subscribe, tag, 2, "dialog", "active"))),
                    "no subscription to that package in this dialog");
            assertEquals(200, status(b.finalResponseTo(notify(b, subscribe, tag, 3, "presence",
                    "terminated;reason=noresource"))));
            awaitEvents(control, callId, "notify-active-CONFIRMED,notify-terminated-CONFIRMED,ready,destroyed");
            assertEquals(481, status(b.finalResponseTo(notify(b, subscribe, tag, 4, "presence", "active"))),
                    "the dialog is gone");
        }
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void aNotifyBeforeTheAnswerCreatesTheDialog(SipPeer.Kind kind) throws Exception {
        start(kind);
        try (SipPeer control = server.caller(); SipPeer b = server.callee()) {
            SubscriptionPeer bob = new SubscriptionPeer(b);
            String subscribe = trigger(control, bob);
            String callId = header(subscribe, "Call-ID");
            String tag = "b" + SipBuilder.next();
            assertEquals(200, status(b.finalResponseTo(notify(b, subscribe, tag, 1, "presence", "active;expires=600"))),
                    "RFC 6665 §4.1.2.4: the NOTIFY creates the dialog");
            String refresh = bob.request("SUBSCRIBE");
            assertEquals(tag, SipText.tag(header(refresh, "To")), "the application's refresh is in the new dialog");
            b.send(SipBuilder.response(refresh, 200, "OK").contact("peer", b).header("Expires", "600"));
            b.send(SipBuilder.response(subscribe, 200, "OK").toTag(tag).contact("peer", b).header("Expires", "600"));
            Thread.sleep(200);
            String other = "c" + SipBuilder.next();
            assertEquals(481, status(b.finalResponseTo(notify(b, subscribe, other, 1, "presence", "active"))),
                    "a second notifier once the SUBSCRIBE is answered");
            assertEquals(200, status(b.finalResponseTo(notify(b, subscribe, tag, 2, "presence", "terminated"))));
            awaitEvents(control, callId, "notify-active-CONFIRMED,notify-terminated-CONFIRMED,ready,destroyed");
        }
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void terminateDialogUnsubscribes(SipPeer.Kind kind) throws Exception {
        start(kind);
        try (SipPeer control = server.caller(); SipPeer b = server.callee()) {
            SubscriptionPeer bob = new SubscriptionPeer(b);
            String subscribe = trigger(control, bob);
            String callId = header(subscribe, "Call-ID");
            String tag = "b" + SipBuilder.next();
            b.send(SipBuilder.response(subscribe, 200, "OK").toTag(tag).contact("peer", b).header("Expires", "600"));
            assertEquals(200, status(b.finalResponseTo(notify(b, subscribe, tag, 1, "presence", "active;expires=600")
                    .header("X-End", "now"))));
            String unsubscribe = bob.request("SUBSCRIBE");
            assertEquals("0", header(unsubscribe, "Expires"));
            assertEquals("presence", header(unsubscribe, "Event"));
            assertEquals(tag, SipText.tag(header(unsubscribe, "To")));
            b.send(SipBuilder.response(unsubscribe, 200, "OK").contact("peer", b).header("Expires", "0"));
            awaitEvents(control, callId, "notify-active-CONFIRMED,ready,destroyed");
            assertEquals(481, status(b.finalResponseTo(notify(b, subscribe, tag, 2, "presence", "terminated"))),
                    "the application sees nothing more of the dialog");
        }
    }
}
