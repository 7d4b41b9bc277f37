package org.olelo.container.internal.security;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts failed authentications per key (a source address, a user) and blocks a key that fails
 * {@code maxFailures} times within one window of {@code blockMillis}: for the next
 * {@code blockMillis} every attempt under that key is refused. Kamailio users know this as
 * {@code pike} plus an {@code htable} of failures.
 *
 * <p>The start of a block is logged once at WARN, naming the key and never a password.
 *
 * <p>Blocking a user name lets anyone who can send requests lock that user out for the block time;
 * that is the usual price of stopping password guessing, and the block is short.
 *
 * <p>Bounded: when more than {@link #CAPACITY} keys are tracked, entries whose window and block are
 * over are dropped. Thread-safe.
 */
final class FailureGuard {

    static final int CAPACITY = 100_000;
    private static final Logger LOG = LoggerFactory.getLogger(FailureGuard.class);

    /** Failures of one key in its current window. */
    private record Entry(long windowStart, int failures, long blockedUntil) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final int maxFailures;
    private final long blockMillis;
    private final LongSupplier clock;

    /**
     * @param maxFailures failures within a window that block a key
     * @param blockMillis the window and the block length
     * @param clock       milliseconds
     */
    FailureGuard(int maxFailures, long blockMillis, LongSupplier clock) {
        this.maxFailures = maxFailures;
        this.blockMillis = blockMillis;
        this.clock = clock;
    }

    /**
     * @param key a source address or user key
     * @return true while the key is blocked
     */
    boolean blocked(String key) {
        Entry e = entries.get(key);
        return e != null && clock.getAsLong() < e.blockedUntil();
    }

    /**
     * Records a failure.
     *
     * @param key  the key that failed
     * @param what how to name the key in the log, e.g. {@code source 192.0.2.1}
     */
    void failed(String key, String what) {
        long now = clock.getAsLong();
        Entry after = entries.compute(key, (k, e) -> {
            if (e == null || now - e.windowStart() >= blockMillis && now >= e.blockedUntil()) {
                e = new Entry(now, 0, 0);
            }
            int n = e.failures() + 1;
            return new Entry(e.windowStart(), n, n == maxFailures ? now + blockMillis : e.blockedUntil());
        });
        if (after.failures() == maxFailures) {
            LOG.warn("authentication: {} blocked for {} s after {} failed attempts", what, blockMillis / 1000,
                    maxFailures);
        }
        if (entries.size() > CAPACITY) {
            entries.values().removeIf(e -> now - e.windowStart() >= blockMillis && now >= e.blockedUntil());
        }
    }

    /**
     * Forgets the failures of a key that authenticated successfully.
     *
     * @param key the key
     */
    void succeeded(String key) {
        entries.computeIfPresent(key, (k, e) -> clock.getAsLong() < e.blockedUntil() ? e : null);
    }
}
