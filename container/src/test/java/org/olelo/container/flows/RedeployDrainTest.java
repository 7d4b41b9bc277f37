package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.olelo.container.flows.VersionedApps.marked;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.method;
import static org.olelo.core.testkit.SipText.status;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.olelo.container.boot.ServerConfig;
import org.olelo.container.internal.deploy.DeployedApp;
import org.olelo.container.internal.deploy.TestApps;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.MemoryPeer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;
import org.slf4j.LoggerFactory;

/**
 * Redeploying and removing an application while it carries calls, over SIP in memory: the calls
 * of the old version stay on it (requests and responses in the dialog, ACK, CANCEL, BYE, timers,
 * the sessions its own factory creates, its beans) while new calls run the new version; the old
 * version is destroyed once its calls ended, or, when the drain time passes first, its calls are
 * ended with BYE. What the deployer says about it is read from its log.
 */
class RedeployDrainTest {

    private static final long WAIT = 5000;

    @TempDir
    Path tmp;
    private Path apps;
    private Path marks;
    private TestServer server;
    private final List<SipPeer> peers = new ArrayList<>();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger drainLog = (Logger) LoggerFactory.getLogger("org.olelo.container.internal.deploy.AppDrainer");

    @BeforeEach
    void listen() {
        log.start();
        drainLog.addAppender(log);
    }

    @AfterEach
    void stop() {
        peers.forEach(SipPeer::close);
        if (server != null) {
            server.close();
        }
        drainLog.detachAppender(log);
    }

    private void start(String app, TestApps v1, long drainSeconds) throws Exception {
        server = TestServer.builder().archive(app, v1).routeAllTo(app)
                .settings(c -> c.withPollMillis(50).withDrainSeconds(drainSeconds)).start(tmp);
        apps = server.deploy().resolve("apps");
    }

    /** An INVITE or OPTIONS from alice at a peer. */
    private static String request(SipPeer peer, String method, String ruri, String extra) {
        return SipBuilder.request(method, ruri).via(peer).from("<sip:alice@127.0.0.1>").contact("caller", peer).lines(extra)
                .build();
    }

    /** Replaces the archive with another version and waits until that version takes new sessions. */
    private DeployedApp redeploy(String app, TestApps next) throws Exception {
        DeployedApp before = server.server().applications().get(app);
        next.writeArchive(apps.resolve(app + ".sar"), tmp.resolve("scratch-" + System.nanoTime()));
        await(() -> server.server().applications().get(app) != before, "the new version of " + app);
        return server.server().applications().get(app);
    }

    /** A caller: answers the requests the server sends in its dialogs (timer ticks, BYE) with 200. */
    private Phone phone() {
        return phone(true);
    }

