package org.olelo.resolver.dns;

import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.xbill.DNS.Record;

/**
 * DNS answers by question (name and type) for the TTL of their records: a fixed table of slots,
 * each holding the last question that hashed to it, so that its size does not depend on how many
 * names are asked for (names come from requests, i.e. from peers). Constant work per read and
 * write, no locks; safe from any thread.
 */
final class RecordCache {

    /**
     * One answer: the records (empty for "no such name or record"), or why the query failed, and
     * when it goes stale.
     *
     * @param failure null for an answer, else the reason the query failed
     */
    record Entry(String question, List<Record> records, String failure, long expiresNanos) {
    }

    private final AtomicReferenceArray<Entry> slots;
    private final int mask;

    /** @param entries answers kept at most (rounded up to a power of two) */
    RecordCache(int entries) {
        int n = Integer.highestOneBit(Math.max(16, entries - 1)) << 1;
        slots = new AtomicReferenceArray<>(n);
        mask = n - 1;
    }

    /** The fresh entry for a question ({@link #question}), or null. */
    Entry get(String question, long nowNanos) {
        Entry e = slots.get(slot(question));
        return e != null && e.question().equals(question) && nowNanos - e.expiresNanos() < 0 ? e : null;
    }

    /** Keeps an answer, replacing whatever the slot held. */
    void put(Entry e) {
        slots.set(slot(e.question()), e);
    }

    /** The key of a question: type and lower-case absolute name. */
    static String question(String name, int type) {
        return type + " " + name.toLowerCase(java.util.Locale.ROOT);
    }

    private int slot(String q) {
        int h = q.hashCode();
        return (h ^ (h >>> 16)) & mask;
    }
}
