package org.olelo.container.replica;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.olelo.cluster.ClusterService;
import org.olelo.cluster.ClusterSettings;
import org.olelo.container.internal.cluster.ClusterSessionStore;
import org.olelo.container.internal.replica.SessionSnapshot;
import org.olelo.container.internal.ua.DialogFacts;

/**
 * The cluster's store of session copies between two members in one JVM over loopback TCP: a copy
 * written on one member is found on the other by its dialog (Call-ID and tags, either order) and by
 * id, byte for byte; a copy written again with a second dialog is found by both; a removed copy and
 * its dialogs are gone everywhere; each copy has two owners. The take-over claim of a dead
 * writer's copy goes to the first member that asks, is kept by it, and passes to another member
 * once its holder left the view.
 */
class ClusterSessionStoreTest {

    private final List<ClusterService> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(ClusterService::close);
    }

    static int portPair(String host) throws IOException {
        for (int i = 0; i < 50; i++) {
            try (ServerSocket a = new ServerSocket(0, 1, InetAddress.getByName(host))) {
                int p = a.getLocalPort();
                if (p < 65534) {
                    try (ServerSocket b = new ServerSocket(p + 1, 1, InetAddress.getByName(host))) {
                        return p;
                    } catch (IOException taken) {
                        // try another
                    }
                }
            }
        }
        throw new IOException("no two consecutive free ports on " + host);
    }

    private ClusterService node(String host, int port, InetSocketAddress... members) {
        ClusterService s = ClusterService.start(new ClusterSettings("sessions-" + ProcessHandle.current().pid(),
                InetSocketAddress.createUnresolved(host, port), List.of(members), 1500));
        started.add(s);
        return s;
    }

    static DialogFacts dialog(String callId, String local, String remote) {
        return new DialogFacts("UAS", callId, local, remote, "<sip:svc@127.0.0.1>", "<sip:alice@127.0.0.1>",
                "sip:peer@127.0.0.9:5999", List.of("<sip:127.0.0.1;lr>"), 3, 2, false, "udp", true);
    }

    @Test
    void copyWrittenOnOneMemberIsFoundOnTheOtherByDialogUntilRemoved() throws Exception {
        int p1 = portPair("127.0.0.1");
        int p2 = portPair("127.0.0.2");
        InetSocketAddress a1 = InetSocketAddress.createUnresolved("127.0.0.1", p1);
        InetSocketAddress a2 = InetSocketAddress.createUnresolved("127.0.0.2", p2);
        ClusterService one = node("127.0.0.1", p1, a1, a2);
        ClusterService two = node("127.0.0.2", p2, a1, a2);
        for (int i = 0; i < 200 && (one.members().size() < 2 || two.members().size() < 2); i++) {
            Thread.sleep(50);
        }
        assertEquals(2, two.members().size());
        ClusterSessionStore s1 = new ClusterSessionStore(one);
        ClusterSessionStore s2 = new ClusterSessionStore(two);
        assertEquals(2, one.cacheManager().getCacheConfiguration(ClusterSessionStore.SESSIONS).clustering().hash()
                .numOwners());

        SessionSnapshot.SipSessionSnapshot leg = new SessionSnapshot.SipSessionSnapshot("s1", "c1", "main",
                "CONFIRMED", "UAS", Map.of("count", new byte[] {1, 2}), dialog("c1", "to1", "from1"));
        SessionSnapshot copy = new SessionSnapshot("calls.x1", "calls", one.localMember(), 0, true,
                Map.of("caller", new byte[] {7, 8, 9}), List.of(leg),
                List.of(new SessionSnapshot.TimerSnapshot("t1", new byte[] {5}, 1234, 0, false, true)));
        s1.stored(copy);

        SessionSnapshot found = s2.fetchByDialog("c1", "from1", "to1");
        assertEquals("calls.x1", found.id());
        assertEquals(one.localMember(), found.writer());
        assertArrayEquals(new byte[] {7, 8, 9}, found.attributes().get("caller"));
        assertEquals(leg.dialog(), found.sessions().get(0).dialog());
        assertArrayEquals(new byte[] {1, 2}, found.sessions().get(0).attributes().get("count"));
        assertEquals(1234, found.timers().get(0).nextFire());
        assertTrue(found.timers().get(0).persistent());
        assertEquals("calls.x1", s2.fetch("calls.x1").id());
        assertNull(s2.fetchByDialog("c1", "from1", "other"), "another dialog of the Call-ID");

        SessionSnapshot.SipSessionSnapshot leg2 = new SessionSnapshot.SipSessionSnapshot("s2", "c2", "main",
                "CONFIRMED", "UAC", Map.of(), dialog("c2", "from2", "to2"));
        s1.stored(new SessionSnapshot("calls.x1", "calls", one.localMember(), 0, true, Map.of(), List.of(leg, leg2),
                List.of()));
        assertEquals("calls.x1", s2.fetchByDialog("c2", "to2", "from2").id());
        assertEquals("calls.x1", s2.fetchByDialog("c1", "to1", "from1").id());

        assertTrue(s2.alive(one.localMember()), "the writer is a member");
        assertTrue(!s2.alive("127.0.0.9:1"), "a node that is not");
        s1.removed("calls.x1");
        assertNull(s2.fetchByDialog("c1", "from1", "to1"));
        assertNull(s2.fetchByDialog("c2", "to2", "from2"));
        assertNull(s2.fetch("calls.x1"));
    }

    @Test
    void claimOfADeadWritersCopyIsWonOnceAndPassesOnWhenItsHolderLeaves() throws Exception {
        int p1 = portPair("127.0.0.1");
        int p2 = portPair("127.0.0.2");
        InetSocketAddress a1 = InetSocketAddress.createUnresolved("127.0.0.1", p1);
        InetSocketAddress a2 = InetSocketAddress.createUnresolved("127.0.0.2", p2);
        ClusterService one = node("127.0.0.1", p1, a1, a2);
        ClusterService two = node("127.0.0.2", p2, a1, a2);
        for (int i = 0; i < 200 && (one.members().size() < 2 || two.members().size() < 2); i++) {
            Thread.sleep(50);
        }
        assertEquals(2, two.members().size());
        ClusterSessionStore s1 = new ClusterSessionStore(one);
        ClusterSessionStore s2 = new ClusterSessionStore(two);
        SessionSnapshot orphan = new SessionSnapshot("calls.y1", "calls", "127.0.0.9:1", 0, true, Map.of(),
                List.of(), List.of());

        assertTrue(s1.claim(orphan, one.localMember()), "the first to ask wins");
        assertTrue(s1.claim(orphan, one.localMember()), "and keeps it when it asks again");
        assertTrue(!s2.claim(orphan, two.localMember()), "a live holder keeps its claim");

        one.close();
        for (int i = 0; i < 200 && two.members().size() > 1; i++) {
            Thread.sleep(50);
        }
        assertEquals(1, two.members().size());
        assertTrue(s2.claim(orphan, two.localMember()), "the claim of a holder that left passes on");
    }
}
