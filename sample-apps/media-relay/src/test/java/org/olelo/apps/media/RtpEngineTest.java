package org.olelo.apps.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.olelo.apps.media.ng.NgClient;
import org.olelo.apps.media.ng.NgException;
import org.olelo.apps.media.ng.NgFlags;
import org.olelo.apps.media.ng.NgInstances;

/** The commands over real UDP sockets, against fake ng servers that answer or stay silent. */
class RtpEngineTest {

    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final AtomicLong now = new AtomicLong(1_000_000);

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private FakeNg server(String sdpBack) throws Exception {
        FakeNg ng = new FakeNg(c -> c.get("command").equals("ping") ? Map.of("result", "pong")
                : c.containsKey("sdp") ? Map.of("result", "ok", "sdp", sdpBack) : Map.of("result", "ok"));
        open.add(ng);
        return ng;
    }

    private RtpEngine engine(String instances, String flags) throws Exception {
        RtpEngine e = new RtpEngine(NgInstances.parse(instances), new NgClient(Duration.ofMillis(250), 3),
                NgFlags.parse(flags), new MediaMeters(null), 30_000, log::add, now::get);
        open.add(e);
        return e;
    }

    @Test
    void anOfferCarriesTheCallAndFlagsAndReturnsRtpenginesSdp() throws Exception {
        FakeNg ng = server("v=0 relayed");
        RtpEngine e = engine(ng.spec(1), "trust-address replace-origin");
        RtpEngine.Placed p = e.offer(null, "call-1", "tagA", null, "v=0 original");
        assertEquals("v=0 relayed", p.sdp());
        Map<String, Object> c = ng.received.get(0);
        assertEquals("offer", c.get("command"));
        assertEquals("call-1", c.get("call-id"));
        assertEquals("tagA", c.get("from-tag"));
        assertEquals("v=0 original", c.get("sdp"));
        assertEquals(List.of("trust-address"), c.get("flags"));
        assertEquals(List.of("origin"), c.get("replace"));
        assertEquals(1, p.instance().sessions());
        e.delete(p.instance(), "call-1", "tagA");
        assertEquals(0, p.instance().sessions());
        assertEquals("delete", ng.received.get(1).get("command"));
    }

    @Test
    void aSilentInstanceIsSkippedDisabledAndRetriedLater() throws Exception {
        FakeNg dead = server("v=0 dead");
        dead.silent = true;
        FakeNg alive = server("v=0 alive");
        RtpEngine e = engine(dead.spec(1_000_000) + "," + alive.spec(1), "");
        long start = System.nanoTime();
        RtpEngine.Placed p = e.offer(null, "call-2", "tagA", null, "v=0");
        assertEquals("v=0 alive", p.sdp());
        assertEquals(alive.socket.getLocalPort(), p.instance().address().getPort());
        assertEquals(3, dead.received.size(), "three tries on the first instance");
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(750).toNanos());
        assertTrue(log.getFirst().contains("did not answer"), log.toString());
        assertFalse(e.instances().all().get(0).enabled(now.get()));

        e.offer(null, "call-3", "tagA", null, "v=0");
        assertEquals(3, dead.received.size(), "a disabled instance gets no new call");

        now.addAndGet(30_000);
        dead.silent = false;
        assertEquals("v=0 dead", e.offer(null, "call-4", "tagA", null, "v=0").sdp(), "tried again after the time");
        assertTrue(log.getLast().contains("answers again"), log.toString());
        Map<String, Object> first = e.describe().getFirst();
        assertEquals("active", first.get("state"));
        assertEquals(1L, first.get("failures"), "one command not answered (three sends)");
        assertEquals(1L, first.get("offers"));
    }

    @Test
    void noInstanceAnsweringFailsTheOfferAsNotAnswered() throws Exception {
        FakeNg a = server("x");
        FakeNg b = server("y");
        a.silent = true;
        b.silent = true;
        RtpEngine e = engine(a.spec(1) + "," + b.spec(1), "");
        NgException ex = assertThrows(NgException.class, () -> e.offer(null, "c", "t", null, "v=0"));
        assertTrue(ex.noAnswer());
        assertEquals(3, a.received.size());
        assertEquals(3, b.received.size());
    }

    @Test
    void anErrorAnswerIsARefusalWithoutFailover() throws Exception {
        FakeNg refusing = new FakeNg(c -> Map.of("result", "error", "error-reason", "Incomplete SDP specification"));
        open.add(refusing);
        FakeNg other = server("v=0 other");
        RtpEngine e = engine(refusing.spec(1_000_000) + "," + other.spec(1), "");
        NgException ex = assertThrows(NgException.class, () -> e.offer(null, "c", "t", null, "v=0"));
        assertFalse(ex.noAnswer());
        assertTrue(ex.getMessage().contains("Incomplete SDP specification"), ex.getMessage());
        assertEquals(0, other.received.size());
        assertTrue(e.instances().all().get(0).enabled(now.get()), "an instance that answers stays enabled");
    }

    @Test
    void laterCommandsOfACallStayOnItsInstance() throws Exception {
        FakeNg a = server("v=0 a");
        FakeNg b = server("v=0 b");
        RtpEngine e = engine(a.spec(1) + "," + b.spec(1), "");
        RtpEngine.Placed p = e.offer(null, "call-5", "tagA", null, "v=0");
        FakeNg holder = p.instance().address().getPort() == a.socket.getLocalPort() ? a : b;
        FakeNg otherOne = holder == a ? b : a;
        e.answer(p.instance(), "call-5", "tagA", "tagB", "v=0 answer");
        e.offer(p.instance(), "call-5", "tagB", "tagA", "v=0 reinvite");
        assertEquals(3, holder.received.size());
        assertEquals(0, otherOne.received.size());
        assertEquals("tagB", holder.received.get(1).get("to-tag"));
        assertEquals(1, p.instance().sessions(), "a re-offer opens no second session");
    }

    @Test
    void garbageAndForeignAnswersAreDroppedWithoutHarm() throws Exception {
        FakeNg ng = server("v=0 fine");
        RtpEngine e = engine(ng.spec(1), "");
        try (DatagramSocket stranger = new DatagramSocket()) {
            NgClient client = new NgClient(Duration.ofMillis(200), 2);
            open.add(client);
            for (String junk : new String[] {"nospace", "abc d6:resul", "x" + " ".repeat(3), "unknown d6:result2:oke"}) {
                byte[] b = junk.getBytes(StandardCharsets.US_ASCII);
                stranger.send(new DatagramPacket(b, b.length, java.net.InetAddress.getLoopbackAddress(), client.localPort()));
            }
            java.net.InetSocketAddress to = new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(),
                    ng.socket.getLocalPort());
            assertEquals("pong", client.request(to, Map.of("command", "ping")).get("result"));
            assertEquals(4, client.dropped(), "the four stray datagrams were counted and dropped");
        }
        assertEquals("v=0 fine", e.offer(null, "c", "t", null, "v=0").sdp());
    }
}
