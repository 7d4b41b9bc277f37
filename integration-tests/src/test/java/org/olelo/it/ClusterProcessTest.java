package org.olelo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipText;
import org.olelo.core.testkit.UdpPeer;

/**
 * Two {@code olelo.jar} nodes in one cluster, on 127.0.0.1 and 127.0.0.2: bob registers through
 * node 1, a call entered at node 2 reaches him; node 1 is killed with SIGKILL, node 2 drops it from
 * the view within the failure detection time, and a call entered at node 2 still reaches bob. The
 * nodes share {@code cluster.route.key}: carol, challenged and registered by node 1, refreshes her
 * registration at node 2 after node 1's death with node 1's nonce and is not challenged again.
 */
class ClusterProcessTest {

    private static final String H1 = "127.0.0.1";
    private static final String H2 = "127.0.0.2";
    private static final Duration LIMIT = Duration.ofSeconds(40);
    /** A killed process: its socket closes at once, then 500 ms of verification and the new view. */
    private static final long KILLED_LEAVES_WITHIN_MILLIS = 4_500;
    private static final Pattern SIZE = Pattern.compile("\"size\":(\\d+)");
    private static final String KEY = "Zm9yIHRoZSBjbHVzdGVyIHRlc3Qgb25seSwgMzIgYnk=";

    @RegisterExtension
    final OleloExtension processes = OleloExtension.onDemand();
    @RegisterExtension
    final SippRunner sipp = new SippRunner();

    @Test
    void aRegistrationTakenByOneNodeIsReachedThroughTheOtherAlsoAfterTheFirstDies() throws Exception {
        OleloProcess one = processes.create();
        OleloProcess two = processes.create();
        int[] c = startTwoNodes(one, two);
        int c2 = c[1];
        assertTrue(one.log().contains("bindings shared with the cluster"), one.log());
        // JGroups over TCP on cluster.bind
        assertTrue(rpc(two, "cluster.status").contains("\"address\":\"" + H2 + ":" + c2 + "\""),
                () -> rpc(two, "cluster.status"));

        int uasPort = registerBobAt(one);
        assertTrue(rpc(two, "cluster.status").contains("app.registrar.location"), () -> rpc(two, "cluster.status"));
        callBobThrough(two, uasPort, "1");

        try (UdpPeer carol = new UdpPeer(new InetSocketAddress(H1, one.port()))) {
            String challenged = carol.finalResponseTo(carolRegister(carol, 1));
            assertEquals(401, SipText.status(challenged), challenged);
            String challenge = SipText.header(challenged, "WWW-Authenticate");
            String ok = carol.finalResponseTo(carolRegister(carol, 2).header("Authorization",
                    DigestAnswer.of(challenge, "carol", "c4rol", "REGISTER", "sip:" + H1, 1)));
            assertEquals(200, SipText.status(ok), ok);

            one.kill9();
            long killed = System.nanoTime();
            long tookMillis = awaitMembers(two, 1, 20_000);
            System.out.printf("cluster: node 1 killed, removed from node 2's view after %d ms%n", tookMillis);
            assertTrue(tookMillis <= KILLED_LEAVES_WITHIN_MILLIS, "left the view after " + tookMillis + " ms");
            assertTrue((System.nanoTime() - killed) / 1_000_000 < 20_000);
            callBobThrough(two, uasPort, "2");

            // the phone fails over to node 2 and keeps the nonce node 1 gave it
            carol.sendTo(carolRegister(carol, 3).header("Authorization",
                    DigestAnswer.of(challenge, "carol", "c4rol", "REGISTER", "sip:" + H1, 2)), new InetSocketAddress(H2, two.port()));
            String refreshed = carol.finalResponse(10_000);
            assertNotNull(refreshed, () -> logOf(two));
            assertEquals(200, SipText.status(refreshed), () -> refreshed + "\n" + logOf(two));
        }
        String metrics = get(two, "/metrics");
        assertTrue(metrics.contains("olelo_cluster_members 1"), metrics);
    }

