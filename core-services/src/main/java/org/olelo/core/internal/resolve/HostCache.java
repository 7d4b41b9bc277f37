package org.olelo.core.internal.resolve;

import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What recent look-ups answered, by host name, for a while: a fixed table of {@value #SLOTS}
 * slots, each holding the last name that hashed to it, so that its size does not depend on how
 * many names the peers send. Constant work per read and write, no locks; safe from any thread.
 */
final class HostCache {

    /** Slots of the table (a power of two). */
    static final int SLOTS = 1024;

    /**
     * One answer: the addresses, or the reason the name has none, and when it goes stale.
     *
     * @param failure null for addresses, else why the look-up failed
     */
    record Entry(String host, InetAddress[] addresses, String failure, long expiresNanos) {
    }

    private final AtomicReferenceArray<Entry> slots = new AtomicReferenceArray<>(SLOTS);

    /** The fresh entry for a (lower-case) host, or null. */
    Entry get(String host, long nowNanos) {
        Entry e = slots.get(slot(host));
        return e != null && e.host().equals(host) && nowNanos - e.expiresNanos() < 0 ? e : null;
    }

    /** Keeps an answer, replacing whatever the slot held. */
    void put(Entry e) {
        slots.set(slot(e.host()), e);
    }

    private static int slot(String host) {
        int h = host.hashCode();
        return (h ^ (h >>> 16)) & (SLOTS - 1);
    }
}
