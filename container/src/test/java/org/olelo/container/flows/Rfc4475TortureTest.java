package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.olelo.container.testkit.CommonApps;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.SipText;
import org.olelo.core.transport.InMemoryTransport;

/**
 * Every RFC 4475 torture message, byte for byte, through the whole server (parser, core checks,
 * router, a record-routing proxy application) on the in-memory connector: these messages name
 * hosts outside this machine, so no socket is used; host names resolve to a TEST-NET address that
 * only the in-memory connector ever "sends" to. Expected handling as in the test data's INDEX.md.
 */
class Rfc4475TortureTest {

    /** What the server must do with a message. */
    enum Expect {
        /** The proxy relays it (and answers 100 to an INVITE). */
        FORWARD,
        /** A 400 response with a reason naming the fault. */
        REJECT_400,
        /** Any of 400 or forwarding (the RFC allows a liberal reading). */
        REJECT_OR_FORWARD,
        /** No answer, nothing forwarded (broken or stray responses). */
        DROP,
        /**
         * Parsed and handled, but it carries a To tag and no Route entry this server signed: a request
         * in no dialog of this server, whose relaying is refused with 403 (no open relay).
         */
        REFUSED,
        /** A specific status. */
        STATUS
    }

    record Case(String file, Expect expect, int status) {
        @Override
        public String toString() {
            return file + " -> " + (expect == Expect.STATUS ? String.valueOf(status) : expect.name());
        }
    }

    static final List<Case> CASES = List.of(
            new Case("wsinv.sip", Expect.REFUSED, 0),
            new Case("intmeth.sip", Expect.FORWARD, 0),
            new Case("esc01.sip", Expect.FORWARD, 0),
            new Case("escnull.sip", Expect.FORWARD, 0),
            new Case("esc02.sip", Expect.FORWARD, 0),
            new Case("lwsdisp.sip", Expect.FORWARD, 0),
            new Case("longreq.sip", Expect.FORWARD, 0),
            new Case("dblreq.sip", Expect.FORWARD, 0),
            new Case("semiuri.sip", Expect.FORWARD, 0),
            new Case("transports.sip", Expect.FORWARD, 0),
            new Case("mpart01.sip", Expect.FORWARD, 0),
            new Case("unreason.sip", Expect.DROP, 0),
            new Case("noreason.sip", Expect.DROP, 0),
            new Case("badinv01.sip", Expect.REJECT_400, 0),
            new Case("clerr.sip", Expect.REJECT_400, 0),
            new Case("ncl.sip", Expect.REJECT_400, 0),
            new Case("scalar02.sip", Expect.REJECT_400, 0),
            new Case("scalarlg.sip", Expect.DROP, 0),
            new Case("quotbal.sip", Expect.REJECT_400, 0),
            new Case("ltgtruri.sip", Expect.REJECT_400, 0),
            new Case("lwsruri.sip", Expect.REJECT_400, 0),
            new Case("lwsstart.sip", Expect.REJECT_OR_FORWARD, 0),
            new Case("trws.sip", Expect.REJECT_OR_FORWARD, 0),
            new Case("escruri.sip", Expect.REJECT_400, 0),
            new Case("baddate.sip", Expect.REJECT_OR_FORWARD, 0),
            new Case("regbadct.sip", Expect.REJECT_400, 0),
            new Case("badaspec.sip", Expect.REJECT_OR_FORWARD, 0),
            new Case("baddn.sip", Expect.REJECT_400, 0),
            new Case("badvers.sip", Expect.STATUS, 505),
            new Case("mismatch01.sip", Expect.REJECT_400, 0),
            new Case("mismatch02.sip", Expect.STATUS, 501),
            new Case("bigcode.sip", Expect.DROP, 0),
            new Case("badbranch.sip", Expect.REJECT_400, 0),
            new Case("insuf.sip", Expect.REJECT_400, 0),
            new Case("unkscm.sip", Expect.STATUS, 416),
            new Case("novelsc.sip", Expect.STATUS, 416),
            new Case("unksm2.sip", Expect.FORWARD, 0),
            new Case("bext01.sip", Expect.STATUS, 420),
            new Case("invut.sip", Expect.FORWARD, 0),
            new Case("regaut01.sip", Expect.FORWARD, 0),
            new Case("multi01.sip", Expect.REJECT_400, 0),
            new Case("mcl01.sip", Expect.REJECT_400, 0),
            new Case("bcast.sip", Expect.DROP, 0),
            new Case("zeromf.sip", Expect.STATUS, 483),
            new Case("cparam01.sip", Expect.FORWARD, 0),
            new Case("cparam02.sip", Expect.FORWARD, 0),
            new Case("regescrt.sip", Expect.FORWARD, 0),
            new Case("sdp01.sip", Expect.FORWARD, 0),
            new Case("inv2543.sip", Expect.FORWARD, 0));

