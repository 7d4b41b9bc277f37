package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.olelo.container.internal.trace.SipTrace;
import org.olelo.container.internal.trace.TraceFilter;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.SipPeer;

/**
 * The SIP trace over real SIP: two users register and call at the same time through a
 * record-routing proxy application, and the trace of one of them holds exactly the messages that
 * user's phones sent and received (requests, responses, in-dialog requests, both directions) and
 * none of the other's; a Call-ID trace holds exactly that call; the HEP v3 copies sent to a
 * collector on a loopback socket decode to the right chunks.
 */
class SipTraceTest {

    @TempDir
    Path tmp;
    private TestServer server;
    private final List<SipPeer> peers = new ArrayList<>();

    @AfterEach
    void stop() {
        peers.forEach(SipPeer::close);
        if (server != null) {
            server.close();
        }
    }

    /** One entry of the trace file. */
    record Entry(String head, String message) {
    }

    private TestServer start(SipPeer.Kind kind) throws Exception {
        server = TestServer.builder().app("p", TraceApps.proxy()).routing(TraceApps.ROUTING).transport(kind).start(tmp);
        return server;
    }

    /** Makes alice's and carol's scripts, each with its own peers. */
    private List<CallScript> aliceAndCarol() throws Exception {
        List<CallScript> scripts = new ArrayList<>();
        for (String[] who : new String[][] {{"alice", "bob"}, {"carol", "dave"}}) {
            SipPeer caller = server.caller();
            SipPeer callee = server.callee();
            peers.add(caller);
            peers.add(callee);
            scripts.add(new CallScript(caller, callee, who[0], who[1], server.uriOf(who[1], callee)));
        }
        return scripts;
    }

