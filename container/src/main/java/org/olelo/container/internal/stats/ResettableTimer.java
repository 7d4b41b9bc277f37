package org.olelo.container.internal.stats;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.olelo.api.stats.Timer;

/**
 * A timer: how many durations, their sum, and the largest of the last one to two minutes. The
 * totals only grow (what {@code /metrics} exports); {@link #count()} and {@link #totalNanos()}
 * start again from 0 at each {@link #reset()} (what the statistics commands show). Thread-safe;
 * recording costs two atomic adds and, for a new largest duration, one compare-and-set.
 */
final class ResettableTimer implements Timer {

    /** Length of one window of the largest duration. */
    static final long WINDOW_NANOS = 60_000_000_000L;

    private final LongAdder count = new LongAdder();
    private final LongAdder nanos = new LongAdder();
    private final AtomicLong max = new AtomicLong();
    private final AtomicLong previousMax = new AtomicLong();
    private volatile long windowStart = System.nanoTime();
    private volatile long baseCount;
    private volatile long baseNanos;

    @Override
    public void record(long duration) {
        if (duration < 0) {
            throw new IllegalArgumentException("a duration is not negative: " + duration);
        }
        count.increment();
        nanos.add(duration);
        rotate();
        if (duration > max.get()) {
            max.accumulateAndGet(duration, Math::max);
        }
    }

    /** Starts a new window of the largest duration once the current one is over. */
    private void rotate() {
        long start = windowStart;
        if (System.nanoTime() - start > WINDOW_NANOS) {
            synchronized (this) {
                if (windowStart == start) {
                    previousMax.set(max.getAndSet(0));
                    windowStart = System.nanoTime();
                }
            }
        }
    }

    @Override
    public long count() {
        return totalCount() - baseCount;
    }

    /** The sum of the durations recorded since the last reset, nanoseconds. */
    long totalNanos() {
        return nanos.sum() - baseNanos;
    }

    /** Durations recorded since start. */
    long totalCount() {
        return count.sum();
    }

    /** The sum of the durations recorded since start, seconds. */
    double totalSeconds() {
        return nanos.sum() / 1e9;
    }

    /** The largest duration of the current and the previous window, seconds. */
    double maxSeconds() {
        rotate();
        return Math.max(max.get(), previousMax.get()) / 1e9;
    }

    /** Starts {@link #count()} and {@link #totalNanos()} from 0 again. */
    synchronized void reset() {
        baseCount = count.sum();
        baseNanos = nanos.sum();
    }
}
