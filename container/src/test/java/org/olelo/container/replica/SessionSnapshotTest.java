package org.olelo.container.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.olelo.core.testkit.SipText.contactUri;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.status;

import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.internal.replica.DialogKey;
import org.olelo.container.internal.replica.Replicator;
import org.olelo.container.internal.replica.SessionSnapshot;
import org.olelo.container.internal.ua.DialogFacts;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;
import org.olelo.core.testkit.SipText;

/**
 * The copies of the sessions of a distributable application over real SIP in memory: after the
 * INVITE is answered the copy holds the attributes, the SIP session with the dialog state of a
 * confirmed UAS dialog and the pending timer, written by this node; the BYE that ends the call
 * removes it; an application that is not distributable writes nothing.
 */
class SessionSnapshotTest {

    @TempDir
    Path tmp;
    TestServer server;
    final RecordingReplication store = new RecordingReplication();

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start(boolean distributable) throws Exception {
        server = TestServer.builder().app("calls", ReplicaApps.calls(distributable)).routeAllTo("calls").start(tmp);
        server.server().runtime().sessions().replicateWith(new Replicator(store, "node-a"));
    }

    static Object read(byte[] b) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(b))) {
            return in.readObject();
        }
    }

    /** A call: INVITE answered, ACK; returns {Call-ID, From tag, To tag, Contact of the 200}. */
    static String[] call(TestServer server, SipPeer a, String from, String timer) throws Exception {
        String ruri = server.uri("svc");
        String callId = "rep-" + SipBuilder.next();
        SipBuilder invite = SipBuilder.request("INVITE", ruri).via(a).fromValue(from).to("<" + ruri + ">")
                .callId(callId).cseq(1).contact("peer", a);
        String ok = a.finalResponseTo(timer == null ? invite : invite.header("X-Timer", timer));
        assertEquals(200, status(ok));
        String toTag = SipText.tag(header(ok, "To"));
        String contact = contactUri(ok);
        a.send(SipBuilder.request("ACK", contact).via(a).fromValue(from).to("<" + ruri + ">;tag=" + toTag)
                .callId(callId).cseq(1).contact("peer", a));
        return new String[] {callId, SipText.tag(from), toTag, contact};
    }

    private static void await(java.util.function.BooleanSupplier c, String what) throws InterruptedException {
        for (int i = 0; i < 100 && !c.getAsBoolean(); i++) {
            Thread.sleep(30);
        }
        assertTrue(c.getAsBoolean(), what);
    }

    @Test
    void answeredCallIsCopiedWithItsDialogAndTimerAndRemovedAfterBye() throws Exception {
        start(true);
        try (SipPeer a = server.caller()) {
            String from = "<sip:alice@127.0.0.1>;tag=a" + SipBuilder.next();
            String[] c = call(server, a, from, null);
            long now = System.currentTimeMillis();
            await(() -> store.fetchByDialog(c[0], c[1], c[2]) != null, "a copy indexed by the dialog");
            SessionSnapshot s = store.fetchByDialog(c[0], c[2], c[1]);
            assertEquals(s, store.fetchByDialog(c[0], c[1], c[2]), "found from either side's tags");
            assertEquals("calls", s.app());
            assertEquals("node-a", s.writer());
            assertEquals("sip:alice@127.0.0.1", read(s.attributes().get("caller")));
            assertEquals(1, s.sessions().size());
            SessionSnapshot.SipSessionSnapshot ss = s.sessions().get(0);
            assertEquals("UAS", ss.role());
            assertEquals("CONFIRMED", ss.state());
            assertEquals(1, read(ss.attributes().get("count")));
            DialogFacts d = ss.dialog();
            assertNotNull(d, "the dialog state of the UAS");
            assertEquals(c[0], d.callId());
            assertEquals(c[2], d.localTag());
            assertEquals(c[1], d.remoteTag());
            assertEquals(1, d.remoteCSeq());
            assertTrue(d.remoteTarget().contains("peer@"), d.remoteTarget());
            assertTrue(d.remoteAddress().contains("alice@127.0.0.1"), d.remoteAddress());
            assertEquals(List.of(), d.routeSet());
            assertEquals(List.of(DialogKey.of(c[0], c[1], c[2])), s.dialogKeys());
            assertEquals(1, s.timers().size());
            SessionSnapshot.TimerSnapshot t = s.timers().get(0);
            assertEquals("tick", read(t.info()));
            assertEquals(0, t.period());
            assertTrue(Math.abs(t.nextFire() - (now + 60_000)) < 5_000, "fires in about 60 s: " + (t.nextFire() - now));

            String bye = a.finalResponseTo(SipBuilder.request("BYE", c[3]).via(a).fromValue(from)
                    .to("<" + server.uri("svc") + ">;tag=" + c[2]).callId(c[0]).cseq(2).contact("peer", a));
            assertEquals(200, status(bye));
            await(() -> store.removed.contains(s.id()), "the copy removed with the session");
            assertEquals(null, store.fetchByDialog(c[0], c[1], c[2]));
        }
    }

    @Test
    void applicationThatIsNotDistributableIsNotCopied() throws Exception {
        start(false);
        try (SipPeer a = server.caller()) {
            String[] c = call(server, a, "<sip:bob@127.0.0.1>;tag=b" + SipBuilder.next(), null);
            Thread.sleep(200);
            assertEquals(0, store.writes.get(), "no copy of call " + c[0]);
        }
    }
}
