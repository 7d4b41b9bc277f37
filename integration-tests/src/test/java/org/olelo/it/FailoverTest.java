package org.olelo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.olelo.core.testkit.SipText.contactUri;
import static org.olelo.core.testkit.SipText.entries;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.headers;
import static org.olelo.core.testkit.SipText.method;
import static org.olelo.core.testkit.SipText.status;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.UdpPeer;

/**
 * Three {@code olelo.jar} nodes with the default deployment (registrar and proxy) on 127.0.0.1,
 * 127.0.0.2 and 127.0.0.3, sharing {@code cluster.route.key}, behind a fourth process running the
 * dispatcher in front mode (probing every second). Two phones know only the front: bob registers
 * (the front sends the REGISTER to every node, which reach bob through the front), alice calls him:
 * alice, front, node, front, bob. The node that handled the INVITE
 * is killed with SIGKILL while the call is up: alice's BYE still reaches bob, through a surviving
 * node, and a new call to bob works; then the node of another call is killed and bob hangs up: his
 * BYE reaches alice through the last node. The time from the kill to the BYE's 200 is printed.
 *
 * <p>The nodes authenticate REGISTER with digest, each against its own subscriber table: bob answers
 * the one challenge the front relays, and the front forks that answer to every node, which all
 * accept the nonce one of them issued because they derive their nonces from the shared route key.
 * After each kill bob refreshes his registration with the same nonce (the next count) and is
 * answered 200 at once, without a new challenge, whichever node issued it.
 */
@Timeout(240)
class FailoverTest {

    private static final String KEY = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";
    private static final String DOMAIN = "example.com";
    private static final String ROUTING = "ALL: (\"dispatcher\", \"DAR:From\", \"NEUTRAL\", \"\", \"NO_ROUTE\", \"0\")\n";
    private static final long WAIT = 5000;
    /** Probing every second, threshold 1: a dead node is inactive after at most 2 s; 2 s more for a loaded machine. */
    private static final Duration DETECTION = Duration.ofSeconds(4);
    private static final Pattern VIA = Pattern.compile("SIP/2\\.0/UDP ([0-9.]+):(\\d+)");
    private static final String PASSWORD = "b0bFa1l";
    /** A node's call log line for a REGISTER of bob it accepted. */
    private static final Pattern REGISTERED = Pattern.compile("method=REGISTER from=bob@" + DOMAIN + " .* status=200 ");

    @RegisterExtension
    final OleloExtension processes = OleloExtension.onDemand();

