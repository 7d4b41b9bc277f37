package org.olelo.container.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.status;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.internal.replica.Replicator;
import org.olelo.container.internal.replica.SessionSnapshot;
import org.olelo.container.internal.session.SipApplicationSessionImpl;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;

/**
 * Take-over in memory: a call answered by a distributable application on one server, whose copy
 * went to a store both servers share; a second, fresh server that never saw the call receives
 * requests in its dialog: it restores the application session from the copy (attributes read back
 * with the application's class loader, the UAS dialog, the pending timer) and its servlet answers
 * them, then the BYE ends the call and removes the copy. Without a copy the second server answers
 * 481 as before.
 */
class TakeoverTest {

    @TempDir
    Path tmp;
    TestServer first;
    TestServer second;
    final RecordingReplication store = new RecordingReplication();

    @AfterEach
    void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    private TestServer server(String name, String node, boolean distributable) throws Exception {
        TestServer s = TestServer.builder().app("calls", ReplicaApps.calls(distributable)).routeAllTo("calls")
                .start(Files.createDirectories(tmp.resolve(name)));
        s.server().runtime().sessions().replicateWith(new Replicator(store, node));
        return s;
    }

    @Test
    void secondServerTakesTheDialogOverAndItsServletAnswers() throws Exception {
        first = server("one", "node-a", true);
        second = server("two", "node-b", true);
        String from = "<sip:carol@127.0.0.1>;tag=c" + SipBuilder.next();
        String[] c;
        try (SipPeer a = first.caller()) {
            c = SessionSnapshotTest.call(first, a, from, null);
        }
        for (int i = 0; i < 100 && store.fetchByDialog(c[0], c[1], c[2]) == null; i++) {
            Thread.sleep(30);
        }
        SessionSnapshot before = store.fetchByDialog(c[0], c[1], c[2]);
        assertEquals("node-a", before.writer());
        String to = "<" + first.uri("svc") + ">;tag=" + c[2];
        try (SipPeer b = second.caller()) {
            String msg = b.finalResponseTo(SipBuilder.request("MESSAGE", c[3]).via(b).fromValue(from).to(to)
                    .callId(c[0]).cseq(2).contact("peer", b));
            assertEquals(200, status(msg), msg);
            assertEquals("1", header(msg, "X-Count"), "the SIP session's attribute on the second server");
            SipApplicationSessionImpl as = second.server().runtime().sessions().applicationSession(before.id());
            assertTrue(as != null && as.isValid(), "the application session restored under its id");
            assertEquals(before.timers().get(0).id(), as.getTimers().iterator().next().getId(), "the timer restored");
            assertTrue(Math.abs(as.getTimers().iterator().next().getTimeRemaining()
                    - (before.timers().get(0).nextFire() - System.currentTimeMillis())) < 1000);
            for (int i = 0; i < 100 && !"node-b".equals(store.copies.get(before.id()).writer()); i++) {
                Thread.sleep(30); // the copy is written after the servlet returned
            }
            assertEquals("node-b", store.copies.get(before.id()).writer(), "the survivor writes the copy from now on");

            String bye = b.finalResponseTo(SipBuilder.request("BYE", c[3]).via(b).fromValue(from).to(to)
                    .callId(c[0]).cseq(3).contact("peer", b));
            assertEquals(200, status(bye), bye);
            assertEquals("sip:carol@127.0.0.1", header(bye, "X-Caller"));
            assertEquals("1", header(bye, "X-Count"));
            for (int i = 0; i < 100 && !store.removed.contains(before.id()); i++) {
                Thread.sleep(30);
            }
            assertTrue(store.removed.contains(before.id()), "the copy removed when the call ended");
        }
    }

    @Test
    void theSessionOfANodeThatIsStillAMemberIsNotTakenOver() throws Exception {
        first = server("one", "node-a", true);
        second = server("two", "node-b", true);
        store.live.add("node-a");
        String from = "<sip:frank@127.0.0.1>;tag=f" + SipBuilder.next();
        String[] c;
        try (SipPeer a = first.caller()) {
            c = SessionSnapshotTest.call(first, a, from, null);
        }
        for (int i = 0; i < 100 && store.fetchByDialog(c[0], c[1], c[2]) == null; i++) {
            Thread.sleep(30);
        }
        try (SipPeer b = second.caller()) {
            String r = b.finalResponseTo(SipBuilder.request("BYE", c[3]).via(b).fromValue(from)
                    .to("<" + first.uri("svc") + ">;tag=" + c[2]).callId(c[0]).cseq(2).contact("peer", b));
            assertEquals(481, status(r), "the first node still holds the call");
            assertEquals(0, second.server().runtime().sessions().ofApplication("calls").size());
        }
    }

    @Test
    void withoutACopyTheRequestGetsNoDialog() throws Exception {
        second = server("two", "node-b", true);
        try (SipPeer b = second.caller()) {
            String r = b.finalResponseTo(SipBuilder.request("BYE", second.uri("svc")).via(b)
                    .fromValue("<sip:dave@127.0.0.1>;tag=d1").to("<" + second.uri("svc") + ">;tag=nope")
                    .callId("none-" + SipBuilder.next()).cseq(2).contact("peer", b));
            assertEquals(481, status(r));
            assertNull(header(r, "X-Caller"));
        }
    }
}
