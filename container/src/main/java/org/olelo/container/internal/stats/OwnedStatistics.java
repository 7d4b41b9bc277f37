package org.olelo.container.internal.stats;

import java.util.Set;
import java.util.function.LongSupplier;
import org.olelo.api.stats.Counter;
import org.olelo.api.stats.Statistics;
import org.olelo.api.stats.Timer;

/**
 * The {@link Statistics} of one owner (the container, or one deployed version of an application):
 * registers into the server's {@link StatisticsRegistry}; {@link #close()} removes the meters no
 * other owner registered too. Registering after close is refused, and so is registering in a group
 * the owner may not use (an application in the container's groups). Thread-safe.
 */
public final class OwnedStatistics implements Statistics, AutoCloseable {

    private final StatisticsRegistry registry;
    private final String owner;
    private final Set<String> reserved;
    private volatile boolean closed;

    /**
     * @param reserved the groups this owner may not register in
     */
    OwnedStatistics(StatisticsRegistry registry, String owner, Set<String> reserved) {
        this.registry = registry;
        this.owner = owner;
        this.reserved = reserved;
    }

    @Override
    public Counter counter(String group, String name, String help, String... labels) {
        return registry.counter(open(), key(group, name, labels), help, null);
    }

    /**
     * A counter that reads a growing total kept elsewhere (the SIP core's counters), so nothing is
     * counted twice; it can be reset like the others but not incremented.
     */
    public Counter counterOf(String group, String name, String help, LongSupplier total, String... labels) {
        return registry.counter(open(), key(group, name, labels), help, total);
    }

    @Override
    public void gauge(String group, String name, String help, LongSupplier value, String... labels) {
        if (value == null) {
            throw new IllegalArgumentException("a gauge needs a value supplier");
        }
        registry.gauge(open(), key(group, name, labels), help, value);
    }

    @Override
    public Timer timer(String group, String name, String help, String... labels) {
        return registry.timer(open(), key(group, name, labels), help);
    }

    private MeterKey key(String group, String name, String... labels) {
        MeterKey k = MeterKey.of(group, name, labels);
        if (reserved.contains(group)) {
            throw new IllegalArgumentException("the group " + group + " is the container's; choose a group of your own");
        }
        return k;
    }

    private OwnedStatistics open() {
        if (closed) {
            throw new IllegalStateException("the statistics of " + owner + " are closed");
        }
        return this;
    }

    /** Removes what this owner registered (meters shared with another owner stay); idempotent. */
    @Override
    public void close() {
        closed = true;
        registry.release(this);
    }

    @Override
    public String toString() {
        return "statistics of " + owner;
    }
}
