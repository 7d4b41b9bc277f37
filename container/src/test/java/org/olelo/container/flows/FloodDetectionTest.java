package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.flood.FloodSettings;
import org.olelo.core.stats.CoreStatistics;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;
import org.olelo.core.testkit.SipText;
import org.olelo.core.testkit.UdpPeer;
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

    private static byte[] options(SipPeer from, String tag) {
        return SipBuilder.request("OPTIONS", "sip:probe@127.0.0.1").via(from).from("<sip:f@127.0.0.1>;tag=" + tag)
                .callId("flood-" + tag + "@test").bytes();
    }

    @Test
    void aFloodFromOneAddressIsCutOffWhileAnotherIsStillAnswered() throws Exception {
        Logger guardLog = (Logger) LoggerFactory.getLogger("org.olelo.core.internal.flood.FloodGuard");
        Warnings warnings = new Warnings();
        warnings.start();
        guardLog.addAppender(warnings);
        try (TestServer server = TestServer.builder().transport(SipPeer.Kind.UDP)
                .settings(c -> c.withCore(c.core().withFlood(new FloodSettings(LIMIT, 60, List.of())))).start(tmp);
             UdpPeer attacker = new UdpPeer(server.address(), InetAddress.getByName("127.0.0.3"));
             UdpPeer neighbour = new UdpPeer(server.address(), InetAddress.getByName("127.0.0.1"))) {
            AtomicInteger answered = new AtomicInteger();
            Thread reader = Thread.ofPlatform().start(() -> {
                try {
                    while (attacker.receive(1500) != null) {
                        answered.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long t0 = System.nanoTime();
            for (int i = 0; i < 2000; i++) {          // 2,000 requests at 2,000 a second, 20 every 10 ms
                attacker.send(options(attacker, "a" + i));
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
            CoreStatistics stats = server.server().core().statistics();
            assertEquals(1, stats.get(CoreStatistics.Event.FLOOD_BLOCKED), "one block");
            assertEquals(2000 - n, stats.get(CoreStatistics.Event.FLOOD_DROPPED), "the rest dropped unanswered");

            for (int i = 0; i < 10; i++) {
                neighbour.send(options(neighbour, "n" + i));
                String answer = neighbour.receive(3000);
                assertNotNull(answer, "127.0.0.1 is still answered");
                assertEquals(404, SipText.status(answer));
            }
            attacker.send(options(attacker, "late"));
            assertNull(attacker.receive(1000), "127.0.0.3 is still blocked");
            assertEquals(1, warnings.lines.size(), "one warning per block: " + warnings.lines);
            String line = warnings.lines.peek();
            assertTrue(line.contains("127.0.0.3") && line.contains(Integer.toString(LIMIT)) && line.contains("60 s"), line);
        } finally {
            guardLog.detachAppender(warnings);
        }
    }
}
