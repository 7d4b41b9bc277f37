package org.olelo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipText;

/**
 * A bounded load run, not part of the normal build (run it with {@code -Dolelo.presence.load=true}):
 * one presentity, {@value #WATCHERS} watchers on {@value #SOCKETS} UDP sockets answering every
 * NOTIFY 200, then the presentity changes state (PUBLISH with SIP-If-Match, open and closed in turn,
 * one at a time) for {@value #SECONDS} s. It reports PUBLISH/s and NOTIFY/s, and fails unless every
 * watcher's newest NOTIFY has the newest state (changes made while the previous one is being sent
 * are sent together). Then the same number of seconds of refreshes (no body, no NOTIFY).
 * Authentication and the call log are off, flood detection too: the figures are the presence
 * application's. Results: standard output and {@code target/presence-load.txt}.
 */
class PresenceLoadTest {

    private static final int WATCHERS = 1000;
    private static final int SOCKETS = 50;
    private static final int SECONDS = 10;
    private static final String ALICE = "sip:alice@127.0.0.1";
    @RegisterExtension
    final OleloExtension olelo = OleloExtension.onDemand();

    private record Last(long cseq, String state) {
    }

    /** A UDP socket of watchers: answers NOTIFYs 200 and counts them, hands responses to waiting senders. */
    private static final class Watchers implements AutoCloseable {
        final DatagramSocket socket;
        final InetSocketAddress server;
        final AtomicLong notifies;
        final Map<String, CompletableFuture<String>> waiting = new ConcurrentHashMap<>();
        /** Call-ID and CSeq of the NOTIFYs received: a retransmission is answered but not counted again. */
        final java.util.Set<String> seen = ConcurrentHashMap.newKeySet();
        /** The state of the newest NOTIFY of each subscription. */
        final Map<String, Last> last = new ConcurrentHashMap<>();
        final Thread reader;

        Watchers(InetSocketAddress server, AtomicLong notifies) throws IOException {
            this.socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
            this.server = server;
            this.notifies = notifies;
            this.reader = Thread.ofPlatform().daemon().start(this::read);
        }

        private void read() {
            byte[] buf = new byte[65_536];
            while (!socket.isClosed()) {
                try {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    socket.receive(p);
                    String m = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
                    if (SipText.status(m) < 0) {
                        send(SipText.response(m, 200, "OK", null, null));
                        if (seen.add(SipText.header(m, "Call-ID") + " " + SipText.header(m, "CSeq"))) {
                            notifies.incrementAndGet();
                            String cseq = SipText.header(m, "CSeq");
                            long n = Long.parseLong(cseq.substring(0, cseq.indexOf(' ')));
                            String body = SipText.body(m);
                            String state = body.contains("<basic>open</basic>") ? "open" : "closed";
                            last.merge(SipText.header(m, "Call-ID"), new Last(n, state),
                                    (a, b) -> a.cseq() > b.cseq() ? a : b);
                        }
                    } else if (SipText.status(m) >= 200) {
                        CompletableFuture<String> f = waiting.remove(SipText.header(m, "Call-ID"));
                        if (f != null) {
                            f.complete(m);
                        }
                    }
                } catch (IOException e) {
                    return;
                }
            }
        }

        void send(String m) throws IOException {
            byte[] b = m.getBytes(StandardCharsets.UTF_8);
            socket.send(new DatagramPacket(b, b.length, server));
        }

        CompletableFuture<String> subscribe(int n) throws IOException {
            String user = "w" + n;
            String hostPort = "127.0.0.1:" + socket.getLocalPort();
            String callId = "load-" + n + "@test";
            CompletableFuture<String> f = new CompletableFuture<>();
            waiting.put(callId, f);
            send(SipBuilder.request("SUBSCRIBE", ALICE).via("UDP", hostPort, "z9hG4bK-l" + n)
                    .from("<sip:" + user + "@127.0.0.1>;tag=l" + n).callId(callId)
                    .contact("<sip:" + user + "@" + hostPort + ">").header("Event", "presence")
                    .header("Expires", "3600").build());
            return f;
        }