    @Test
    void theByeOfACallWhoseNodeWasKilledReachesTheCalleeThroughASurvivingNode() throws Exception {
        List<OleloProcess> nodes = new ArrayList<>();
        StringBuilder list = new StringBuilder("# setid destination\n");
        for (int i = 1; i <= 3; i++) {
            OleloProcess n = processes.create();
            n.host("127.0.0." + i);
            nodes.add(n);
            list.append("1 sip:127.0.0.").append(i).append(':').append(n.port()).append('\n');
        }
        for (OleloProcess n : nodes) {
            assertEquals(0, n.subscriber("add", "bob@" + DOMAIN, "--password", PASSWORD));
            n.start("local.domains=" + DOMAIN, "cluster.route.key=" + KEY);
        }
        OleloProcess front = processes.create(ROUTING, "dispatcher");
        Path file = front.root().resolve("dispatcher.list");
        Files.writeString(file, list.toString());
        front.appProperties("dispatcher", "dispatcher.list.file=" + file + "\ndispatcher.front=true\n"
                + "dispatcher.algorithm=4\ndispatcher.probing.interval.seconds=1\n");
        front.start();
        InetSocketAddress frontAddress = new InetSocketAddress("127.0.0.1", front.port());

        try (UdpPeer alice = new UdpPeer(frontAddress); UdpPeer bob = new UdpPeer(frontAddress)) {
            String challenged = register(bob, 1, null, front);
            assertEquals(401, status(challenged), challenged);
            String challenge = header(challenged, "WWW-Authenticate");
            String registered = register(bob, 2, challenge, front);
            assertEquals(200, status(registered), registered);
            // the front answers with the first node's 200; the others accept the same nonce a moment later
            for (OleloProcess n : nodes) {
                awaitRegistered(n, 1, front);
            }

            Call call = establish(alice, bob, front);
            OleloProcess owner = nodes.stream().filter(n -> n.port() == call.node.getPort()).findFirst().orElseThrow();
            long killed = System.nanoTime();
            int logged = front.log().length();
            owner.kill9();
            awaitInactive(front, call.node, logged);
            long detected = System.nanoTime();

            InetSocketAddress relayedBy = hangUp(alice, bob, call.ok, front);
            long served = System.nanoTime();
            assertTrue(relayedBy.getPort() != call.node.getPort(), "the BYE came through a surviving node");
            System.out.printf("failover: node %s killed; the front marked it inactive after %d ms; the BYE of its"
                    + " call answered %d ms after the kill%n", call.node, (detected - killed) / 1_000_000,
                    (served - killed) / 1_000_000);
            // the refresh reuses the nonce with the next count: no second challenge from the survivors
            String refreshed = register(bob, 3, challenge, front);
            assertEquals(200, status(refreshed), refreshed);
            for (OleloProcess n : nodes) {
                if (n != owner) {
                    awaitRegistered(n, 2, front);
                }
            }

            Call again = establish(alice, bob, front); // bob's binding is on the surviving nodes too
            assertTrue(again.node.getPort() != call.node.getPort(), "a new call goes to a live node");
            hangUp(alice, bob, again.ok, front);

            // the callee hangs up a call whose node died: its BYE takes the way back through the last node
            Call third = establish(alice, bob, front);
            logged = front.log().length();
            nodes.stream().filter(n -> n.port() == third.node.getPort()).findFirst().orElseThrow().kill9();
            awaitInactive(front, third.node, logged);
            String last = register(bob, 4, challenge, front); // the last node: two of three are dead
            assertEquals(200, status(last), last);
            bob.send(SipBuilder.request("BYE", contactUri(third.invite)).via(bob).fromValue(header(third.ok, "To"))
                    .to(header(third.ok, "From")).callId(header(third.ok, "Call-ID")).cseq(1)
                    .route(entries(third.ok, "Record-Route").toArray(String[]::new)));
            String bye = alice.receiveUntil(WAIT, m -> "BYE".equals(method(m)));
            assertNotNull(bye, () -> "bob's BYE reached alice\n" + tail(front));
            assertTrue(node(bye, front).getPort() != third.node.getPort(), "through a surviving node");
            alice.send(SipBuilder.response(bye, 200, "OK"));
            String done = bob.finalResponse(WAIT);
            assertNotNull(done, "the 200 reached bob");
            assertEquals(200, status(done), done);
        }
    }

    /**
     * Bob's REGISTER through the front, one Call-ID for all; with {@code challenge}, answered with the
     * nonce count {@code cseq - 1}, so that the first answer to a challenge is count 1.
     */
    private static String register(UdpPeer bob, int cseq, String challenge, OleloProcess front) throws Exception {
        SipBuilder r = SipBuilder.request("REGISTER", "sip:" + DOMAIN).via(bob).from("<sip:bob@" + DOMAIN + ">")
                .to("<sip:bob@" + DOMAIN + ">").callId("failover-reg-bob").cseq(cseq).contact("bob", bob)
                .header("Expires", "600");
        if (challenge != null) {
            r.header("Authorization", DigestAnswer.of(challenge, "bob", PASSWORD, "REGISTER", "sip:" + DOMAIN, cseq - 1));
        }
        bob.send(r);
        String answer = bob.finalResponse(WAIT);
        assertNotNull(answer, () -> "no answer to REGISTER " + cseq + "\n" + tail(front));
        return answer;
    }

