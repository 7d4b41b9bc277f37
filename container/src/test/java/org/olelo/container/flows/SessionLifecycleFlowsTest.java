package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.status;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;

/**
 * Application sessions, SIP sessions, timers and listeners of a deployed application
 * ({@link LifecycleApp}), driven by MESSAGE requests over loopback UDP (and some in memory): what
 * the application's listeners record is read back over SIP too.
 */
class SessionLifecycleFlowsTest {

    private static final long WAIT = 5000;

    @TempDir
    Path tmp;
    private TestServer server;
    private SipPeer peer;

    @AfterEach
    void stop() {
        if (peer != null) {
            peer.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private void start(SipPeer.Kind kind) throws Exception {
        server = TestServer.builder().app("life", LifecycleApp.app()).routeAllTo("life").transport(kind).start(tmp);
        peer = server.caller();
    }

    private void start() throws Exception {
        start(SipPeer.Kind.UDP);
    }

    /** Sends a MESSAGE with a command (and key, when not null) to the given Request-URI; returns the final response. */
    private String send(String ruri, String key, String cmd) throws Exception {
        String callId = "life-" + SipBuilder.next() + "@test";
        SipBuilder req = SipBuilder.request("MESSAGE", ruri).via(peer).from("<sip:tester@127.0.0.1>")
                .to("<sip:life@127.0.0.1>").callId(callId).header("X-Cmd", cmd);
        peer.send(key == null ? req : req.header("X-Key", key));
        long end = System.currentTimeMillis() + WAIT;
        while (System.currentTimeMillis() < end) {
            String m = peer.receive(WAIT);
            if (m != null && status(m) >= 200 && header(m, "Call-ID").equals(callId)) {
                return m;
            }
        }
        throw new AssertionError("no final response to " + cmd);
    }

    private String send(String key, String cmd) throws Exception {
        return send("sip:life@127.0.0.1", key, cmd);
    }

    /** Sends a command that must succeed; returns the 200. */
    private String ok(String key, String cmd) throws Exception {
        String r = send(key, cmd);
        assertEquals(200, status(r), r);
        return r;
    }

    private static String sas(String response) {
        return header(response, "X-Sas");
    }

    private static String result(String response) {
        return header(response, "X-Result");
    }

    /** Drains what the application's listeners recorded. */
    private List<String> events() throws Exception {
        String r = ok("query", "events");
        String body = r.substring(r.indexOf("\r\n\r\n") + 4);
        List<String> out = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isBlank()) {
                out.add(line.trim());
            }
        }
        return out;
    }