        @Override
        public void close() {
            socket.close();
        }
    }

    @Test
    void oneChangingPresentityAndAThousandWatchers() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("olelo.presence.load"), "a load run: -Dolelo.presence.load=true");
        OleloProcess server = olelo.create(null, "registrar", "proxy", "presence");
        server.jvmOptions("-Xmx1g");
        server.start("auth.enabled=false", "log.calls=false", "pike.requests.per.second=0");
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", server.port());
        AtomicLong notifies = new AtomicLong();
        List<Watchers> sockets = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        try (PresenceUa alice = new PresenceUa(server.port(), "alice", "unused")) {
            for (int i = 0; i < SOCKETS; i++) {
                sockets.add(new Watchers(address, notifies));
            }
            String etag = SipText.header(alice.publish(null, "7200", PresenceUa.pidf(ALICE, "pc", "open")), "SIP-ETag");
            for (int i = 0; i < WATCHERS; i += SOCKETS) {
                List<CompletableFuture<String>> batch = new ArrayList<>();
                for (int j = 0; j < SOCKETS; j++) {
                    batch.add(sockets.get(j).subscribe(i + j));
                }
                for (CompletableFuture<String> f : batch) {
                    assertEquals(200, SipText.status(f.get(10, TimeUnit.SECONDS)));
                }
            }
            await(notifies, WATCHERS);

            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(SECONDS);
            int changes = 0;
            while (System.nanoTime() < end) {
                String ok = alice.publish(etag, "7200", PresenceUa.pidf(ALICE, "pc", changes % 2 == 0 ? "closed" : "open"));
                assertEquals(200, SipText.status(ok), ok);
                etag = SipText.header(ok, "SIP-ETag");
                changes++;
            }
            double publishSeconds = (System.nanoTime() - start) / 1e9;
            String finalState = changes % 2 == 1 ? "closed" : "open";
            long settled = settle(notifies) - WATCHERS;
            double notifySeconds = (lastNotify - start) / 1e9;
            for (Watchers w : sockets) {
                for (Last l : w.last.values()) {
                    assertEquals(finalState, l.state(), "every watcher's newest NOTIFY has the newest state");
                }
            }
            report.append(String.format("changes: %d PUBLISH in %.1f s = %.1f PUBLISH/s, %d watchers%n",
                    changes, publishSeconds, changes / publishSeconds, WATCHERS));
            report.append(String.format("notifies: %d NOTIFY answered in %.1f s = %.0f NOTIFY/s (changes that"
                    + " arrive while one is being sent are sent together: the newest state)%n",
                    settled, notifySeconds, settled / notifySeconds));

            start = System.nanoTime();
            end = start + TimeUnit.SECONDS.toNanos(SECONDS);
            int refreshes = 0;
            while (System.nanoTime() < end) {
                String ok = alice.publish(etag, "7200", null);
                etag = SipText.header(ok, "SIP-ETag");
                refreshes++;
            }
            double refreshSeconds = (System.nanoTime() - start) / 1e9;
            report.append(String.format("refreshes: %d PUBLISH in %.1f s = %.0f PUBLISH/s (no NOTIFY)%n",
                    refreshes, refreshSeconds, refreshes / refreshSeconds));
        } finally {
            sockets.forEach(Watchers::close);
        }
        System.out.print(report);
        Files.writeString(Path.of(System.getProperty("olelo.it.work", "target"), "presence-load.txt"), report);
    }

    private long lastNotify;

    /** Waits until no NOTIFY came for 2 s; @return how many came in all. */
    private long settle(AtomicLong counter) throws InterruptedException {
        long seen = -1;
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < TimeUnit.SECONDS.toNanos(2)) {
            long now = counter.get();
            if (now != seen) {
                seen = now;
                quietSince = System.nanoTime();
                lastNotify = quietSince;
            }
            Thread.sleep(5);
        }
        return seen;
    }

    private static void await(AtomicLong counter, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (counter.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(expected, counter.get(), "NOTIFYs answered");
    }
}