    private Phone phone(boolean answers) {
        Phone p = new Phone(new MemoryPeer(server.memory(), 5300 + peers.size()), answers);
        peers.add(p.peer);
        return p;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.currentTimeMillis() + 20_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    /** The deployer's lines so far; the appender appends under its own lock (AppenderBase.doAppend). */
    private List<String> drainLines() {
        synchronized (log) {
            return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    private String awaitLine(String... parts) throws InterruptedException {
        await(() -> drainLines().stream().anyMatch(l -> List.of(parts).stream().allMatch(l::contains)),
                "a log line with " + List.of(parts) + " in " + drainLines());
        return drainLines().stream().filter(l -> List.of(parts).stream().allMatch(l::contains)).findFirst().orElseThrow();
    }

    // ------------------------------------------------------------------ a user agent application

    @Test
    void aCallKeepsItsVersionThroughARedeploymentWhileNewCallsRunTheNewOne() throws Exception {
        marks = Files.createDirectories(tmp.resolve("marks"));
        start("ver", VersionedApps.uas("1", marks), ServerConfig.DEFAULT_DRAIN_SECONDS);
        Phone a = phone();
        Phone b = phone();
        Phone c = phone();
        String key = "X-Key: k" + System.nanoTime() + "\r\n";
        Call call1 = a.call("sip:uas@127.0.0.1", "X-Tick-Ms: 300\r\n" + key);
        assertEquals("1", header(call1.ok, "X-Version"));
        a.inDialog(call1, "ACK", "");
        String ringing = c.invite("sip:ring@127.0.0.1");
        assertEquals(180, status(ringing));
        assertEquals("1", header(ringing, "X-Version"));
        DeployedApp v1 = server.server().applications().get("ver");
        assertNotNull(v1.classLoader().getResource("v/Ver.class"));

        DeployedApp v2 = redeploy("ver", VersionedApps.uas("2", marks));
        long redeployed = System.currentTimeMillis();
        assertNotSame(v1, v2);
        String draining = awaitLine("Draining " + v1.label(), "replaced by " + v2.label());
        assertTrue(draining.contains("keeps 2 application sessions, 1 timer and 2 dialogs"), draining);

        Call call2 = b.call("sip:uas@127.0.0.1", "");
        assertEquals("2", header(call2.ok, "X-Version"), "a new call runs the new version");
        b.inDialog(call2, "ACK", "");
        assertEquals("1", header(b.options("sip:uas@127.0.0.1", key), "X-Version"),
                "a new request that joins a session of the old version by its key runs there");
        assertEquals("2", header(b.options("sip:uas@127.0.0.1", ""), "X-Version"));

        String info = a.inDialog(call1, "INFO", "X-Cmd: spawn\r\n");
        assertEquals(200, status(info), info);
        assertEquals("1", header(info, "X-Version"), "a request in the dialog reaches the old version");
        assertEquals("1", header(info, "X-Bean"), "the old version's SipSessionsUtil finds its own beans");
        String reinvite = a.inDialog(call1, "INVITE", "");
        assertEquals("1", header(reinvite, "X-Version"), "a re-INVITE reaches the old version");
        a.inDialog(call1, "ACK", "");
        await(() -> marked(marks, "later-ack", "1"), "the ACK of the re-INVITE in the old version");
        assertFalse(marked(marks, "later-ack", "2"));
        String tick = a.awaitTickAfter(redeployed);
        assertEquals("1", header(tick, "X-Version"), "a timer the old version set fires in the old version");
        await(() -> marked(marks, "spawned-timer", "1"), "the timer of a session that the old version's factory made");
        assertFalse(marked(marks, "spawned-timer", "2"));

        c.cancel();
        await(() -> marked(marks, "cancel", "1"), "the CANCEL in the old version");
        assertFalse(marked(marks, "cancel", "2"), "the CANCEL of a call of the old version is not the new version's");

        Thread.sleep(200);
        assertFalse(marked(marks, "destroyed", "1"), "a version with a call is not destroyed");
        assertNotNull(v1.classLoader().getResource("v/Ver.class"));
        String bye = a.inDialog(call1, "BYE", "");
        assertEquals(200, status(bye));
        assertEquals("1", header(bye, "X-Version"), "the BYE reaches the old version");

        await(() -> marked(marks, "destroyed", "1"), "destroy() of the drained version");
        String gone = awaitLine(v1.label() + " is gone: drained");
        assertNull(v1.classLoader().getResource("v/Ver.class"), "the class loader of the drained version is closed");
        assertFalse(marked(marks, "destroyed", "2"));
        assertTrue(server.server().deployer().draining().isEmpty(), gone);

        String bye2 = b.inDialog(call2, "BYE", "");
        assertEquals("2", header(bye2, "X-Version"));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1})
    void aCallThatOutlivesTheDrainTimeIsEndedWithByeAndTheLogSaysWhatWasDropped(long drainSeconds) throws Exception {
        marks = Files.createDirectories(tmp.resolve("marks"));
        start("ver", VersionedApps.uas("1", marks), drainSeconds);
        Phone a = phone();
        Call call1 = a.call("sip:uas@127.0.0.1", "X-Tick-Ms: 300\r\n");
        assertEquals("1", header(call1.ok, "X-Version"));
        a.inDialog(call1, "ACK", "");
        DeployedApp v1 = server.server().applications().get("ver");

        DeployedApp v2 = redeploy("ver", VersionedApps.uas("2", marks));
        String bye = a.awaitRequest("BYE", header(call1.ok, "Call-ID"), -1);
        assertEquals(header(call1.ok, "Call-ID"), header(bye, "Call-ID"), "the container hangs up the old version's call");

        await(() -> marked(marks, "destroyed", "1"), "destroy() of the old version");
        String gone = awaitLine(v1.label() + " is gone: the drain time of " + drainSeconds + " s passed");
        assertTrue(gone.contains("dropped 1 application session, 1 timer and 1 dialog"), gone);
        assertNull(v1.classLoader().getResource("v/Ver.class"));
        String info = a.inDialog(call1, "INFO", "");
        assertEquals(481, status(info), "the ended call is gone: " + info);

        Call call2 = a.call("sip:uas@127.0.0.1", "");
        assertEquals("2", header(call2.ok, "X-Version"));
        assertFalse(marked(marks, "destroyed", "2"));
        assertEquals(v2, server.server().applications().get("ver"));
    }

    @Test
    void aRingingCallOfAVersionWhoseDrainTimePassedIsAnswered487() throws Exception {
        marks = Files.createDirectories(tmp.resolve("marks"));
        start("ver", VersionedApps.uas("1", marks), 0);
        Phone c = phone();
        assertEquals(180, status(c.invite("sip:ring@127.0.0.1")));
        DeployedApp v1 = server.server().applications().get("ver");
        redeploy("ver", VersionedApps.uas("2", marks));
        String terminated = c.awaitResponse(c.lastCallId(), "1 INVITE");
        assertEquals(487, status(terminated), terminated);
        String gone = awaitLine(v1.label() + " is gone: the drain time of 0 s passed");
        assertTrue(gone.contains("dropped 1 application session, 0 timers and 1 dialog"), gone);
    }

    // ------------------------------------------------------------------ a record-routing proxy

    @Test
    void aProxiedCallOfAVersionWhoseDrainTimePassedGetsByeOnBothSides() throws Exception {
        marks = Files.createDirectories(tmp.resolve("marks"));
        start("rr", VersionedApps.proxy("1", marks), 0);
        Phone caller = phone();
        Phone callee = phone();
        ProxiedCall a = proxiedCall(caller, callee, "1");
        redeploy("rr", VersionedApps.proxy("2", marks));
        String callId = header(a.call.ok, "Call-ID");
        assertEquals("BYE", method(caller.awaitRequest("BYE", callId, -1)), "the caller is hung up");
        assertEquals("BYE", method(callee.awaitRequest("BYE", callId, -1)), "the callee is hung up");
        await(() -> marked(marks, "destroyed", "1"), "destroy() of the old version");
        String gone = awaitLine(a.version.label() + " is gone: the drain time of 0 s passed");
        assertTrue(gone.contains("dropped 1 application session, 0 timers and 1 dialog"), gone);
        proxiedCall(caller, callee, "2");
    }

    @Test
    void twoQuickRedeploymentsAndARemovalLeaveEachProxiedCallOnItsVersion() throws Exception {
        marks = Files.createDirectories(tmp.resolve("marks"));
        start("rr", VersionedApps.proxy("1", marks), ServerConfig.DEFAULT_DRAIN_SECONDS);
        Phone caller = phone();
        Phone callee = phone(false);
        ProxiedCall a = proxiedCall(caller, callee, "1");

        DeployedApp v2 = redeploy("rr", VersionedApps.proxy("2", marks));
        ProxiedCall b = proxiedCall(caller, callee, "2");
        DeployedApp v3 = redeploy("rr", VersionedApps.proxy("3", marks));
        assertEquals(2, server.server().deployer().draining().size(), "two versions drain at once");
        ProxiedCall c = proxiedCall(caller, callee, "3");

        inDialogThroughProxy(caller, callee, a, "INFO", 2, "1");
        inDialogThroughProxy(caller, callee, b, "INVITE", 2, "2");
        inDialogThroughProxy(caller, callee, a, "INVITE", 3, "1");
        inDialogThroughProxy(caller, callee, a, "BYE", 4, "1");
        await(() -> marked(marks, "destroyed", "1"), "destroy() of the first version");
        awaitLine(a.version.label() + " is gone: drained");
        assertFalse(marked(marks, "destroyed", "2"), "the second version still has a call");

        Files.delete(apps.resolve("rr.sar"));
        await(() -> server.server().applications().get("rr") == null, "the removal");
        awaitLine("Draining " + v3.label(), "its source was removed", "keeps 1 application session, 0 timers and 1 dialog");
        String refused = caller.invite("sip:nobody@127.0.0.1");
        assertEquals(404, status(refused), "a removed application takes no new call: " + refused);
        inDialogThroughProxy(caller, callee, c, "INFO", 2, "3");
        inDialogThroughProxy(caller, callee, c, "BYE", 3, "3");
        await(() -> marked(marks, "destroyed", "3"), "destroy() of the removed version");
        inDialogThroughProxy(caller, callee, b, "BYE", 3, "2");
        await(() -> marked(marks, "destroyed", "2"), "destroy() of the second version");
        await(() -> server.server().deployer().draining().isEmpty(), "no version left");
        awaitLine(v2.label() + " is gone: drained");
        awaitLine(v3.label() + " is gone: drained");
    }

    /** A call through the proxy, answered and acknowledged; every message shows the proxy's version. */
    private ProxiedCall proxiedCall(Phone caller, Phone callee, String version) throws Exception {
        DeployedApp app = server.server().applications().get("rr");
        String ruri = "sip:bob@127.0.0.1:" + callee.peer.address().getPort();
        String invite = request(caller.peer, "INVITE", ruri, "");
        caller.peer.send(invite);
        String in = callee.awaitRequest("INVITE", header(invite, "Call-ID"), 1);
        assertEquals(version, header(in, "X-Version"), in);
        callee.peer.send(SipBuilder.response(in, 200, "OK").toTag("b" + version).contact("bob", callee.peer));
        String ok = caller.awaitResponse(header(invite, "Call-ID"), "1 INVITE");
        assertEquals(200, status(ok), ok);
        assertEquals(version, header(ok, "X-Version"), "the 2xx passed the proxy's version: " + ok);
        Call call = new Call(caller.peer, ok);
        caller.peer.send(call.request("ACK", 1, ""));
        String ack = callee.awaitRequest("ACK", header(invite, "Call-ID"), 1);
        assertEquals(version, header(ack, "X-Version"), "the ACK passed the proxy's version: " + ack);
        return new ProxiedCall(call, app);
    }

    private static void inDialogThroughProxy(Phone caller, Phone callee, ProxiedCall pc, String method, int cseq,
                                             String version) throws Exception {
        caller.peer.send(pc.call.request(method, cseq, ""));
        String in = callee.awaitRequest(method, header(pc.call.ok, "Call-ID"), cseq);
        assertEquals(header(pc.call.ok, "Call-ID"), header(in, "Call-ID"));
        assertEquals(version, header(in, "X-Version"), method + " passed the proxy's version: " + in);
        callee.peer.send(SipBuilder.response(in, 200, "OK"));
        String ok = caller.awaitResponse(header(pc.call.ok, "Call-ID"), cseq + " " + method);
        assertEquals(200, status(ok), ok);
        assertEquals(version, header(ok, "X-Version"), "the answer to " + method + " passed the proxy's version: " + ok);
        if (method.equals("INVITE")) {
            caller.peer.send(pc.call.request("ACK", cseq, ""));
            String ack = callee.awaitRequest("ACK", header(pc.call.ok, "Call-ID"), cseq);
            assertEquals(version, header(ack, "X-Version"), "the ACK of the re-INVITE passed the proxy's version: " + ack);
        }
    }

    private record ProxiedCall(Call call, DeployedApp version) {
    }

    // ------------------------------------------------------------------ the phones

    /** A confirmed dialog as the caller sees it: the 2xx, and the next CSeq. */
    private static final class Call {
        final SipPeer peer;
        final String ok;
        int cseq = 1;

        Call(SipPeer peer, String ok) {
            this.peer = peer;
            this.ok = ok;
        }

        /** A request in the dialog: R-URI = remote Contact, Route = reversed Record-Route. */
        String request(String method, int number, String extra) {
            return SipBuilder.inDialog(method, ok).via(peer).cseq(number).contact("alice", peer).lines(extra).build();
        }
    }

    /** A test peer; a caller answers what the server sends it in a dialog (timer ticks, BYE) with 200. */
    private static final class Phone {
        final SipPeer peer;
        final List<String[]> ticks = new ArrayList<>();
        private final boolean answers;
        private final List<String> requests = new ArrayList<>();
        private String lastInvite;

        Phone(SipPeer peer, boolean answers) {
            this.peer = peer;
            this.answers = answers;
        }

        /** Sends an INVITE and returns its first answer after 100 Trying. */
        String invite(String ruri) throws Exception {
            lastInvite = request(peer, "INVITE", ruri, "");
            peer.send(lastInvite);
            return awaitResponse(header(lastInvite, "Call-ID"), "1 INVITE");
        }

        /** The Call-ID of the last INVITE sent with {@link #invite}. */
        String lastCallId() {
            return header(lastInvite, "Call-ID");
        }

        /** Sends an OPTIONS; returns its final answer. */
        String options(String ruri, String extra) throws Exception {
            String options = request(peer, "OPTIONS", ruri, extra);
            peer.send(options);
            String ok = awaitResponse(header(options, "Call-ID"), "1 OPTIONS");
            assertEquals(200, status(ok), ok);
            return ok;
        }

        /** Sends an INVITE that is answered 2xx. */
        Call call(String ruri, String extra) throws Exception {
            String invite = request(peer, "INVITE", ruri, extra);
            peer.send(invite);
            String ok = awaitResponse(header(invite, "Call-ID"), "1 INVITE");
            assertEquals(200, status(ok), ok);
            return new Call(peer, ok);
        }

        /** Sends a request in the dialog; returns its final answer (nothing for ACK). */
        String inDialog(Call call, String method, String extra) throws Exception {
            int n = method.equals("ACK") ? call.cseq : ++call.cseq;
            peer.send(call.request(method, n, extra));
            return method.equals("ACK") ? null : awaitResponse(header(call.ok, "Call-ID"), n + " " + method);
        }

        /** Cancels the last INVITE sent with {@link #invite}; waits for its 487 and acknowledges it. */
        void cancel() throws Exception {
            String callId = header(lastInvite, "Call-ID");
            peer.send(SipBuilder.cancel(lastInvite));
            assertEquals(200, status(awaitResponse(callId, "1 CANCEL")));
            String terminated = await(m -> status(m) >= 200 && callId.equals(header(m, "Call-ID"))
                    && "1 INVITE".equals(header(m, "CSeq")), "the final answer to the cancelled INVITE");
            assertEquals(487, status(terminated), terminated);
            peer.send(SipBuilder.ack(lastInvite, terminated));
        }

        /** The next answer other than 100 to the request of this Call-ID and CSeq ({@code 2 INFO}). */
        String awaitResponse(String callId, String cseq) throws Exception {
            return await(m -> status(m) > 100 && callId.equals(header(m, "Call-ID")) && cseq.equals(header(m, "CSeq")),
                    "an answer to " + cseq + " of " + callId);
        }

        /**
         * The next request of this method in this call that the server sends, with this CSeq number
         * unless it is negative (a caller answers INFO and BYE 200 itself).
         */
        String awaitRequest(String method, String callId, long cseq) throws Exception {
            Predicate<String> wanted = m -> status(m) == -1 && method(m).equals(method) && callId.equals(header(m, "Call-ID"))
                    && (cseq < 0 || header(m, "CSeq").equals(cseq + " " + method));
            for (String r : requests) {
                if (wanted.test(r)) {
                    requests.remove(r);
                    return r;
                }
            }
            return await(wanted, method + " of " + callId + " from the server");
        }

        /** A timer tick the server sent later than {@code since}. */
        String awaitTickAfter(long since) throws Exception {
            for (String[] t : ticks) {
                if (Long.parseLong(t[0]) > since) {
                    return t[1];
                }
            }
            long end = System.currentTimeMillis() + WAIT;
            while (System.currentTimeMillis() < end) {
                await(m -> status(m) == -1 && "tick".equals(header(m, "X-Timer")), "a timer tick");
                String[] last = ticks.get(ticks.size() - 1);
                if (Long.parseLong(last[0]) > since) {
                    return last[1];
                }
            }
            throw new AssertionError("no timer tick after the redeployment");
        }

        private String await(Predicate<String> wanted, String what) throws Exception {
            long end = System.currentTimeMillis() + WAIT;
            while (System.currentTimeMillis() < end) {
                String m = peer.receive(Math.max(1, end - System.currentTimeMillis()));
                if (m == null) {
                    break;
                }
                if (status(m) == -1) {
                    String method = method(m);
                    if (answers && (method.equals("INFO") || method.equals("BYE"))) {
                        peer.send(SipBuilder.response(m, 200, "OK"));
                    }
                    if ("tick".equals(header(m, "X-Timer"))) {
                        ticks.add(new String[] {Long.toString(System.currentTimeMillis()), m});
                    } else if (!wanted.test(m)) {
                        requests.add(m);
                    }
                }
                if (wanted.test(m)) {
                    return m;
                }
            }
            throw new AssertionError("no " + what);
        }
    }
}
