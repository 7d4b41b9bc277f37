package org.olelo.apps.registrar.msilo;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.apps.registrar.store.SchemaMigrator;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The offline message store over a real database file, with a recording sender and a clock of its own. */
class SiloTest {

    private static final String BOB = "sip:bob@example.com";

    @TempDir
    Path dir;
    private final AtomicLong clock = new AtomicLong(1_800_000_000_000L);
    private final List<StoredMessage> sent = new CopyOnWriteArrayList<>();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(200);
    private final List<Silo> open = new ArrayList<>();
    private DataSource ds;

    private Silo silo(SiloConfig config, Predicate<String> registered) throws Exception {
        if (ds == null) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:file:" + dir.resolve("olelo").toAbsolutePath().toString().replace('\\', '/'));
            h2.setUser("sa");
            ds = h2;
            SchemaMigrator.migrate(ds, getClass().getClassLoader());
        }
        SiloSender sender = m -> {
            sent.add(m);
            return CompletableFuture.completedFuture(answer.get());
        };
        Silo s = new Silo(config, new SiloStore(ds), sender, registered, g -> SiloStatistics.create(null, g),
                (msg, e) -> log.add(msg), clock::get);
        open.add(s);
        return s;
    }

    private Silo silo() throws Exception {
        return silo(SiloConfig.defaults(), aor -> true);
    }

    @AfterEach
    void close() {
        open.forEach(Silo::close);
    }

    private static StoreOutcome store(Silo s, String text) {
        return s.store("\"Alice\" <sip:alice@example.com>", BOB, "bob", "example.com", "text/plain",
                text.getBytes(StandardCharsets.UTF_8), "call-" + text);
    }

    private void awaitSent(int n) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (sent.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(n, sent.size(), "messages sent");
    }

    private static String text(StoredMessage m) {
        return new String(m.body(), StandardCharsets.UTF_8);
    }

    @Test
    void storedMessagesSurviveAReopenAndAreDeliveredOldestFirstThenRemoved() throws Exception {
        Silo first = silo();
        assertEquals(StoreOutcome.STORED, store(first, "one"));
        assertEquals(StoreOutcome.STORED, store(first, "two"));
        assertEquals(StoreOutcome.STORED, store(first, "three"));
        first.close();
        Silo again = silo();
        again.registered("sip:carol@example.com");
        again.registered(BOB);
        awaitSent(3);
        assertEquals(List.of("one", "two", "three"), sent.stream().map(SiloTest::text).toList());
        StoredMessage m = sent.get(0);
        assertEquals("\"Alice\" <sip:alice@example.com>", m.from());
        assertEquals("text/plain", m.contentType());
        assertEquals(clock.get() / 1000, m.incTime(), "the time it was accepted, for the Date header");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!again.list(null, 10).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(List.of(), again.list(null, 10), "delivered messages are removed");
        assertEquals(3L, again.statistics().snapshot().get("delivered"));
        again.registered(BOB);
        Thread.sleep(200);
        assertEquals(3, sent.size(), "nothing is delivered twice");
    }

    @Test
    void aFailedDeliveryKeepsTheMessageStopsTheQueueAndIsRetriedAfterItsBackoff() throws Exception {
        Silo s = silo();
        store(s, "one");
        store(s, "two");
        answer.set(480);
        s.registered(BOB);
        awaitSent(1);
        Thread.sleep(200);
        assertEquals(1, sent.size(), "the second waits behind the first, to keep the order");
        StoredMessage kept = s.list(BOB, 10).get(0);
        assertEquals(1, kept.attempts());
        assertEquals(clock.get() / 1000 + 30, kept.nextTry(), "30 s backoff after the first failure");
        assertTrue(log.stream().anyMatch(l -> l.contains("not delivered (answered 480)")), log.toString());
        answer.set(200);
        s.sweep();
        Thread.sleep(200);
        assertEquals(1, sent.size(), "the sweep waits for the backoff");
        clock.addAndGet(31_000);
        s.sweep();
        awaitSent(3);
        assertEquals(List.of("one", "one", "two"), sent.stream().map(SiloTest::text).toList());
        assertEquals(1L, s.statistics().snapshot().get("delivery_failures"));
    }

    @Test
    void theSweepRetriesOnlyUsersWhoAreRegistered() throws Exception {
        Silo s = silo(SiloConfig.defaults(), aor -> false);
        store(s, "one");
        s.sweep();
        Thread.sleep(200);
        assertEquals(0, sent.size());
    }

    @Test
    void theBackoffDoublesUpToAnHour() {
        assertEquals(30, Silo.backoffSeconds(0));
        assertEquals(60, Silo.backoffSeconds(1));
        assertEquals(1920, Silo.backoffSeconds(6));
        assertEquals(3600, Silo.backoffSeconds(7));
        assertEquals(3600, Silo.backoffSeconds(1000));
    }

    @Test
    void perUserLimitBodyLimitAndHeaderLengthsRefuse() throws Exception {
        Silo s = silo(new SiloConfig(true, 3600, 2, 10, 60), aor -> true);
        assertEquals(StoreOutcome.STORED, store(s, "one"));
        assertEquals(StoreOutcome.STORED, store(s, "two"));
        assertEquals(StoreOutcome.FULL, store(s, "three"));
        assertEquals(480, StoreOutcome.FULL.status());
        assertEquals(StoreOutcome.TOO_LARGE, s.store("<sip:a@example.com>", "sip:carol@example.com", "carol",
                "example.com", "text/plain", new byte[11], "c"));
        assertEquals(413, StoreOutcome.TOO_LARGE.status());
        assertEquals(StoreOutcome.BAD_HEADER, s.store("<sip:" + "a".repeat(600) + "@example.com>",
                "sip:carol@example.com", "carol", "example.com", "text/plain", new byte[1], "c"));
        assertEquals(StoreOutcome.STORED, s.store("<sip:a@example.com>", "sip:carol@example.com", "carol",
                "example.com", null, new byte[0], "c".repeat(400)), "no body, a long Call-ID");
        assertEquals(3L, s.statistics().snapshot().get("refused"));
        assertEquals(3L, s.statistics().snapshot().get("stored"));
    }

    @Test
    void concurrentMessagesAreCommittedTogetherAndTheLimitHoldsExactly() throws Exception {
        Silo s = silo(new SiloConfig(true, 3600, 10, 8192, 60), aor -> true);
        List<StoreOutcome> outcomes = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String user = i < 40 ? "bob" : "user" + (i % 20);
            threads.add(Thread.ofVirtual().start(() -> outcomes.add(s.store("<sip:a@example.com>",
                    "sip:" + user + "@example.com", user, "example.com", "text/plain", new byte[] {1}, "c"))));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(200, outcomes.size());
        assertEquals(30, outcomes.stream().filter(o -> o == StoreOutcome.FULL).count(), "bob: 40 sent, 10 kept");
        assertEquals(170, outcomes.stream().filter(o -> o == StoreOutcome.STORED).count());
        assertEquals(10, s.list(BOB, 100).size());
        assertEquals(170, s.list(null, 1000).size());
    }

    @Test
    void theSweepRemovesExpiredMessagesAndCountsThem() throws Exception {
        Silo s = silo(new SiloConfig(true, 60, 100, 8192, 60), aor -> false);
        store(s, "old");
        clock.addAndGet(30_000);
        store(s, "newer");
        clock.addAndGet(31_000);
        s.sweep();
        assertEquals(List.of("newer"), s.list(BOB, 10).stream().map(SiloTest::text).toList());
        assertEquals(1L, s.statistics().snapshot().get("expired"));
        assertTrue(log.contains("msilo: removed 1 expired undelivered message(s)"), log.toString());
        clock.addAndGet(60_000);
        s.registered(BOB);
        Thread.sleep(200);
        assertEquals(0, sent.size(), "an expired message is never delivered, even before the sweep removes it");
    }
}
