package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.method;
import static org.olelo.core.testkit.SipText.status;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.api.rpc.RpcCommand;
import org.olelo.api.rpc.RpcException;
import org.olelo.api.rpc.RpcParams;
import org.olelo.container.boot.CallSettings;
import org.olelo.container.internal.dialog.DialogSettings;
import org.olelo.container.testkit.CommonApps;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;
import org.olelo.core.transaction.TimerSettings;

/**
 * The dialog table over UDP through the forking proxy: a call is early on its 180, confirmed on
 * its 200 and leaves on its BYE; a call that never gets answered leaves when its transaction ends;
 * {@code dlg.end} and {@code dialog.max.seconds} end an answered call with a BYE to both parties.
 */
class DialogTrackingTest {

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

    private void start(long maxSeconds) throws Exception {
        start(maxSeconds, 500);
    }

    private void start(long maxSeconds, long t1) throws Exception {
        server = TestServer.builder().app("proxy", CommonApps.forkingProxy()).routeAllTo("proxy")
                .transport(SipPeer.Kind.UDP)
                .settings(c -> c.withCalls(new CallSettings(new DialogSettings(maxSeconds), c.calls().acc()))
                        .withCore(c.core().withTimers(new TimerSettings(t1, 4000, 5000))))
                .start(tmp);
    }

    /** Runs a {@code dlg.*} command as the JSON-RPC server would. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> rpc(TestServer server, String name, Map<String, ?> params) throws RpcException {
        for (RpcCommand c : server.server().calls().dialogCommands().commands()) {
            if (c.name().equals(name)) {
                return (Map<String, Object>) c.handler().call(new RpcParams(params));
            }
        }
        throw new AssertionError("no command " + name);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> dialogs(TestServer server) throws RpcException {
        return (List<Map<String, Object>>) rpc(server, "dlg.list", Map.of()).get("dialogs");
    }

    /** The dialog list once it has {@code count} entries in {@code state}, or what it is after 3 s. */
    static List<Map<String, Object>> awaitDialogs(TestServer server, int count, String state) throws Exception {
        long end = System.currentTimeMillis() + WAIT;
        List<Map<String, Object>> d = dialogs(server);
        while (!(d.size() == count && d.stream().allMatch(x -> x.get("state").equals(state)))
                && System.currentTimeMillis() < end) {
            Thread.sleep(20);
            d = dialogs(server);
        }
        return d;
    }

