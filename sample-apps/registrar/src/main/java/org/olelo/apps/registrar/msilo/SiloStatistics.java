package org.olelo.apps.registrar.msilo;

import org.olelo.api.stats.Counter;
import org.olelo.api.stats.Statistics;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The counters of the offline message store, group {@code msilo}: registered with the container's
 * {@link Statistics} when it offers them (so they appear as {@code olelo_msilo_stored_total} and
 * in {@code stats.get_statistics}), else kept here. Thread-safe; an increment is an atomic add.
 */
public final class SiloStatistics {

    /** The statistics group. */
    public static final String GROUP = "msilo";

    private final Counter stored;
    private final Counter delivered;
    private final Counter expired;
    private final Counter refused;
    private final Counter failures;

    private SiloStatistics(Statistics s) {
        stored = counter(s, "stored", "MESSAGEs stored for offline users and answered 202");
        delivered = counter(s, "delivered", "stored MESSAGEs delivered (answered 2xx) and removed");
        expired = counter(s, "expired", "stored MESSAGEs removed undelivered when their time ran out");
        refused = counter(s, "refused", "MESSAGEs for offline users not stored: mailbox full, body too large, database down");
        failures = counter(s, "delivery_failures", "delivery attempts answered with an error or not answered");
    }

    /**
     * @param s       the container's statistics, or null when it offers none
     * @param pending the number of stored messages, read when statistics are read
     * @return the counters, registered with {@code s} when given
     */
    public static SiloStatistics create(Statistics s, LongSupplier pending) {
        SiloStatistics stats = new SiloStatistics(s);
        if (s != null) {
            s.gauge(GROUP, "messages", "stored MESSAGEs waiting for delivery", pending);
        }
        return stats;
    }

    private static Counter counter(Statistics s, String name, String help) {
        return s == null ? new Local() : s.counter(GROUP, name, help);
    }

    void stored() {
        stored.increment();
    }

    void delivered() {
        delivered.increment();
    }

    void expired(long n) {
        expired.add(n);
    }

    void refused() {
        refused.increment();
    }

    void failure() {
        failures.increment();
    }

    /** @return the counts by name ({@code stored}, {@code delivered}, {@code expired}, {@code refused}, {@code delivery_failures}) */
    public Map<String, Long> snapshot() {
        return Map.of("stored", stored.count(), "delivered", delivered.count(), "expired", expired.count(),
                "refused", refused.count(), "delivery_failures", failures.count());
    }

    /** A counter of our own when the container offers none. */
    private static final class Local implements Counter {
        private final AtomicLong n = new AtomicLong();

        @Override
        public void increment() {
            n.incrementAndGet();
        }

        @Override
        public void add(long amount) {
            n.addAndGet(amount);
        }

        @Override
        public long count() {
            return n.get();
        }
    }
}
