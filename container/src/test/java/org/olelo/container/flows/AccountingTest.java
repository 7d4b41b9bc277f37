package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.method;
import static org.olelo.core.testkit.SipText.status;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.boot.CallSettings;
import org.olelo.container.internal.acc.AccSettings;
import org.olelo.container.testkit.CommonApps;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;

/**
 * Accounting of proxied calls over UDP through the forking proxy: an answered call gives acc rows
 * for its INVITE and its BYE and one acc_cdrs row with its length; a busy and a cancelled call give
 * missed_calls rows; records made while the database fails are written once it works again; with
 * acc.enabled=false nothing is written.
 */
class AccountingTest {

    private static final long WAIT = 3000;
    private static final String EVENTS = "SELECT method, from_tag, to_tag, callid, sip_code, sip_reason, time, src_user,"
            + " src_domain, dst_user, dst_domain FROM ";

    @TempDir
    Path tmp;
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private DataSource start(boolean acc) throws Exception {
        return start(acc, 1000);
    }

    private DataSource start(boolean acc, int queueSize) throws Exception {
        server = TestServer.builder().app("proxy", CommonApps.forkingProxy()).routeAllTo("proxy")
                .transport(SipPeer.Kind.UDP)
                .settings(c -> c.withCalls(new CallSettings(c.calls().dialog(), new AccSettings(acc, queueSize))))
                .start(tmp);
        return server.server().database().defaultPool();
    }

    /** A call through the proxy answered by the callee: returns the 200 the caller got. */
    static String answered(TestServer server, SipPeer caller, SipPeer callee, String toTag) throws Exception {
        caller.send(ProxyFlowsTest.invite(caller, server.uriOf("bob", callee)));
        String inv = callee.receive(WAIT);
        assertNotNull(inv, "INVITE relayed to the callee");
        callee.send(ProxyFlowsTest.answer(inv, 180, "Ringing", toTag).contact("bob", callee));
        assertEquals(180, status(caller.next(WAIT)));
        callee.send(ProxyFlowsTest.answer(inv, 200, "OK", toTag).contact("bob", callee));
        String ok = caller.next(WAIT);
        assertEquals(200, status(ok), ok);
        caller.send(SipBuilder.inDialog("ACK", ok).via(caller).cseq(1));
        assertEquals("ACK", method(callee.receive(WAIT)));
        return ok;
    }

    /** The caller hangs up and the callee answers the BYE. */
    static void callerHangsUp(SipPeer caller, SipPeer callee, String ok) throws Exception {
        caller.send(SipBuilder.inDialog("BYE", ok).via(caller).cseq(2));
        String bye = callee.receive(WAIT);
        assertEquals("BYE", method(bye), bye);
        callee.send(ProxyFlowsTest.answer(bye, 200, "OK", null));
        assertEquals(200, status(caller.next(WAIT)));
    }

