package org.olelo.container.internal.stats;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gauge that several owners may register under one key (two versions of one application while
 * the old one drains): the newest registration gives the value, and when its owner goes the one
 * before takes over. Read on the thread that reads the statistics; thread-safe.
 */
final class SharedGauge {

    private static final Logger LOG = LoggerFactory.getLogger(SharedGauge.class);

    private record Source(Object owner, LongSupplier value) {
    }

    private final String name;
    private final CopyOnWriteArrayList<Source> sources = new CopyOnWriteArrayList<>();

    /** @param name the gauge's name, for the log */
    SharedGauge(String name) {
        this.name = name;
    }

    /** Makes {@code value} this owner's source, and the current one. */
    synchronized void add(Object owner, LongSupplier value) {
        sources.removeIf(s -> s.owner() == owner);
        sources.add(new Source(owner, value));
    }

    /** Forgets the owner's source; true when no source is left. */
    synchronized boolean remove(Object owner) {
        sources.removeIf(s -> s.owner() == owner);
        return sources.isEmpty();
    }

    /** The current value, or null when there is none or reading it failed (logged at DEBUG). */
    Long read() {
        Source current = null;
        for (Source s : sources) {
            current = s;
        }
        if (current == null) {
            return null;
        }
        try {
            return current.value().getAsLong();
        } catch (RuntimeException e) {
            LOG.debug("gauge {} could not be read: {}", name, e.toString());
            return null;
        }
    }

    /** The current value for Micrometer: NaN when there is none (Prometheus shows NaN). */
    double value() {
        Long v = read();
        return v == null ? Double.NaN : v;
    }
}