    private static final Path DATA = TestData.path("rfc4475");
    private static final InetSocketAddress SENDER = new InetSocketAddress(InetAddress.getLoopbackAddress(), 5999);
    private static final Map<String, String> RESULTS = new TreeMap<>();

    @TempDir
    static Path tmp;
    private static TestServer server;
    private static InMemoryTransport memory;

    @BeforeAll
    static void start() throws Exception {
        // not 127.0.0.1:5060: answers to the messages' Via ports land on 127.0.0.1 and are collected
        memory = new InMemoryTransport("UDP", new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 5060));
        InetAddress testNet = InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1});
        server = TestServer.builder().app("proxy", CommonApps.forkingProxy()).routeAllTo("proxy").memory(memory)
                .resolver(host -> new InetAddress[] {testNet}).start(tmp);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        StringBuilder table = new StringBuilder("\nRFC 4475 results\n| file | expected | Olelo |\n|---|---|---|\n");
        RESULTS.forEach((k, v) -> table.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        System.out.println(table);
    }

    static Stream<Arguments> cases() {
        return CASES.stream().map(Arguments::of);
    }

    @Test
    void everyMessageOfTheSuiteIsListed() throws Exception {
        try (Stream<Path> files = Files.list(DATA)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sip")).sorted().toList();
            assertEquals(49, names.size(), "the suite has 49 messages");
            assertEquals(names, CASES.stream().map(Case::file).sorted().toList());
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void handledAsTheRfcSays(Case c) throws Exception {
        byte[] bytes = Files.readAllBytes(DATA.resolve(c.file()));
        memory.drain();
        memory.inject(bytes, SENDER);
        String callId = callId(new String(bytes, StandardCharsets.ISO_8859_1));
        String branch = branch(new String(bytes, StandardCharsets.ISO_8859_1));
        List<InMemoryTransport.Sent> out = collect(c.expect() == Expect.DROP ? null : m -> decided(m, callId, branch));
        List<String> toSender = new ArrayList<>();
        List<String> forwarded = new ArrayList<>();
        for (InMemoryTransport.Sent s : out) {
            if (s.text().startsWith("SIP/2.0 ")) {
                if (callId == null || callId.equals(callId(s.text()))) {
                    toSender.add(s.text()); // an INVITE's final response is repeated until ACKed: not this case's
                }
            } else if (callId != null ? callId.equals(callId(s.text())) : branch != null && s.text().contains(branch)) {
                forwarded.add(s.text()); // retransmissions of earlier cases carry other Call-IDs
            }
        }
        String finalToSender = toSender.stream().filter(m -> SipText.status(m) >= 200).findFirst().orElse(null);
        String outcome = finalToSender != null ? finalToSender.substring(8, finalToSender.indexOf("\r\n"))
                : !forwarded.isEmpty() ? "forwarded" : "no answer";
        RESULTS.put(c.file(), c + " | " + outcome);
        switch (c.expect()) {
            case FORWARD -> {
                assertTrue(finalToSender == null, c + ": unexpected " + finalToSender);
                assertEquals(1, forwarded.size(), c + ": forwarded " + forwarded);
                checkForwarded(c.file(), bytes, forwarded.get(0));
            }
            case REJECT_400 -> {
                assertNotNull(finalToSender, c + ": no answer");
                assertEquals(400, SipText.status(finalToSender), finalToSender);
                assertTrue(finalToSender.startsWith("SIP/2.0 400 Bad Request - ")
                        || finalToSender.startsWith("SIP/2.0 400 Missing") || finalToSender.startsWith("SIP/2.0 400 "),
                        finalToSender);
                assertTrue(forwarded.isEmpty(), c + ": must not be forwarded");
            }
            case REJECT_OR_FORWARD -> assertTrue(finalToSender != null && SipText.status(finalToSender) == 400
                    || finalToSender == null && forwarded.size() == 1, c + ": " + out.size() + " messages");
            case DROP -> assertTrue(toSender.isEmpty() && forwarded.isEmpty(), c + ": expected silence, got " + toSender + forwarded);
            case REFUSED -> {
                assertNotNull(finalToSender, c + ": no answer");
                assertEquals(403, SipText.status(finalToSender), finalToSender);
                assertTrue(forwarded.isEmpty(), c + ": must not be forwarded");
            }
            case STATUS -> {
                assertNotNull(finalToSender, c + ": no answer");
                assertEquals(c.status(), SipText.status(finalToSender), finalToSender);
                assertTrue(forwarded.isEmpty());
            }
        }
        assertStillServing();
    }

    private static void checkForwarded(String file, byte[] original, String fwd) {
        assertTrue(fwd.contains("Via: SIP/2.0/UDP 127.0.0.2:5060;branch=z9hG4bKolo"), fwd);
        if (file.equals("dblreq.sip")) {
            assertTrue(fwd.endsWith("Content-Length: 0\r\n\r\n"), "trailing octets must not be forwarded: " + fwd);
        }
        if (file.equals("mpart01.sip")) {
            String orig = new String(original, StandardCharsets.ISO_8859_1);
            String body = orig.substring(orig.indexOf("\r\n\r\n") + 4);
            assertTrue(fwd.length() > 0 && new String(fwd.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1).length() > 0);
            assertTrue(fwd.contains("Content-Length: " + body.length()), "body framed unchanged");
        }
    }

    private static String branch(String msg) {
        int b = msg.indexOf("branch=");
        if (b < 0) {
            return null;
        }
        int e = b + 7;
        while (e < msg.length() && ";, \r\n".indexOf(msg.charAt(e)) < 0) {
            e++;
        }
        return msg.substring(b, e);
    }

    private static String callId(String msg) {
        for (String line : msg.split("\r\n")) {
            if (line.isEmpty()) {
                break;
            }
            String l = line.toLowerCase(java.util.Locale.ROOT);
            if (l.startsWith("call-id") || l.startsWith("i ") || l.startsWith("i:")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return null;
    }

    /**
     * Collects what the server sends (the proxy forwards on another thread): until a message that
     * decides the case has come and 400 ms more have passed, or for at most 5 s; with no such
     * message to wait for (a message that must be dropped), for 400 ms.
     */
    private static List<InMemoryTransport.Sent> collect(java.util.function.Predicate<String> decides)
            throws InterruptedException {
        List<InMemoryTransport.Sent> out = new ArrayList<>();
        long start = System.currentTimeMillis();
        long deadline = start + (decides == null ? 400 : 5000);
        while (System.currentTimeMillis() < deadline) {
            for (InMemoryTransport.Sent s : memory.drain()) {
                out.add(s);
                if (decides != null && decides.test(s.text())) {
                    deadline = Math.min(deadline, System.currentTimeMillis() + 400);
                }
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        out.addAll(memory.drain());
        return out;
    }

    /** @return whether the message is a final response of the case or the request it forwarded */
    private static boolean decided(String m, String callId, String branch) {
        boolean ours = callId != null ? callId.equals(callId(m)) : branch != null && m.contains(branch);
        return ours && (!m.startsWith("SIP/2.0 ") || SipText.status(m) >= 200);
    }

    private static void assertStillServing() throws InterruptedException {
        String probe = "OPTIONS sip:probe@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5999;branch=z9hG4bK-probe"
                + System.nanoTime() + ";rport\r\nMax-Forwards: 0\r\nFrom: <sip:t@127.0.0.1>;tag=p\r\nTo: <sip:probe@127.0.0.1>\r\n"
                + "Call-ID: probe-" + System.nanoTime() + "\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
        memory.inject(probe.getBytes(StandardCharsets.UTF_8), SENDER);
        InMemoryTransport.Sent r = memory.poll(SENDER, 2, TimeUnit.SECONDS); // rport: back to the source
        if (r == null || SipText.status(r.text()) != 483) {
            fail("server stopped answering: " + (r == null ? "no answer" : r.text()));
        }
    }
}