    @Test
    void aCallIsEarlyThenConfirmedThenLeavesTheTable() throws Exception {
        start(0);
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
            caller.send(ProxyFlowsTest.invite(caller, server.uriOf("bob", callee)));
            String inv = callee.receive(WAIT);
            assertTrue(dialogs(server).isEmpty(), "no dialog before a To tag");
            callee.send(ProxyFlowsTest.answer(inv, 180, "Ringing", "bob1").contact("bob", callee));
            assertEquals(180, status(caller.next(WAIT)));
            List<Map<String, Object>> early = awaitDialogs(server, 1, "early");
            assertEquals(1, early.size(), early.toString());
            Map<String, Object> d = early.get(0);
            assertEquals("early", d.get("state"));
            assertEquals(header(inv, "Call-ID"), d.get("call_id"));
            assertEquals("sip:alice@127.0.0.1", d.get("from_uri"));
            assertEquals("bob1", d.get("to_tag"));
            assertEquals("proxy", d.get("application"));
            assertNull(d.get("confirmed_time"));
            assertEquals(Map.of("active", 1L, "early", 1L, "confirmed", 0L, "ended", 0L), rpc(server, "dlg.stats", Map.of()));
            callee.send(ProxyFlowsTest.answer(inv, 200, "OK", "bob1").contact("bob", callee));
            String ok = caller.next(WAIT);
            assertEquals(200, status(ok));
            List<Map<String, Object>> confirmed = awaitDialogs(server, 1, "confirmed");
            assertEquals("confirmed", confirmed.get(0).get("state"), confirmed.toString());
            assertNotNull(confirmed.get(0).get("confirmed_time"));
            assertEquals(d.get("id"), confirmed.get(0).get("id"));
            assertEquals(confirmed.get(0), rpc(server, "dlg.get", Map.of("id", d.get("id"))));
            caller.send(SipBuilder.inDialog("ACK", ok).via(caller).cseq(1));
            callee.receive(WAIT);
            AccountingTest.callerHangsUp(caller, callee, ok);
            assertTrue(awaitDialogs(server, 0, "").isEmpty(), "the ended call left the table");
            assertEquals(Map.of("active", 0L, "early", 0L, "confirmed", 0L, "ended", 1L), rpc(server, "dlg.stats", Map.of()));
            RpcException e = assertThrows(RpcException.class, () -> rpc(server, "dlg.get", Map.of("id", d.get("id"))));
            assertEquals(RpcException.NOT_FOUND, e.code());
        }
    }

    /** The callee rings, then answers nothing, not even the CANCEL: the INVITE times out (64*T1 = 2.56 s). */
    @Test
    void aCallThatIsNeverAnsweredLeavesWhenItsTransactionEnds() throws Exception {
        start(0, 40);
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
            caller.send(ProxyFlowsTest.invite(caller, server.uriOf("bob", callee)).lines("X-Timeout: 1\r\n"));
            String inv = callee.receive(WAIT);
            callee.send(ProxyFlowsTest.answer(inv, 180, "Ringing", "bob1").contact("bob", callee));
            assertEquals(180, status(caller.next(WAIT)));
            assertEquals(1, awaitDialogs(server, 1, "early").size());
            assertEquals("CANCEL", method(callee.receive(WAIT)), "the proxy gives up after 1 s");
            assertEquals(1, dialogs(server).size(), "still early while the INVITE transaction lasts");
            String last = caller.next(6000);
            assertNotNull(last, "a final response once the INVITE transaction timed out");
            assertTrue(status(last) >= 400, last);
            assertTrue(awaitDialogs(server, 0, "").isEmpty(), "the early dialog left with its transaction");
            assertEquals(1L, rpc(server, "dlg.stats", Map.of()).get("ended"));
        }
    }

    @Test
    void dlgEndSendsByeToBothParties() throws Exception {
        start(0);
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
            String ok = AccountingTest.answered(server, caller, callee, "bob1");
            Object id = awaitDialogs(server, 1, "confirmed").get(0).get("id");
            assertEquals(Map.of("ended", id), rpc(server, "dlg.end", Map.of("id", id)));
            assertByeToBoth(caller, callee, ok);
            assertTrue(awaitDialogs(server, 0, "").isEmpty());
            RpcException e = assertThrows(RpcException.class, () -> rpc(server, "dlg.end", Map.of("id", "nope")));
            assertEquals(RpcException.NOT_FOUND, e.code());
        }
    }

    @Test
    void aCallLongerThanTheLimitIsEndedWithByeToBothParties() throws Exception {
        start(2);
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
            String ok = AccountingTest.answered(server, caller, callee, "bob1");
            long answered = System.nanoTime();
            assertEquals(1, awaitDialogs(server, 1, "confirmed").size());
            assertNull(caller.receive(1500), "nothing before the limit");
            assertByeToBoth(caller, callee, ok);
            long ms = (System.nanoTime() - answered) / 1_000_000;
            assertTrue(ms >= 1900 && ms < 4000, "ended after about 2 s: " + ms + " ms");
            assertTrue(awaitDialogs(server, 0, "").isEmpty());
        }
    }

    /** Both parties get a BYE of the call's dialog and answer it. */
    private static void assertByeToBoth(SipPeer caller, SipPeer callee, String ok) throws Exception {
        String toCallee = callee.receive(WAIT);
        assertNotNull(toCallee, "BYE to the callee");
        assertEquals("BYE", method(toCallee), toCallee);
        assertEquals(header(ok, "Call-ID"), header(toCallee, "Call-ID"));
        callee.send(SipBuilder.response(toCallee, 200, "OK"));
        String toCaller = caller.receive(WAIT);
        assertNotNull(toCaller, "BYE to the caller");
        assertEquals("BYE", method(toCaller), toCaller);
        assertEquals(header(ok, "Call-ID"), header(toCaller, "Call-ID"));
        caller.send(SipBuilder.response(toCaller, 200, "OK"));
    }
}
