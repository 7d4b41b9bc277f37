package org.olelo.container.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
 * An application that is a notifier (RFC 6665, UAS of the SUBSCRIBE): its 2xx creates the dialog
 * (session CONFIRMED), it sends NOTIFYs with {@code SipSession.createRequest}, a refresh and a
 * second subscription ({@code id}) arrive in the same dialog, and the session becomes ready to
 * invalidate, and is invalidated, only after the NOTIFY that terminates its last subscription; an
 * INVITE usage in the same dialog ended by BYE does not end it while a subscription lives. After
 * that, requests in the dialog get 481. {@code terminateDialog} ends a subscription with a
 * terminating NOTIFY (no BYE). Each case runs in memory, over UDP and over TCP.
 */
class NotifierDialogTest {

    static final String APP = """
            package t;
            import jakarta.servlet.sip.*;
            import java.io.IOException;
            public class Notifier extends SipServlet {
                public static final java.util.List<String> EVENTS = new java.util.concurrent.CopyOnWriteArrayList<>();
                @Override
                protected void doSubscribe(SipServletRequest req) throws IOException {
                    int expires = req.getExpires();
                    SipServletResponse ok = req.createResponse(200);
                    ok.setHeader("Expires", String.valueOf(expires));
                    ok.send();
                    SipServletRequest n = req.getSession().createRequest("NOTIFY");
                    n.setHeader("Event", req.getHeader("Event"));
                    n.setHeader("Subscription-State", expires == 0 ? "terminated;reason=timeout" : "active;expires=" + expires);
                    n.setHeader("X-State", req.getSession().getState().name());
                    n.send();
                }
                @Override
                protected void doInvite(SipServletRequest req) throws IOException {
                    SipServletResponse ok = req.createResponse(200);
                    ok.setContent("v=0\\r\\n", "application/sdp");
                    ok.send();
                }
                @Override
                protected void doAck(SipServletRequest req) {
                }
                @Override
                protected void doBye(SipServletRequest req) throws IOException {
                    req.createResponse(200).send();
                }
                @Override
                protected void doInfo(SipServletRequest req) throws IOException {
                    req.createResponse(200).send();
                    req.getSession().terminateDialog();
                }
                @Override
                protected void doMessage(SipServletRequest req) throws IOException {
                    SipServletResponse r = req.createResponse(200);
                    r.setHeader("X-Events", String.join(",", EVENTS));
                    r.send();
                }
            }
            """;

    @TempDir
    Path tmp;
    TestServer server;

