package org.olelo.core.internal.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.olelo.core.spi.Resolver;
import org.olelo.core.stats.CoreStatistics;

/** The limits of host look-ups: how many run at once, one per name, and for how long answers are kept. */
class HostLookupsTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private final ConcurrentHashMap<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final CoreStatistics stats = new CoreStatistics();
    private final AtomicLong now = new AtomicLong();

    /** Every name waits for {@link #release}, then is 127.0.0.1. */
    private final Resolver hanging = host -> {
        calls.computeIfAbsent(host, k -> new AtomicInteger()).incrementAndGet();
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new InetAddress[] {InetAddress.getLoopbackAddress()};
    };

    @AfterEach
    void free() {
        release.countDown();
    }

    private static CompletableFuture<InetAddress> ask(HostLookups l, String host) {
        CompletableFuture<InetAddress> f = new CompletableFuture<>();
        l.lookup(host, (a, e) -> {
            if (e != null) {
                f.completeExceptionally(e);
            } else {
                f.complete(a[0]);
            }
        });
        return f;
    }

    @Test
    void atMostTheLimitRunAtOnceAndOneMoreFailsAtOnce() throws Exception {
        HostLookups l = new HostLookups(hanging, stats, now::get);
        CompletableFuture<?>[] waiting = new CompletableFuture<?>[HostLookups.MAX_CONCURRENT];
        for (int i = 0; i < waiting.length; i++) {
            waiting[i] = ask(l, "h" + i + ".example");
        }
        CompletableFuture<InetAddress> over = ask(l, "one-more.example");
        Throwable why = over.handle((a, e) -> e).get(1, TimeUnit.SECONDS);
        assertNotNull(why, "refused at once");
        assertTrue(why.getMessage().contains("too many look-ups in progress"), why.getMessage());
        assertNull(calls.get("one-more.example"), "the resolver was not asked");
        assertEquals(1, stats.get(CoreStatistics.Event.LOOKUP_REFUSED));
        release.countDown();
        CompletableFuture.allOf(waiting).get(5, TimeUnit.SECONDS);
        assertNotNull(ask(l, "one-more.example").get(5, TimeUnit.SECONDS), "slots are free again");
    }

    @Test
    void aNameAskedForWhileItsLookUpRunsWaitsForThatOne() throws Exception {
        HostLookups l = new HostLookups(hanging, stats, now::get);
        CompletableFuture<InetAddress> first = ask(l, "same.example");
        CompletableFuture<InetAddress> second = ask(l, "SAME.example");
        Thread blocking = Thread.ofVirtual().start(() -> {
            try {
                l.lookup("same.example");
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        release.countDown();
        assertEquals(InetAddress.getLoopbackAddress(), first.get(5, TimeUnit.SECONDS));
        assertEquals(InetAddress.getLoopbackAddress(), second.get(5, TimeUnit.SECONDS));
        blocking.join(5000);
        assertEquals(1, calls.values().stream().mapToInt(AtomicInteger::get).sum(), "one look-up: " + calls);
    }

    @Test
    void answersAreKeptForTheirTimeThenAskedAgain() throws Exception {
        release.countDown();
        HostLookups l = new HostLookups(hanging, stats, now::get);
        l.lookup("kept.example");
        now.addAndGet(TimeUnit.SECONDS.toNanos(HostLookups.TTL_SECONDS) - 1);
        l.lookup("kept.example");
        assertEquals(1, calls.get("kept.example").get(), "kept for " + HostLookups.TTL_SECONDS + " s");
        now.addAndGet(2);
        l.lookup("kept.example");
        assertEquals(2, calls.get("kept.example").get(), "asked again once stale");
    }

    @Test
    void aNameTooLongForDnsIsRefusedWithoutALookUp() throws Exception {
        HostLookups l = new HostLookups(hanging, stats, now::get);
        String longName = "a".repeat(HostLookups.MAX_NAME_LENGTH + 1);
        Throwable why = ask(l, longName).handle((a, e) -> e).get(1, TimeUnit.SECONDS);
        assertTrue(why instanceof UnknownHostException, String.valueOf(why));
        assertTrue(calls.isEmpty());
    }
}
