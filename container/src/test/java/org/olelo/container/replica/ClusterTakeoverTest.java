package org.olelo.container.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.internal.session.SipApplicationSessionImpl;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;

/**
 * Two servers in one cluster (Infinispan over loopback TCP, SIP in memory): a distributable
 * application answers a call on the first and starts a 3 s timer; the first leaves the cluster
 * before the timer is due; the second, now the owner of the copy, takes the session over on its
 * own (no request needed), its timer fires there, and a BYE sent to the second reaches the
 * servlet, which sees the attributes.
 */
class ClusterTakeoverTest {

    @TempDir
    Path tmp;
    TestServer first;
    TestServer second;

    @AfterEach
    void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    private TestServer server(String name, String bind, String members) throws Exception {
        return TestServer.builder().app("calls", ReplicaApps.calls(true)).routeAllTo("calls")
                .extension("cluster.name", "takeover-" + ProcessHandle.current().pid())
                .extension("cluster.bind", bind).extension("cluster.members", members)
                .extension("cluster.failure.timeout.millis", "1500")
                .start(Files.createDirectories(tmp.resolve(name)));
    }

    @Test
    void survivorTakesTheSessionOverFiresItsTimerAndAnswersTheBye() throws Exception {
        String b1 = "127.0.0.1:" + ClusterSessionStoreTest.portPair("127.0.0.1");
        String b2 = "127.0.0.2:" + ClusterSessionStoreTest.portPair("127.0.0.2");
        first = server("one", b1, b1 + "," + b2);
        second = server("two", b2, b1 + "," + b2);
        for (int i = 0; i < 200 && second.server().cluster().service().members().size() < 2; i++) {
            Thread.sleep(50);
        }
        assertEquals(2, second.server().cluster().service().members().size());

        String from = "<sip:erin@127.0.0.1>;tag=e" + SipBuilder.next();
        String[] c;
        try (SipPeer a = first.caller()) {
            c = SessionSnapshotTest.call(first, a, from, "3000");
        }
        Thread.sleep(300); // the copy is written after the servlet returned
        first.server().cluster().close(); // the first node is gone from the cluster before its timer is due

        SipApplicationSessionImpl taken = null;
        for (int i = 0; i < 200; i++) {
            List<SipApplicationSessionImpl> s = second.server().runtime().sessions().ofApplication("calls");
            if (!s.isEmpty() && "tick".equals(s.get(0).getAttribute("fired"))) {
                taken = s.get(0);
                break;
            }
            Thread.sleep(50);
        }
        assertTrue(taken != null, "the second node took the session over and its timer fired there");
        assertEquals("sip:erin@127.0.0.1", taken.getAttribute("caller"));

        try (SipPeer b = second.caller()) {
            String bye = b.finalResponseTo(SipBuilder.request("BYE", c[3]).via(b).fromValue(from)
                    .to("<" + first.uri("svc") + ">;tag=" + c[2]).callId(c[0]).cseq(2).contact("peer", b));
            assertEquals(200, status(bye), bye);
            assertEquals("sip:erin@127.0.0.1", header(bye, "X-Caller"));
            assertEquals("1", header(bye, "X-Count"));
        }
    }
}
