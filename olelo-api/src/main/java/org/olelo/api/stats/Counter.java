package org.olelo.api.stats;

/** A counter. Thread-safe; an increment costs an atomic add. */
public interface Counter {

    /** Adds one. */
    void increment();

    /** Adds {@code amount} (not negative). */
    void add(long amount);

    /** The current count. */
    long count();
}
