package org.olelo.container.internal.compose;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Routing decisions waiting for their request to come back to this server, by key: the Via branch
 * of a request handed to the next application over the internal transport, or the token of a
 * route back to this server. Each is taken once; one that never comes back is dropped after
 * {@link #LIFETIME_NANOS} (swept every few hundred additions, so no timer per entry).
 *
 * <p>Thread-safe: added on application executors, taken on transport reader threads.
 */
final class PendingSelections {

    /** How long a decision waits for its request (64 × T1, the life of a transaction). */
    static final long LIFETIME_NANOS = TimeUnit.SECONDS.toNanos(32);
    private static final int SWEEP_EVERY = 256;

    /** A saved decision and when it stops being valid. */
    record Entry(Object value, long deadline) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicInteger additions = new AtomicInteger();

    void put(String key, Object value) {
        long now = System.nanoTime();
        entries.put(key, new Entry(value, now + LIFETIME_NANOS));
        if (additions.incrementAndGet() % SWEEP_EVERY == 0) {
            entries.values().removeIf(e -> now - e.deadline() > 0);
        }
    }

    /** Removes and returns the decision saved under the key, or null when none is (still) there. */
    Object take(String key) {
        Entry e = entries.remove(key);
        return e == null || System.nanoTime() - e.deadline() > 0 ? null : e.value();
    }

    int size() {
        return entries.size();
    }
}