    private void start(SipPeer.Kind kind) throws Exception {
        server = TestServer.builder()
                .app("notifier", CommonApps.servlet("notifier", "t.Notifier",
                        Map.of("t.Notifier", APP, "t.ReadyListener", SessionEvents.listener("Notifier"))))
                .routeAllTo("notifier").transport(kind).start(tmp);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A subscriber's side of one dialog: its From, the notifier's To once known, its CSeq. */
    private final class Subscriber {
        final SubscriptionPeer in;
        final SipPeer a;
        final String callId = "sub-" + SipBuilder.next();
        final String from = "<sip:alice@127.0.0.1>;tag=a" + SipBuilder.next();
        String to;
        String target;
        int cseq;

        Subscriber(SipPeer a) {
            this.a = a;
            this.in = new SubscriptionPeer(a);
        }

        SipBuilder request(String method) {
            String ruri = target != null ? target : server.uri("bob");
            return SipBuilder.request(method, ruri).via(a).fromValue(from).to(to != null ? to : "<" + server.uri("bob") + ">")
                    .callId(callId).cseq(++cseq).contact("peer", a);
        }

        /** Sends a SUBSCRIBE; returns its final response (the NOTIFY that follows is left to the caller). */
        String subscribe(String event, int expires) throws Exception {
            a.send(request("SUBSCRIBE").header("Event", event).header("Expires", String.valueOf(expires)));
            String r = in.response("SUBSCRIBE");
            if (to == null && status(r) == 200) {
                to = header(r, "To");
                target = SipText.contactUri(r);
            }
            return r;
        }

        /** The application's recorded session events for this dialog. */
        String events() throws Exception {
            String q = a.finalResponseTo(SipBuilder.request("MESSAGE", server.uri("ops")).via(a)
                    .callId("q-" + SipBuilder.next()).contact("peer", a));
            assertEquals(200, status(q));
            return SessionEvents.of(header(q, "X-Events"), callId);
        }

        /** Waits (up to 5 s) until the application recorded {@code expected}. */
        void awaitEvents(String expected) throws Exception {
            SessionEvents.await(this::events, expected);
        }
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void twoSubscriptionsInOneDialogEndItOnlyWithTheLastTerminatingNotify(SipPeer.Kind kind) throws Exception {
        start(kind);
        try (SipPeer a = server.caller()) {
            Subscriber s = new Subscriber(a);
            String ok = s.subscribe("presence", 600);
            assertEquals(200, status(ok));
            assertNotNull(SipText.tag(header(ok, "To")), "the 2xx creates the dialog");
            assertTrue(server.isOwn(s.target), "our Contact: " + s.target);
            String notify = s.in.answer("NOTIFY", 200);
            assertEquals(SipText.tag(header(ok, "To")), SipText.tag(header(notify, "From")), "NOTIFY in the dialog");
            assertEquals(SipText.tag(s.from), SipText.tag(header(notify, "To")));
            assertTrue(header(notify, "Subscription-State").startsWith("active"), notify);
            assertEquals("CONFIRMED", header(notify, "X-State"), "the 2xx to SUBSCRIBE confirms the dialog");

            assertEquals(200, status(s.subscribe("presence", 600)), "refresh in the dialog");
            assertTrue(header(s.in.answer("NOTIFY", 200), "Subscription-State").startsWith("active"));

            assertEquals(200, status(s.subscribe("presence;id=2", 600)), "a second subscription in the dialog");
            assertEquals("presence;id=2", header(s.in.answer("NOTIFY", 200), "Event").replace(" ", ""));

            assertEquals(200, status(s.subscribe("presence", 0)), "the first one ends");
            String ended = s.in.answer("NOTIFY", 200);
            assertTrue(header(ended, "Subscription-State").startsWith("terminated"), ended);
            Thread.sleep(300);
            assertEquals("", s.events(), "the second subscription keeps the session");
            assertEquals(200, status(s.subscribe("presence;id=2", 600)), "the dialog lives on");
            s.in.answer("NOTIFY", 200);

            assertEquals(200, status(s.subscribe("presence;id=2", 0)), "the last one ends");
            assertTrue(header(s.in.answer("NOTIFY", 200), "Subscription-State").startsWith("terminated"));
            s.awaitEvents("ready,destroyed");
            assertEquals(481, status(s.subscribe("presence;id=2", 600)), "the dialog is gone");
        }
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void byeEndsTheCallButNotTheSubscriptionInTheSameDialog(SipPeer.Kind kind) throws Exception {
        start(kind);
        try (SipPeer a = server.caller()) {
            Subscriber s = new Subscriber(a);
            a.send(s.request("INVITE").body("application/sdp", "v=0\r\n"));
            String ok = s.in.response("INVITE");
            assertEquals(200, status(ok));
            s.to = header(ok, "To");
            s.target = SipText.contactUri(ok);
            s.cseq--; // the ACK has the INVITE's CSeq number
            a.send(s.request("ACK"));

            assertEquals(200, status(s.subscribe("dialog", 600)), "a subscription in the call's dialog");
            s.in.answer("NOTIFY", 200);
            a.send(s.request("BYE"));
            assertEquals(200, status(s.in.response("BYE")));
            Thread.sleep(300);
            assertEquals("", s.events(), "the subscription keeps the session");
            assertEquals(200, status(s.subscribe("dialog", 600)), "the dialog lives on after BYE");
            s.in.answer("NOTIFY", 200);

            assertEquals(200, status(s.subscribe("dialog", 0)));
            assertTrue(header(s.in.answer("NOTIFY", 200), "Subscription-State").startsWith("terminated"));
            s.awaitEvents("ready,destroyed");
            assertEquals(481, status(s.subscribe("dialog", 600)), "the dialog is gone");
        }
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void terminateDialogSendsTheTerminatingNotify(SipPeer.Kind kind) throws Exception {
        start(kind);
        try (SipPeer a = server.caller()) {
            Subscriber s = new Subscriber(a);
            assertEquals(200, status(s.subscribe("presence", 600)));
            s.in.answer("NOTIFY", 200);
            a.send(s.request("INFO"));
            assertEquals(200, status(s.in.response("INFO")));
            String last = s.in.answer("NOTIFY", 200);
            assertEquals("terminated;reason=noresource", header(last, "Subscription-State").replace(" ", ""));
            assertEquals("presence", header(last, "Event"));
            s.awaitEvents("ready,destroyed");
            assertTrue(s.in.quiet("BYE", 300), "no BYE in a dialog without a call");
        }
    }
}
