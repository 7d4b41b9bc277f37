package org.olelo.container.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.olelo.core.testkit.SipText.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.internal.session.SipApplicationSessionImpl;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;

/**
 * Three servers in one cluster (Infinispan over loopback TCP, SIP in memory): a distributable
 * application answers a call on the first and starts a 3 s timer; the first leaves the cluster;
 * at once a MESSAGE of the dialog reaches each of the two others (so at least one of them is not
 * the primary owner of the copy) while the primary owner also takes the orphaned session over.
 * Exactly one survivor restores the session: one MESSAGE is answered by the application, the other
 * is refused with 481 as a dialog of a live node, and the timer fires on one node only.
 */
class ThreeNodeTakeoverTest {

    @TempDir
    Path tmp;
    final List<TestServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        for (int i = servers.size() - 1; i >= 0; i--) {
            servers.get(i).close();
        }
    }

    private TestServer server(String name, String bind, String members) throws Exception {
        TestServer s = TestServer.builder().app("calls", ReplicaApps.calls(true)).routeAllTo("calls")
                .extension("cluster.name", "three-" + ProcessHandle.current().pid())
                .extension("cluster.bind", bind).extension("cluster.members", members)
                .extension("cluster.failure.timeout.millis", "1500")
                .start(Files.createDirectories(tmp.resolve(name)));
        servers.add(s);
        return s;
    }

    private static int members(TestServer s) {
        return s.server().cluster().service().members().size();
    }

    private static boolean fired(TestServer s) {
        return s.server().runtime().sessions().ofApplication("calls").stream()
                .anyMatch(as -> "tick".equals(as.getAttribute("fired")));
    }

    @Test
    void oneSurvivorTakesTheSessionOverAndItsTimerFiresOnce() throws Exception {
        String b1 = "127.0.0.1:" + ClusterSessionStoreTest.portPair("127.0.0.1");
        String b2 = "127.0.0.2:" + ClusterSessionStoreTest.portPair("127.0.0.2");
        String b3 = "127.0.0.3:" + ClusterSessionStoreTest.portPair("127.0.0.3");
        String all = b1 + "," + b2 + "," + b3;
        TestServer first = server("one", b1, all);
        TestServer second = server("two", b2, all);
        TestServer third = server("three", b3, all);
        for (int i = 0; i < 300 && (members(first) < 3 || members(second) < 3 || members(third) < 3); i++) {
            Thread.sleep(50);
        }
        assertEquals(3, members(third));

        String from = "<sip:erin@127.0.0.1>;tag=e" + SipBuilder.next();
        String[] c;
        try (SipPeer a = first.caller()) {
            c = SessionSnapshotTest.call(first, a, from, "3000");
        }
        Thread.sleep(300); // the copy is written after the servlet returned
        // the same request of the dialog on both survivors as soon as they see the first gone (before
        // the primary owner's own take-over after the view change), as a front that lost it might send
        List<String> answers = new ArrayList<>();
        try (SipPeer p2 = second.caller(); SipPeer p3 = third.caller()) {
            first.server().cluster().close();
            for (int i = 0; i < 2000 && (members(second) > 2 || members(third) > 2); i++) {
                Thread.sleep(1);
            }
            p2.send(message(second, p2, from, c));
            p3.send(message(third, p3, from, c));
            assertEquals(2, members(second));
            assertEquals(2, members(third));
            answers.add(p2.finalResponse(8000));
            answers.add(p3.finalResponse(8000));
        }

        for (int i = 0; i < 200 && !fired(second) && !fired(third); i++) {
            Thread.sleep(50);
        }
        assertTrue(fired(second) || fired(third), "the timer fired on a survivor");
        Thread.sleep(1500); // time for a second firing elsewhere
        List<SipApplicationSessionImpl> held = new ArrayList<>(second.server().runtime().sessions().ofApplication("calls"));
        held.addAll(third.server().runtime().sessions().ofApplication("calls"));
        assertEquals(1, (fired(second) ? 1 : 0) + (fired(third) ? 1 : 0), "the timer fired on one node only");
        assertEquals(1, held.size(), "one survivor holds the session");
        assertEquals("sip:erin@127.0.0.1", held.get(0).getAttribute("caller"));
        assertNotNull(answers.get(0), "the second node answered the MESSAGE");
        assertNotNull(answers.get(1), "the third node answered the MESSAGE");
        long ok = answers.stream().filter(r -> status(r) == 200).count();
        long gone = answers.stream().filter(r -> status(r) == 481).count();
        assertEquals(1, ok, "one survivor delivered the MESSAGE to the application: " + answers);
        assertEquals(1, gone, "the other refused it as another node's dialog: " + answers);
    }

    private static SipBuilder message(TestServer to, SipPeer p, String from, String[] c) {
        return SipBuilder.request("MESSAGE", c[3]).via(p).fromValue(from)
                .to("<" + to.uri("svc") + ">;tag=" + c[2]).callId(c[0]).cseq(2).contact("peer", p)
                .header("X-Sleep", "500");
    }
}