    @Test
    void anAnsweredCallGivesInviteAndByeRowsAndACallRecordWithItsLength() throws Exception {
        DataSource db = start(true);
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
            String ok = answered(server, caller, callee, "bob-tag");
            Thread.sleep(1200);
            callerHangsUp(caller, callee, ok);
            String callId = header(ok, "Call-ID");
            List<Map<String, Object>> acc = AccTables.await(db, EVENTS + "acc ORDER BY id", 2, 5000);
            assertEquals(2, acc.size(), acc.toString());
            Map<String, Object> invite = acc.get(0);
            assertEquals("INVITE", invite.get("method"));
            assertEquals("200", invite.get("sip_code"));
            assertEquals("OK", invite.get("sip_reason"));
            assertEquals(callId, invite.get("callid"));
            assertEquals("bob-tag", invite.get("to_tag"));
            assertTrue(header(ok, "From").contains("tag=" + invite.get("from_tag")), invite.toString());
            assertEquals("alice", invite.get("src_user"));
            assertEquals("127.0.0.1", invite.get("src_domain"));
            assertEquals("bob", invite.get("dst_user"));
            Map<String, Object> bye = acc.get(1);
            assertEquals("BYE", bye.get("method"));
            assertEquals("200", bye.get("sip_code"));
            assertEquals(callId, bye.get("callid"));
            List<Map<String, Object>> cdrs = AccTables.await(db, "SELECT * FROM acc_cdrs", 1, 5000);
            assertEquals(1, cdrs.size(), cdrs.toString());
            Map<String, Object> cdr = cdrs.get(0);
            assertEquals(callId, cdr.get("callid"));
            assertEquals("bob-tag", cdr.get("to_tag"));
            assertEquals("alice", cdr.get("src_user"));
            assertEquals("bob", cdr.get("dst_user"));
            double seconds = ((BigDecimal) cdr.get("duration")).doubleValue();
            assertTrue(seconds >= 1.2 && seconds < 3.0, "the call lasted about 1.2 s: " + seconds);
            assertTrue(AccTables.rows(db, "SELECT * FROM missed_calls").isEmpty());
        }
    }

    @Test
    void aBusyCalleeGivesAMissedCall() throws Exception {
        DataSource db = start(true);
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
            caller.send(ProxyFlowsTest.invite(caller, server.uriOf("bob", callee)));
            String inv = callee.receive(WAIT);
            callee.send(ProxyFlowsTest.answer(inv, 486, "Busy Here", "busy1"));
            assertEquals("ACK", method(callee.receive(WAIT)));
            assertEquals(486, status(caller.next(WAIT)));
            List<Map<String, Object>> missed = AccTables.await(db, EVENTS + "missed_calls", 1, 5000);
            assertEquals(1, missed.size(), missed.toString());
            assertEquals("INVITE", missed.get(0).get("method"));
            assertEquals("486", missed.get(0).get("sip_code"));
            assertEquals("Busy Here", missed.get(0).get("sip_reason"));
            assertEquals(header(inv, "Call-ID"), missed.get(0).get("callid"));
            Thread.sleep(300);
            assertTrue(AccTables.rows(db, "SELECT * FROM acc").isEmpty());
            assertTrue(AccTables.rows(db, "SELECT * FROM acc_cdrs").isEmpty(), "no call took place");
        }
    }

    @Test
    void aCancelledCallGivesAMissedCall() throws Exception {
        DataSource db = start(true);
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
            String invite = ProxyFlowsTest.invite(caller, server.uriOf("bob", callee)).build();
            caller.send(invite);
            String inv = callee.receive(WAIT);
            callee.send(ProxyFlowsTest.answer(inv, 180, "Ringing", "ring1").contact("bob", callee));
            assertEquals(180, status(caller.next(WAIT)));
            caller.send(SipBuilder.cancel(invite));
            assertEquals(200, status(caller.next(WAIT)));
            String cancel = callee.receive(WAIT);
            assertEquals("CANCEL", method(cancel));
            callee.send(ProxyFlowsTest.answer(cancel, 200, "OK", "ring1"));
            callee.send(ProxyFlowsTest.answer(inv, 487, "Request Terminated", "ring1"));
            assertEquals(487, status(caller.next(WAIT)));
            List<Map<String, Object>> missed = AccTables.await(db, EVENTS + "missed_calls", 1, 5000);
            assertEquals(1, missed.size(), missed.toString());
            assertEquals("487", missed.get(0).get("sip_code"));
            assertEquals("ring1", missed.get(0).get("to_tag"));
        }
    }

    @Test
    void recordsMadeWhileTheDatabaseFailsAreWrittenWhenItWorksAgain() throws Exception {
        DataSource db = start(true);
        AccTables.run(db, "ALTER TABLE acc RENAME TO acc_away");
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
            String ok = answered(server, caller, callee, "t1");
            callerHangsUp(caller, callee, ok);
            Thread.sleep(1500);
            assertTrue(AccTables.rows(db, "SELECT * FROM acc_away").isEmpty(), "nothing written while acc is away");
            assertEquals(1, server.server().calls().accounting().writer().outages(), "the outage is counted once");
            AccTables.run(db, "ALTER TABLE acc_away RENAME TO acc");
            List<Map<String, Object>> acc = AccTables.await(db, EVENTS + "acc ORDER BY id", 2, 5000);
            assertEquals(List.of("INVITE", "BYE"), acc.stream().map(r -> r.get("method")).toList());
            assertEquals(1, AccTables.await(db, "SELECT * FROM acc_cdrs", 1, 5000).size());
            assertEquals(1, server.server().calls().accounting().writer().outages());
            assertEquals(0, server.server().calls().accounting().writer().dropped());
        }
    }

    /**
     * Queue of one record, database down, two calls (six records): the writer holds at most two in
     * its batch, one waits in the queue, the others overflow. The outage is logged once however many
     * retries; the drops are counted and logged with their number; the rest is written once the
     * database is back.
     */
    @Test
    void whatOverflowsTheQueueIsCountedAndLoggedAndTheOutageLoggedOnce() throws Exception {
        DataSource db = start(true, 1);
        AccTables.run(db, "ALTER TABLE acc RENAME TO acc_away");
        try (LogCapture log = new LogCapture(org.olelo.container.internal.acc.AccWriter.class.getName(),
                ch.qos.logback.classic.Level.INFO); SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
            callerHangsUp(caller, callee, answered(server, caller, callee, "t1"));
            callerHangsUp(caller, callee, answered(server, caller, callee, "t2"));
            Thread.sleep(2500); // a few retries
            var writer = server.server().calls().accounting().writer();
            long dropped = writer.dropped();
            assertTrue(dropped >= 1, "the queue overflowed: " + dropped);
            AccTables.run(db, "ALTER TABLE acc_away RENAME TO acc");
            long end = System.currentTimeMillis() + 5000;
            while (writer.written() < 6 - dropped && System.currentTimeMillis() < end) {
                Thread.sleep(50);
            }
            assertEquals(6 - dropped, writer.written());
            assertEquals(6 - dropped, AccTables.rows(db, "SELECT id FROM acc").size()
                    + AccTables.rows(db, "SELECT id FROM acc_cdrs").size());
            List<String> lines = log.messages();
            assertEquals(1, lines.stream().filter(l -> l.startsWith("accounting database unavailable")).count(),
                    lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("accounting queue full (1 records): ")
                    && l.endsWith(" records dropped since the last report, " + dropped + " in all")), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("accounting database answers again")), lines.toString());
        }
    }

    @Test
    void nothingIsWrittenWhenAccountingIsOff() throws Exception {
        DataSource db = start(false);
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
            callerHangsUp(caller, callee, answered(server, caller, callee, "t1"));
            Thread.sleep(700);
            assertTrue(AccTables.rows(db, "SELECT * FROM acc").isEmpty());
            assertTrue(AccTables.rows(db, "SELECT * FROM acc_cdrs").isEmpty());
            assertEquals(null, server.server().calls().accounting());
        }
    }
}
