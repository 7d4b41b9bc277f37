package org.olelo.container.internal.stats;

import java.util.concurrent.TimeUnit;
import org.olelo.api.stats.Timer;

/**
 * A timer over a Micrometer timer (which exports count, sum and the largest recent duration), with
 * a baseline so that {@link #count()} and {@link #totalNanos()} start again from 0 at each
 * {@link #reset()} while the exported totals only grow. Thread-safe; recording costs what
 * Micrometer's timer costs (a few atomic adds).
 */
final class ResettableTimer implements Timer {

    private final io.micrometer.core.instrument.Timer timer;
    private volatile long baseCount;
    private volatile double baseNanos;

    ResettableTimer(io.micrometer.core.instrument.Timer timer) {
        this.timer = timer;
    }

    @Override
    public void record(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("a duration is not negative: " + nanos);
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public long count() {
        return timer.count() - baseCount;
    }

    /** The sum of the durations recorded since the last reset, nanoseconds. */
    long totalNanos() {
        return Math.round(timer.totalTime(TimeUnit.NANOSECONDS) - baseNanos);
    }

    /** Starts {@link #count()} and {@link #totalNanos()} from 0 again. */
    synchronized void reset() {
        baseCount = timer.count();
        baseNanos = timer.totalTime(TimeUnit.NANOSECONDS);
    }

    /** The Micrometer timer that is exported. */
    io.micrometer.core.instrument.Timer meter() {
        return timer;
    }
}