    @Test
    void aNodeStoppedWithSigtermLeavesTheViewAndItsRegistrationsStay() throws Exception {
        OleloProcess one = processes.create();
        OleloProcess two = processes.create();
        int c1 = startTwoNodes(one, two)[0];
        int uasPort = registerBobAt(one);

        one.sigterm();
        assertEquals(143, one.awaitExit(Duration.ofSeconds(30)), () -> logOf(one));
        assertTrue(logOf(one).contains("leaves the view"), () -> logOf(one));
        // a graceful leave: the view changes at once, no failure detection involved
        awaitMembers(two, 1, 2_000);
        assertTrue(two.log().contains("left [" + H1 + ":" + c1 + "]"), two.log());
        callBobThrough(two, uasPort, "1");
    }

    /** Starts node 1 on 127.0.0.1 (with subscriber bob) and node 2 on 127.0.0.2; returns their cluster ports. */
    private static int[] startTwoNodes(OleloProcess one, OleloProcess two) throws Exception {
        int c1 = FreePorts.pair();
        int c2 = FreePorts.pair();
        String members = H1 + ":" + c1 + "," + H2 + ":" + c2;
        two.host(H2);
        assertEquals(0, one.subscriber("add", "bob@127.0.0.1", "--password", "s3cret"));
        for (OleloProcess n : new OleloProcess[] {one, two}) { // each node has its own subscriber table
            assertEquals(0, n.subscriber("add", "carol@127.0.0.1", "--password", "c4rol"));
        }
        one.start("cluster.name=it", "cluster.bind=" + H1 + ":" + c1, "cluster.members=" + members, "cluster.route.key=" + KEY);
        two.start("cluster.name=it", "cluster.bind=" + H2 + ":" + c2, "cluster.members=" + members, "cluster.route.key=" + KEY);
        awaitMembers(two, 2, 20_000);
        return new int[] {c1, c2};
    }

    /** Registers bob through a node with his Contact on a free port of 127.0.0.1; returns that port. */
    private int registerBobAt(OleloProcess node) throws Exception {
        int uasPort = FreePorts.udp();
        SippResult reg = sipp.start("reg", "register.xml", "-s", "bob", "-au", "bob", "-ap", "s3cret", "-key", "expires",
                "3600", "-i", H1, "-p", Integer.toString(uasPort), "-m", "1", H1 + ":" + node.port()).await(LIMIT);
        assertTrue(reg.allSuccessful(1), reg::describe);
        return uasPort;
    }

    private void callBobThrough(OleloProcess node, int uasPort, String run) throws Exception {
        SippRunner.Run uas = sipp.start("uas" + run, "uas.xml", "-i", H1, "-p", Integer.toString(uasPort), "-m", "1");
        uas.awaitListening("u1", uasPort);
        // bob's domain is 127.0.0.1 (node 1's address), whichever node the call enters
        SippResult caller = sipp.start("uac" + run, "uac-domain.xml", "-s", "bob", "-key", "domain", H1, "-i", H1, "-p",
                Integer.toString(FreePorts.udp()), node.host() + ":" + node.port(), "-m", "1").await(LIMIT);
        SippResult callee = caller.allSuccessful(1) ? uas.await(LIMIT) : uas.stop();
        assertTrue(caller.allSuccessful(1) && callee.allSuccessful(1), () -> caller.describe() + "\n" + callee.describe()
                + "\n" + logOf(node));
    }

    /** Carol's REGISTER (Request-URI and domain 127.0.0.1), one Call-ID for all. */
    private static SipBuilder carolRegister(UdpPeer carol, int cseq) {
        return SipBuilder.request("REGISTER", "sip:" + H1).via(carol).from("<sip:carol@" + H1 + ">")
                .to("<sip:carol@" + H1 + ">").callId("cluster-reg-carol").cseq(cseq).contact("carol", carol)
                .header("Expires", "600");
    }

    /** Polls {@code cluster.status} until the view has {@code size} members; returns how long it took. */
    private static long awaitMembers(OleloProcess node, int size, long limitMillis) throws Exception {
        long t0 = System.nanoTime();
        String last = "";
        while ((System.nanoTime() - t0) / 1_000_000 < limitMillis) {
            last = rpc(node, "cluster.status");
            Matcher m = SIZE.matcher(last);
            if (m.find() && Integer.parseInt(m.group(1)) == size) {
                return (System.nanoTime() - t0) / 1_000_000;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the view did not reach " + size + " members: " + last + "\n" + node.log());
    }

    private static String rpc(OleloProcess node, String method) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node.httpBase() + "/rpc"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"id\":1}"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static String get(OleloProcess node, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node.httpBase() + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String logOf(OleloProcess node) {
        try {
            return node.log();
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
