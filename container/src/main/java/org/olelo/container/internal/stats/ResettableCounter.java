package org.olelo.container.internal.stats;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.olelo.api.stats.Counter;

/**
 * A counter whose total only grows (what {@code /metrics} exports, so Prometheus' {@code rate()}
 * never sees it go backwards) and whose {@link #count()} starts again from 0 at each
 * {@link #reset()} (what the statistics commands show): a reset moves a baseline, never the total.
 * Either counts itself (a {@link LongAdder}: an increment is one atomic add, no lock) or reads a
 * total kept elsewhere (the SIP core's counters), which it then cannot increment. Thread-safe.
 */
final class ResettableCounter implements Counter {

    private final LongAdder adder;
    private final LongSupplier source;
    private volatile long baseline;

    private ResettableCounter(LongAdder adder, LongSupplier source) {
        this.adder = adder;
        this.source = source;
    }

    /** A counter that counts itself. */
    static ResettableCounter counting() {
        LongAdder a = new LongAdder();
        return new ResettableCounter(a, a::sum);
    }

    /** A counter that reads a growing total kept elsewhere; incrementing it is refused. */
    static ResettableCounter reading(LongSupplier total) {
        return new ResettableCounter(null, total);
    }

    @Override
    public void increment() {
        if (adder == null) {
            throw new UnsupportedOperationException("this counter reads a total kept elsewhere");
        }
        adder.increment();
    }

    @Override
    public void add(long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("a counter only grows: " + amount);
        }
        if (adder == null) {
            throw new UnsupportedOperationException("this counter reads a total kept elsewhere");
        }
        adder.add(amount);
    }

    /** What was counted since the last reset (or since start). */
    @Override
    public long count() {
        return total() - baseline;
    }

    /** What was counted since start; never goes down. */
    long total() {
        return source.getAsLong();
    }

    /** Starts {@link #count()} from 0 again; {@link #total()} is unchanged. */
    void reset() {
        baseline = total();
    }
}
