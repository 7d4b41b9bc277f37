package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.testkit.CommonApps;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipText;
import org.olelo.core.transport.InMemoryTransport;
import org.slf4j.LoggerFactory;

/**
 * An INVITE raced by its CANCEL and the ACK of the 487, on two threads at once, 2,000 times: each
 * side may win at any step (the 100 Trying, the routing, the proxy's start), and none of that may
 * be logged as a warning or an error. The interleaving cannot be forced from outside the core, so
 * the race is run many times with both threads released together.
 */
class CancelRaceTest {

    private static final int RACES = 2000;
    private static final InetSocketAddress CALLER = new InetSocketAddress(InetAddress.getLoopbackAddress(), 5301);

    @TempDir
    Path tmp;

    /** Keeps every event at WARN or above. */
    private static final class Collector extends AppenderBase<ILoggingEvent> {
        final ConcurrentLinkedQueue<ILoggingEvent> events = new ConcurrentLinkedQueue<>();

        @Override
        protected void append(ILoggingEvent e) {
            if (e.getLevel().isGreaterOrEqual(Level.WARN)) {
                events.add(e);
            }
        }
    }

    private static byte[] message(String method, int n, String toTag) {
        String ruri = "sip:bob@192.0.2.9";
        return SipBuilder.request(method, ruri).via("UDP", "127.0.0.1:" + CALLER.getPort(), "z9hG4bK-race-" + n)
                .from("<sip:alice@127.0.0.1>;tag=race" + n).to("<" + ruri + ">" + toTag).callId("race-" + n + "@test")
                .contact("<sip:alice@127.0.0.1:" + CALLER.getPort() + ">").bytes();
    }

    @Test
    void inviteCancelAndAckRacesLogNoWarningOrError() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Collector collector = new Collector();
        collector.start();
        try (TestServer server = TestServer.builder().app("proxy", CommonApps.forkingProxy()).routeAllTo("proxy")
                .resolver(host -> new InetAddress[] {InetAddress.getByName("192.0.2.9")}).start(tmp)) {
            InMemoryTransport memory = server.memory();
            root.addAppender(collector);
            CyclicBarrier start = new CyclicBarrier(2);
            Thread canceller = Thread.ofPlatform().start(() -> {
                try {
                    for (int n = 0; n < RACES; n++) {
                        start.await(5, TimeUnit.SECONDS);
                        memory.inject(message("CANCEL", n, ""), CALLER);
                        memory.inject(message("ACK", n, ";tag=any"), CALLER);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            for (int n = 0; n < RACES; n++) {
                start.await(5, TimeUnit.SECONDS);
                memory.inject(message("INVITE", n, ""), CALLER);
                if (n % 200 == 0) {
                    memory.clear();
                }
            }
            canceller.join(30_000);
            Thread.sleep(1000); // application work queued by the last races
            memory.clear();
            memory.inject(SipBuilder.request("OPTIONS", "sip:nobody@127.0.0.1").via("UDP", "127.0.0.1:5301", "z9hG4bK-race-end")
                    .maxForwards(0).bytes(), CALLER);
            InMemoryTransport.Sent answer = memory.poll(CALLER, 5, TimeUnit.SECONDS);
            assertNotNull(answer, "the server still answers");
            assertEquals(483, SipText.status(answer.text()));
        } finally {
            root.detachAppender(collector);
        }
        assertEquals(List.of(), collector.events.stream()
                .map(e -> e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage()
                        + (e.getThrowableProxy() == null ? "" : " / " + e.getThrowableProxy().getMessage()))
                .distinct().toList(), "warnings and errors during the races");
    }
}
