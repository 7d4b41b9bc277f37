package org.olelo.container.internal.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Failed authentications counted per key (an address, a user, a user at an address) within a
 * window, with a block once a threshold is reached, in a table whose size and cost per event are
 * bounded whatever the keys an attacker makes up.
 *
 * <p>Layout: {@value #STRIPES} stripes, each a {@link LinkedHashMap} in access order holding at
 * most {@code capacity / STRIPES} entries behind its own lock; a key's stripe follows from its
 * hash. One event locks one stripe and does one look-up, at most one insertion and at most one
 * eviction, the stripe's least recently touched entry: nothing scans the table, and each map is
 * sized for its bound up front so it never rehashes. Keys are strings, so a flood of keys with
 * equal hashes lands in tree bins ordered by {@link String#compareTo} and a look-up stays
 * logarithmic in the stripe size.
 *
 * <p>Expiry without a sweep: an entry whose window and block are both over counts as absent, and
 * the next failure restarts it in place. Entries nobody touches drift to the eldest end of their
 * stripe and are the first to go when new keys arrive, so old entries cost memory only up to the
 * bound.
 *
 * <p>Under pressure the least recently touched entries are forgotten, blocked ones included. To
 * push out a running block, {@code capacity / STRIPES} new failing keys must land in that stripe
 * between two attempts under the blocked key; failures cost a challenge round trip from a real
 * address (nonces are bound to it), and the per-address threshold stops one address long before.
 *
 * <p>Thread-safe; an event holds one stripe lock for a map operation and never blocks otherwise.
 *
 * @see FailureGuard
 */
final class FailureTable {

    /** Number of independently locked stripes. */
    static final int STRIPES = 64;

    /** One key's failures; guarded by its stripe's lock. */
    private static final class Count {
        long windowStart;
        int failures;
        long blockedUntil;
    }

    private final Map<String, Count>[] stripes;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];
    private final int stripeCapacity;
    private final long windowMillis;
    private final int threshold;
    private final LongAdder visits = new LongAdder();

    /**
     * @param capacity     most entries kept (rounded up to a multiple of {@value #STRIPES})
     * @param windowMillis the window in which failures add up, and the length of a block
     * @param threshold    failures within a window that start a block; 0 for a table that only
     *                     counts
     */
    @SuppressWarnings("unchecked")
    FailureTable(int capacity, long windowMillis, int threshold) {
        this.stripeCapacity = Math.max(1, (capacity + STRIPES - 1) / STRIPES);
        this.windowMillis = windowMillis;
        this.threshold = threshold;
        this.stripes = new Map[STRIPES];
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
            stripes[i] = new LinkedHashMap<>(stripeCapacity * 4 / 3 + 2, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Count> eldest) {
                    if (size() > stripeCapacity) {
                        visits.increment();
                        return true;
                    }
                    return false;
                }
            };
        }
    }

    private int stripe(String key) {
        int h = key.hashCode();
        return (h ^ (h >>> 16)) & (STRIPES - 1);
    }

    /**
     * Records a failure.
     *
     * @param key the key that failed
     * @param now the time, milliseconds
     * @return the failures of the key within its current window, this one included; equal to the
     *         threshold exactly when this failure started a block
     */
    int failed(String key, long now) {
        int s = stripe(key);
        locks[s].lock();
        try {
            Map<String, Count> m = stripes[s];
            visits.increment();
            Count e = m.get(key);
            if (e == null) {
                e = new Count();
                e.windowStart = now;
                visits.increment();
                m.put(key, e);
            } else if (over(e, now)) {
                e.windowStart = now;
                e.failures = 0;
                e.blockedUntil = 0;
            }
            e.failures++;
            if (threshold > 0 && e.failures == threshold) {
                e.blockedUntil = now + windowMillis;
            }
            return e.failures;
        } finally {
            locks[s].unlock();
        }
    }

    /**
     * @param key a key
     * @param now the time, milliseconds
     * @return true while the key is blocked
     */
    boolean blocked(String key, long now) {
        int s = stripe(key);
        locks[s].lock();
        try {
            visits.increment();
            Count e = stripes[s].get(key);
            return e != null && now < e.blockedUntil;
        } finally {
            locks[s].unlock();
        }
    }

    /**
     * Forgets the failures of a key, unless it is blocked (a block runs its course).
     *
     * @param key a key that authenticated successfully
     * @param now the time, milliseconds
     */
    void forget(String key, long now) {
        int s = stripe(key);
        locks[s].lock();
        try {
            visits.increment();
            Map<String, Count> m = stripes[s];
            Count e = m.get(key);
            if (e != null && now >= e.blockedUntil) {
                m.remove(key);
            }
        } finally {
            locks[s].unlock();
        }
    }

    private boolean over(Count e, long now) {
        return now - e.windowStart >= windowMillis && now >= e.blockedUntil;
    }

    /** @return the most entries the table keeps */
    int capacity() {
        return stripeCapacity * STRIPES;
    }

    /** @return the entries held now, expired ones included (a sum over the stripes; for tests) */
    int size() {
        int n = 0;
        for (int i = 0; i < STRIPES; i++) {
            locks[i].lock();
            try {
                n += stripes[i].size();
            } finally {
                locks[i].unlock();
            }
        }
        return n;
    }

    /** @return how many entries the events so far looked up, created or evicted (for tests) */
    long visits() {
        return visits.sum();
    }
}