    /** Waits until the node's call log shows {@code count} REGISTERs of bob answered 200, at most 10 s. */
    private static void awaitRegistered(OleloProcess n, int count, OleloProcess front) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (REGISTERED.matcher(n.log()).results().count() < count) {
            assertTrue(System.nanoTime() < until, () -> "node " + n.host() + " did not accept bob's REGISTER\n"
                    + tail(n) + "\nfront:\n" + tail(front));
            Thread.sleep(20);
        }
    }

    /**
     * Waits for the front's log line saying it stopped sending to the node, at most {@link #DETECTION};
     * only the log after {@code from} counts (a node slow to answer the first probes was inactive at start).
     */
    private static void awaitInactive(OleloProcess front, InetSocketAddress node, int from) throws Exception {
        long killed = System.nanoTime();
        String dead = "destination sip:" + node.getHostString() + ":" + node.getPort() + " (set 1) did not answer";
        while (!front.log().substring(from).contains(dead)) {
            assertTrue(System.nanoTime() - killed < DETECTION.toNanos(), () -> "the front did not notice\n" + tail(front));
            Thread.sleep(20);
        }
    }

    /** An established call: the 200 as alice got it, the node bob got the INVITE from, and that INVITE. */
    private record Call(String ok, InetSocketAddress node, String invite) {
    }

    private static Call establish(UdpPeer alice, UdpPeer bob, OleloProcess front) throws Exception {
        alice.send(SipBuilder.request("INVITE", "sip:bob@" + DOMAIN).via(alice).from("<sip:alice@" + DOMAIN + ">")
                .contact("alice", alice));
        String invite = bob.receiveUntil(WAIT, m -> "INVITE".equals(method(m)));
        assertNotNull(invite, () -> "the INVITE reached bob\n" + tail(front));
        InetSocketAddress node = node(invite, front);
        bob.send(SipBuilder.response(invite, 200, "OK").toTag("bob" + SipBuilder.next()).contact("bob", bob));
        String ok = alice.finalResponse(WAIT);
        assertNotNull(ok, () -> "the 200 reached alice\n" + tail(front));
        assertEquals(200, status(ok), ok);
        alice.send(SipBuilder.inDialog("ACK", ok).via(alice).cseq(1));
        assertNotNull(bob.receiveUntil(WAIT, m -> "ACK".equals(method(m))), "the ACK reached bob");
        return new Call(ok, node, invite);
    }

    /** Alice's BYE through the front; bob answers it; returns the node it came through. */
    private static InetSocketAddress hangUp(UdpPeer alice, UdpPeer bob, String ok, OleloProcess front) throws Exception {
        alice.send(SipBuilder.inDialog("BYE", ok).via(alice).cseq(2));
        String bye = bob.receiveUntil(WAIT, m -> "BYE".equals(method(m)));
        assertNotNull(bye, "the BYE reached bob");
        InetSocketAddress node = node(bye, front);
        bob.send(SipBuilder.response(bye, 200, "OK"));
        String done = alice.finalResponse(WAIT);
        assertNotNull(done, "the BYE's 200 reached alice");
        assertEquals(200, status(done), done);
        return node;
    }

    /** The node a request bob got passed: the first Via that is not the front's. */
    private static InetSocketAddress node(String msg, OleloProcess front) {
        for (String via : headers(msg, "Via")) {
            Matcher m = VIA.matcher(via);
            while (m.find()) {
                if (Integer.parseInt(m.group(2)) != front.port()) {
                    return new InetSocketAddress(m.group(1), Integer.parseInt(m.group(2)));
                }
            }
        }
        throw new AssertionError("no node's Via in " + msg);
    }

    private static String tail(OleloProcess p) {
        try {
            String log = p.log();
            return log.substring(Math.max(0, log.length() - 4000));
        } catch (Exception e) {
            return e.toString();
        }
    }
}
