package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.boot.OleloServer;
import org.olelo.container.boot.ServerConfig;
import org.olelo.container.internal.deploy.TestApps;
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

    private static String message(String method, int n, String toTag) {
        String ruri = "sip:bob@192.0.2.9";
        return method + " " + ruri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + CALLER.getPort() + ";branch=z9hG4bK-race-" + n + ";rport\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:alice@127.0.0.1>;tag=race" + n + "\r\nTo: <" + ruri + ">" + toTag + "\r\n"
                + "Call-ID: race-" + n + "@test\r\nCSeq: 1 " + method + "\r\n"
                + "Contact: <sip:alice@127.0.0.1:" + CALLER.getPort() + ">\r\nContent-Length: 0\r\n\r\n";
    }

    @Test
    void inviteCancelAndAckRacesLogNoWarningOrError() throws Exception {
        Path deploy = tmp.resolve("deploy");
        Files.createDirectories(deploy.resolve("apps"));
        TestApps.app().java("t.ForkingProxy", ProxyTestServer.PROXY_APP).sipXml(ProxyTestServer.SIP_XML)
                .writeFolder(deploy.resolve("apps").resolve("proxy"));
        Files.writeString(deploy.resolve("routing.properties"), "ALL: (\"proxy\", \"DAR:From\", \"NEUTRAL\", \"\", \"NO_ROUTE\", \"0\")\n");
        InMemoryTransport memory = InMemoryTransport.udp();
        ServerConfig cfg = ServerConfig.defaults().withDirs(deploy, tmp.resolve("data")).withListen(List.of());
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Collector collector = new Collector();
        collector.start();
        try (OleloServer server = OleloServer.start(cfg, host -> new InetAddress[] {InetAddress.getByName("192.0.2.9")},
                List.of(memory))) {
            root.addAppender(collector);
            CyclicBarrier start = new CyclicBarrier(2);
            Thread canceller = Thread.ofPlatform().start(() -> {
                try {
                    for (int n = 0; n < RACES; n++) {
                        start.await(5, TimeUnit.SECONDS);
                        memory.inject(message("CANCEL", n, "").getBytes(StandardCharsets.US_ASCII), CALLER);
                        memory.inject(message("ACK", n, ";tag=any").getBytes(StandardCharsets.US_ASCII), CALLER);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            for (int n = 0; n < RACES; n++) {
                start.await(5, TimeUnit.SECONDS);
                memory.inject(message("INVITE", n, "").getBytes(StandardCharsets.US_ASCII), CALLER);
                if (n % 200 == 0) {
                    memory.clear();
                }
            }
            canceller.join(30_000);
            Thread.sleep(1000); // application work queued by the last races
            memory.clear();
            memory.inject(("OPTIONS sip:nobody@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5301;branch=z9hG4bK-race-end;rport\r\n"
                    + "Max-Forwards: 0\r\nFrom: <sip:t@127.0.0.1>;tag=e\r\nTo: <sip:nobody@127.0.0.1>\r\nCall-ID: race-end@test\r\n"
                    + "CSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII), CALLER);
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
