package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.boot.OleloServer;
import org.olelo.container.boot.ServerConfig;
import org.olelo.core.flood.FloodSettings;
import org.olelo.core.stats.CoreStatistics;
import org.olelo.core.testkit.SipText;
import org.olelo.core.transport.ListenAddress;
import org.slf4j.LoggerFactory;

/**
 * Flood detection over UDP: 2,000 requests in one second from 127.0.0.3 against a threshold of 200
 * per second are cut off, while 127.0.0.1 is still answered; one warning for the block.
 */
class FloodDetectionTest {

    private static final int LIMIT = 200;

    @TempDir
    Path tmp;

    /** Keeps the warnings of the flood guard. */
    private static final class Warnings extends AppenderBase<ILoggingEvent> {
        final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

        @Override
        protected void append(ILoggingEvent e) {
            if (e.getLevel().isGreaterOrEqual(Level.WARN) && e.getLoggerName().endsWith("FloodGuard")) {
                lines.add(e.getFormattedMessage());
            }
        }
    }

    private static byte[] options(DatagramSocket from, String tag) {
        return ("OPTIONS sip:probe@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + from.getLocalAddress().getHostAddress() + ":" + from.getLocalPort()
                + ";branch=z9hG4bK-flood-" + tag + ";rport\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:f@127.0.0.1>;tag=" + tag + "\r\nTo: <sip:probe@127.0.0.1>\r\n"
                + "Call-ID: flood-" + tag + "@test\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static String receive(DatagramSocket s, int millis) throws Exception {
        byte[] buf = new byte[65_536];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        s.setSoTimeout(millis);
        try {
            s.receive(p);
        } catch (SocketTimeoutException e) {
            return null;
        }
        return new String(p.getData(), 0, p.getLength(), StandardCharsets.US_ASCII);
    }

    @Test
    void aFloodFromOneAddressIsCutOffWhileAnotherIsStillAnswered() throws Exception {
        Path deploy = tmp.resolve("deploy");
        Files.createDirectories(deploy.resolve("apps"));
        Files.writeString(deploy.resolve("routing.properties"), "");
        ServerConfig defaults = ServerConfig.defaults();
        ServerConfig cfg = defaults.withDirs(deploy, tmp.resolve("data"))
                .withCore(defaults.core().withListen(List.of(ListenAddress.parse("udp:127.0.0.1:0")))
                        .withFlood(new FloodSettings(LIMIT, 60, List.of())));
        Logger guardLog = (Logger) LoggerFactory.getLogger("org.olelo.core.internal.flood.FloodGuard");
        Warnings warnings = new Warnings();
        warnings.start();
        guardLog.addAppender(warnings);
        try (OleloServer server = OleloServer.start(cfg, host -> new InetAddress[] {InetAddress.getLoopbackAddress()},
                List.of());
             DatagramSocket attacker = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.3"), 0));
             DatagramSocket neighbour = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0))) {
            InetSocketAddress to = server.core().transports().get(0).localAddress();
            AtomicInteger answered = new AtomicInteger();
            Thread reader = Thread.ofPlatform().start(() -> {
                try {
                    while (receive(attacker, 1500) != null) {
                        answered.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long t0 = System.nanoTime();
            for (int i = 0; i < 2000; i++) {          // 2,000 requests at 2,000 a second, 20 every 10 ms
                byte[] m = options(attacker, "a" + i);
                attacker.send(new DatagramPacket(m, m.length, to));
                if (i % 20 == 19) {
                    long due = t0 + (i + 1) * 500_000L;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
            }
            reader.join(10_000);
            int n = answered.get();
            assertTrue(n >= LIMIT / 2 && n <= 2 * LIMIT, "answered before the cut-off: " + n
                    + " (at most the threshold in each of the two seconds the burst may straddle)");
            CoreStatistics stats = server.core().statistics();
            assertEquals(1, stats.get(CoreStatistics.Event.FLOOD_BLOCKED), "one block");
            assertEquals(2000 - n, stats.get(CoreStatistics.Event.FLOOD_DROPPED), "the rest dropped unanswered");

            for (int i = 0; i < 10; i++) {
                byte[] m = options(neighbour, "n" + i);
                neighbour.send(new DatagramPacket(m, m.length, to));
                String answer = receive(neighbour, 3000);
                assertNotNull(answer, "127.0.0.1 is still answered");
                assertEquals(404, SipText.status(answer));
            }
            byte[] m = options(attacker, "late");
            attacker.send(new DatagramPacket(m, m.length, to));
            assertNull(receive(attacker, 1000), "127.0.0.3 is still blocked");
            assertEquals(1, warnings.lines.size(), "one warning per block: " + warnings.lines);
            String line = warnings.lines.peek();
            assertTrue(line.contains("127.0.0.3") && line.contains(Integer.toString(LIMIT)) && line.contains("60 s"), line);
        } finally {
            guardLog.detachAppender(warnings);
        }
    }
}