    /** Collects recorded events until {@code done} holds for all collected so far (or fails after a while). */
    private List<String> awaitEvents(List<String> seen, Predicate<List<String>> done) throws Exception {
        long end = System.currentTimeMillis() + WAIT;
        while (true) {
            seen.addAll(events());
            if (done.test(seen)) {
                return seen;
            }
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("events so far: " + seen);
            }
            Thread.sleep(50);
        }
    }

    private List<String> awaitEvent(List<String> seen, String event) throws Exception {
        return awaitEvents(seen, l -> l.contains(event));
    }

    /** Asserts that the expected events occur in this order (other events may come between). */
    private static void assertInOrder(List<String> events, String... expected) {
        int i = 0;
        for (String e : events) {
            if (i < expected.length && e.equals(expected[i])) {
                i++;
            }
        }
        assertEquals(expected.length, i, "expected in order " + Arrays.toString(expected) + " in " + events);
    }

    private static long count(List<String> events, String event) {
        return events.stream().filter(event::equals).count();
    }

    // ------------------------------------------------------------------ invalidate when ready, listeners

    @ParameterizedTest
    @EnumSource(value = SipPeer.Kind.class, names = {"UDP", "MEMORY"})
    void aSessionThatEndsIsInvalidatedWithEveryCallbackInOrder(SipPeer.Kind kind) throws Exception {
        start(kind);
        String r = ok(null, "sas-attr a A1");
        String id = sas(r);
        String ss = header(r, "X-Ss");
        // the last callback of the invalidation: the attributes go after sas-destroyed
        List<String> ev = awaitEvent(new ArrayList<>(), "sas-attr-removed a");
        assertInOrder(ev, "sas-created " + id, "ss-created " + ss, "bound A1 a", "sas-attr-added a",
                "ss-ready " + ss, "ss-destroyed " + ss, "sas-ready " + id, "sas-destroyed " + id + " readable",
                "unbound A1 a", "sas-attr-removed a");
        assertEquals("none", result(ok("query", "by-id " + id)), "gone from SipSessionsUtil");
    }

    @Test
    void attributeReplacementAndRemovalCallTheBindingAndAttributeListeners() throws Exception {
        start();
        String id = sas(ok("attrs", "hold"));
        ok("attrs", "sas-attr a A1");
        ok("attrs", "sas-attr a A2");
        ok("attrs", "sas-attr b B1");
        ok("attrs", "sas-attr-remove b");
        String r = ok("attrs", "ss-attr s S1");
        String ss = header(r, "X-Ss");
        List<String> ev = awaitEvent(new ArrayList<>(), "ss-attr-removed s");
        assertInOrder(ev, "bound A1 a", "sas-attr-added a", "bound A2 a", "unbound A1 a", "sas-attr-replaced a",
                "bound B1 b", "sas-attr-added b", "unbound B1 b", "sas-attr-removed b");
        assertInOrder(ev, "bound S1 s", "ss-attr-added s", "ss-ready " + ss, "ss-destroyed " + ss, "unbound S1 s",
                "ss-attr-removed s");
        assertEquals(id, sas(ok("attrs", "invalidate")), "held: the key still finds the same session");
        ev = awaitEvent(new ArrayList<>(), "sas-attr-removed a");
        assertInOrder(ev, "sas-destroyed " + id + " readable", "unbound A2 a", "sas-attr-removed a");
        assertFalse(ev.contains("sas-ready " + id), "an explicit invalidation is not a readiness: " + ev);
    }

    @Test
    void aSipSessionKeptByInvalidateWhenReadyFalseHoldsItsApplicationSessionUntilInvalidated() throws Exception {
        start();
        String r = ok("keep", "keep-ss");
        String id = sas(r);
        String kept = header(r, "X-Ss");
        String second = ok("keep", "timers");
        assertEquals(id, sas(second), "the application session outlived its first request");
        String secondSs = header(second, "X-Ss");
        List<String> ev = awaitEvent(new ArrayList<>(), "ss-destroyed " + secondSs);
        Thread.sleep(300);
        ev.addAll(events());
        assertFalse(ev.contains("ss-ready " + kept), "no readiness callback while the flag is off: " + ev);
        assertFalse(ev.contains("ss-destroyed " + kept), ev.toString());
        assertFalse(ev.contains("sas-destroyed " + id), ev.toString());

        assertEquals(id, sas(ok("keep", "invalidate-ss " + kept)));
        ev = awaitEvent(new ArrayList<>(), "sas-destroyed " + id);
        assertInOrder(ev, "ss-destroyed " + kept, "sas-ready " + id, "sas-destroyed " + id);
    }

    // ------------------------------------------------------------------ application keys, encodeURI, index keys, look-ups

    @Test
    void theApplicationKeyRoutesRequestsWithTheSameKeyToOneApplicationSession() throws Exception {
        start();
        String id = sas(ok("k1", "hold"));
        assertEquals("life.key.k1", id);
        String r = ok("k1", "current");
        assertEquals(id, sas(r));
        assertEquals(id, result(r), "SipSessionsUtil.getCurrentApplicationSession");
        assertNotEquals(id, sas(ok("k2", "hold")));
        assertNotEquals(sas(ok(null, "timers")), sas(ok(null, "timers")), "no key: a new session each time");
        assertEquals(id, result(ok("query", "by-key k1")));
        assertEquals("none", result(ok("query", "by-key nobody")));
        assertEquals("life.key.made", result(ok("query", "by-key made create")));
        assertEquals("life.key.made", sas(ok("made", "timers")), "a request with that key joins the created session");
        assertEquals(id, result(ok("query", "by-id " + id)));
    }

    @Test
    void aFailingKeyMethodAnswers500AndOtherRequestsGoOn() throws Exception {
        start();
        String r = send("boom", "timers");
        assertEquals(500, status(r), r);
        ok("fine", "timers");
    }

    @Test
    void anEncodedUriMakesAnInitialRequestJoinItsSession() throws Exception {
        start();
        String r = ok("enc", "hold");
        String id = sas(r);
        String uri = result(ok("enc", "encode"));
        assertTrue(uri.startsWith("sip:svc@127.0.0.1;"), uri);
        assertEquals(id, sas(okAt(uri, null, "timers")));
        assertEquals(id, sas(okAt(uri, "other", "timers")), "the encoded URI wins over the key method");
        ok("enc", "invalidate");
        String after = sas(okAt(uri, null, "timers"));
        assertNotEquals(id, after, "an invalidated session is not joined");
    }

    private String okAt(String ruri, String key, String cmd) throws Exception {
        String r = send(ruri, key, cmd);
        assertEquals(200, status(r), r);
        return r;
    }

    @Test
    void indexKeysFindApplicationSessionsThroughSipSessionsUtil() throws Exception {
        start();
        String a = sas(ok("ia", "hold"));
        String b = sas(ok("ib", "hold"));
        ok("ia", "index-add grp");
        ok("ib", "index-add grp");
        ok("ib", "index-add solo");
        assertEquals(String.join(",", new java.util.TreeSet<>(List.of(a, b))), result(ok("query", "index-ids grp")));
        ok("ib", "index-remove grp");
        assertEquals(a, result(ok("query", "index-ids grp")));
        assertEquals(b, result(ok("query", "index-ids solo")));
        ok("ia", "invalidate");
        ok("ib", "invalidate");
        assertEquals("-", result(ok("query", "index-ids grp")), "invalidation drops the index keys");
        assertEquals("-", result(ok("query", "index-ids solo")));
    }

    @Test
    void setExpiresGrantsTheMinutesAndZeroMeansNever() throws Exception {
        start();
        ok("exp", "hold");
        long before = System.currentTimeMillis();
        String[] granted = result(ok("exp", "expires 2")).split(" ");
        assertEquals("2", granted[0]);
        long at = Long.parseLong(granted[1]);
        assertTrue(at >= before + 110_000 && at <= System.currentTimeMillis() + 121_000, "expires in about 2 minutes: " + at);
        assertEquals(Integer.MAX_VALUE + " 0", result(ok("exp", "expires 0")));
        ok("exp", "invalidate");
    }

    // ------------------------------------------------------------------ timers

    @Test
    void aOneShotTimerFiresOnceOnItsSessionWhichEndsAfterwards() throws Exception {
        start();
        String r = ok(null, "timer-once 200 once");
        String id = sas(r);
        List<String> ev = awaitEvent(new ArrayList<>(), "sas-destroyed " + id);
        assertInOrder(ev, "timeout once", "sas-ready " + id, "sas-destroyed " + id);
        Thread.sleep(300);
        ev.addAll(events());
        assertEquals(1, count(ev, "timeout once"), ev.toString());
        assertFalse(ev.contains("timeout once not-current"), "timers run as the current application session");
    }

    @Test
    void repeatingTimersTickAtFixedDelayAndFixedRateUntilCancelled() throws Exception {
        start();
        ok("rep", "hold");
        long t0 = System.currentTimeMillis();
        ok("rep", "timer-delay 100 100 d");
        ok("rep", "timer-rate 100 100 r");
        assertEquals("d/pending,r/pending", result(ok("rep", "timers")).replace("due", "pending"));
        List<String> ev = awaitEvents(new ArrayList<>(), l -> count(l, "timeout d") >= 5 && count(l, "timeout r") >= 5);
        Thread.sleep(300);
        ok("rep", "cancel-timers");
        long elapsed = System.currentTimeMillis() - t0;
        ev.addAll(events());
        long d = count(ev, "timeout d");
        long rate = count(ev, "timeout r");
        long most = elapsed / 100 + 2;
        assertTrue(d >= 5 && d <= most, d + " fixed-delay ticks in " + elapsed + " ms");
        assertTrue(rate >= 5 && rate <= most, rate + " fixed-rate ticks in " + elapsed + " ms");
        assertEquals("-", result(ok("rep", "timers")), "cancelled timers are gone from getTimers");
        Thread.sleep(400);
        List<String> later = events();
        assertEquals(0, count(later, "timeout d") + count(later, "timeout r"), "no tick after cancel: " + later);
        ok("rep", "invalidate");
    }

    @Test
    void aCancelledTimerNeverFires() throws Exception {
        start();
        ok("cx", "hold");
        ok("cx", "timer-once 300 never");
        ok("cx", "timer-delay 50 50 self-cancel");
        ok("cx", "cancel-timers");
        Thread.sleep(700);
        List<String> ev = events();
        assertFalse(ev.contains("timeout never"), ev.toString());
        assertTrue(count(ev, "timeout self-cancel") <= 1, ev.toString());
        assertEquals("-", result(ok("cx", "timers")));
        ok("cx", "invalidate");
    }

    @Test
    void timersEndWithTheirApplicationSession() throws Exception {
        start();
        String id = sas(ok("gone", "hold"));
        ok("gone", "timer-delay 50 50 gone");
        List<String> ev = awaitEvent(new ArrayList<>(), "timeout gone");
        ok("gone", "invalidate");
        ev = awaitEvent(ev, "sas-destroyed " + id);
        Thread.sleep(300);
        int end = ev.indexOf("sas-destroyed " + id);
        ev.addAll(events());
        assertFalse(ev.subList(end, ev.size()).contains("timeout gone"), "no tick after invalidation: " + ev);

        String other = sas(ok(null, "timer-delay 50 50 invalidate"));
        ev = awaitEvent(new ArrayList<>(), "sas-destroyed " + other);
        Thread.sleep(300);
        ev.addAll(events());
        assertEquals(1, count(ev, "timeout invalidate"), "a timer that invalidates its own session stops: " + ev);
        assertNotNull(ev);
    }
}