    /** Runs the scripts at the same time, one thread each. */
    private static List<CallScript> runTogether(List<CallScript> scripts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(scripts.size());
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (CallScript s : scripts) {
                runs.add(pool.submit(() -> {
                    s.run();
                    return null;
                }));
            }
            for (Future<?> f : runs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return scripts;
    }

    private List<Entry> entries(SipTrace trace) throws Exception {
        assertTrue(trace.awaitWritten(5000), "trace written");
        Path file = trace.file();
        assertEquals(tmp.resolve("data").resolve("sip-trace.log"), file, "the default file is in the data folder");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<Entry> out = new ArrayList<>();
        for (String part : text.split("(?m)^(?===== )")) {
            if (part.isEmpty()) {
                continue;
            }
            int eol = part.indexOf('\n');
            out.add(new Entry(part.substring(0, eol), part.substring(eol + 1)));
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(value = SipPeer.Kind.class, names = {"MEMORY", "UDP"})
    void aUsersTraceHoldsExactlyThatUsersMessages(SipPeer.Kind kind) throws Exception {
        start(kind);
        SipTrace trace = server.server().trace();
        assertTrue(trace.start(TraceFilter.user("alice")));
        assertFalse(trace.start(TraceFilter.user("Alice")), "already active");
        List<CallScript> scripts = runTogether(aliceAndCarol());
        CallScript alice = scripts.get(0);
        CallScript carol = scripts.get(1);
        List<Entry> traced = entries(trace);

        Set<String> inbound = new HashSet<>();
        Set<String> outbound = new HashSet<>();
        for (Entry e : traced) {
            assertTrue(e.head().matches("==== \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}(Z|[+-]\\d\\d:\\d\\d) (recv|sent) udp "
                    + "127\\.0\\.0\\.1:\\d+ -> 127\\.0\\.0\\.1:\\d+ \\d+ bytes trace=user:alice"), e.head());
            assertTrue(e.head().contains(" " + e.message().getBytes(StandardCharsets.UTF_8).length + " bytes "), e.head());
            (e.head().contains(" recv ") ? inbound : outbound).add(e.message());
        }
        assertEquals(new HashSet<>(alice.sent()), inbound, "every message alice's phones sent, and nothing else, traced as received");
        assertEquals(new HashSet<>(alice.received()), outbound,
                "every message alice's phones received, and nothing else, traced as sent");
        assertTrue(alice.sent().size() == 7 && alice.received().size() == 8,
                "REGISTER and its 200; INVITE, 100, 180, 200, ACK, BYE and its 200 through the proxy: " + alice.received());
        for (Entry e : traced) {
            assertFalse(e.message().contains("carol") || e.message().contains("dave"), e.message());
        }
        assertFalse(carol.sent().isEmpty());

        assertTrue(trace.stop(TraceFilter.user("alice")));
        assertEquals(List.of(), trace.active());
        assertNothingMoreIsTraced(trace, "a stopped trace writes nothing more");
    }

    /** Runs alice's and carol's calls again and checks the trace file did not grow. */
    private void assertNothingMoreIsTraced(SipTrace trace, String why) throws Exception {
        int before = entries(trace).size();
        runTogether(aliceAndCarol());
        assertEquals(before, entries(trace).size(), why);
    }

    @Test
    void aCallIdTraceAndAnAddressOfRecordTraceHoldExactlyTheirMessages() throws Exception {
        start(SipPeer.Kind.UDP);
        SipTrace trace = server.server().trace();
        List<CallScript> scripts = aliceAndCarol();
        CallScript alice = scripts.get(0);
        CallScript carol = scripts.get(1);
        trace.start(TraceFilter.call(carol.callId()));
        trace.start(TraceFilter.user("sip:Alice@127.0.0.1"));
        trace.start(TraceFilter.user("alice@example.com"));
        assertEquals(List.of("call:" + carol.callId(), "user:alice@127.0.0.1", "user:alice@example.com"),
                trace.active().stream().map(TraceFilter::toString).toList());
        runTogether(scripts);
        Set<String> got = new HashSet<>();
        entries(trace).forEach(e -> got.add(e.message()));
        Set<String> expected = new HashSet<>(alice.sent());
        expected.addAll(alice.received());
        carol.sent().stream().filter(m -> m.contains(carol.callId())).forEach(expected::add);
        carol.received().stream().filter(m -> m.contains(carol.callId())).forEach(expected::add);
        assertTrue(expected.stream().anyMatch(m -> m.startsWith("INVITE") && m.contains("dave")), "carol's call is in");
        assertFalse(expected.stream().anyMatch(m -> m.contains(carol.registerCallId())), "carol's REGISTER is not");
        assertEquals(expected, got, "alice@127.0.0.1 and carol's call, nothing else");

        trace.stopAll();
        trace.start(TraceFilter.user("alice@example.com"));
        assertNothingMoreIsTraced(trace, "alice@127.0.0.1 is not alice@example.com");
    }

    @Test
    void tracedMessagesReachAHomerCollectorAsHepV3() throws Exception {
        start(SipPeer.Kind.UDP);
        SipTrace trace = server.server().trace();
        try (DatagramSocket collector = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            trace.output(trace.file(), InetSocketAddress.createUnresolved("127.0.0.1", collector.getLocalPort()), 4242);
            trace.start(TraceFilter.user("alice"));
            long before = System.currentTimeMillis() * 1000;
            CallScript alice = runTogether(aliceAndCarol()).get(0);
            long after = System.currentTimeMillis() * 1000 + 1000;
            List<Entry> traced = entries(trace);
            List<Map<Integer, byte[]>> packets = new ArrayList<>();
            collector.setSoTimeout(2000);
            byte[] buf = new byte[70_000];
            try {
                while (packets.size() < traced.size()) {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    collector.receive(p);
                    packets.add(decode(ByteBuffer.wrap(p.getData(), 0, p.getLength())));
                }
            } catch (SocketTimeoutException e) {
                // counted below
            }
            assertEquals(traced.size(), packets.size(), "one HEP packet per traced message");
            InetSocketAddress serverAddress = server.address();
            Set<String> payloads = new HashSet<>();
            for (Map<Integer, byte[]> c : packets) {
                assertEquals(2, u8(c.get(1)), "IPv4");
                assertEquals(17, u8(c.get(2)), "UDP");
                assertEquals(11, c.size() - (c.containsKey(5) ? 2 : 0), "chunks 1-4, 7-12 and 15: " + c.keySet());
                InetAddress src = InetAddress.getByAddress(c.get(3));
                InetAddress dst = InetAddress.getByAddress(c.get(4));
                assertEquals(InetAddress.getLoopbackAddress(), src);
                assertEquals(InetAddress.getLoopbackAddress(), dst);
                int sport = u16(c.get(7));
                int dport = u16(c.get(8));
                String payload = new String(c.get(15), StandardCharsets.UTF_8);
                boolean fromServer = sport == serverAddress.getPort();
                assertTrue(fromServer != (dport == serverAddress.getPort()), sport + " -> " + dport);
                assertTrue(fromServer ? alice.received().contains(payload) : alice.sent().contains(payload), payload);
                long micros = u32(c.get(9)) * 1_000_000 + u32(c.get(10));
                assertTrue(u32(c.get(10)) < 1_000_000);
                assertTrue(micros >= before && micros <= after, "timestamp " + micros + " within the test");
                assertEquals(1, u8(c.get(11)), "SIP");
                assertEquals(4242, u32(c.get(12)), "capture agent id");
                payloads.add(payload);
            }
            Set<String> all = new HashSet<>(alice.sent());
            all.addAll(alice.received());
            assertEquals(all, payloads);
        }
    }

    /** The chunks of a HEP v3 packet by type, after checking the header and every length. */
    static Map<Integer, byte[]> decode(ByteBuffer b) {
        byte[] magic = new byte[4];
        b.get(magic);
        assertEquals("HEP3", new String(magic, StandardCharsets.US_ASCII));
        assertEquals(b.limit() - b.arrayOffset(), b.getShort() & 0xffff, "total length");
        Map<Integer, byte[]> chunks = new HashMap<>();
        while (b.hasRemaining()) {
            assertEquals(0, b.getShort(), "generic vendor");
            int type = b.getShort() & 0xffff;
            int length = b.getShort() & 0xffff;
            byte[] v = new byte[length - 6];
            b.get(v);
            assertEquals(null, chunks.put(type, v), "chunk " + type + " once");
        }
        return chunks;
    }

    private static int u8(byte[] v) {
        assertEquals(1, v.length);
        return v[0] & 0xff;
    }

    private static int u16(byte[] v) {
        assertEquals(2, v.length);
        return ByteBuffer.wrap(v).getShort() & 0xffff;
    }

    private static long u32(byte[] v) {
        assertEquals(4, v.length);
        return ByteBuffer.wrap(v).getInt() & 0xffff_ffffL;
    }
}
