package org.olelo.api.stats;

import java.time.Duration;

/** A timer. Thread-safe. */
public interface Timer {

    /** Records one duration in nanoseconds (not negative). */
    void record(long nanos);

    /** Records one duration. */
    default void record(Duration duration) {
        record(duration.toNanos());
    }

    /** How many durations were recorded. */
    long count();
}
