package org.olelo.apps.dispatcher;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.olelo.api.stats.Counter;
import org.olelo.api.stats.Statistics;

/**
 * The application's meters, in the container's {@link Statistics} when it offers them (group
 * {@code dispatcher}: {@code calls{destination=...}}, {@code probes_failed{destination=...}},
 * gauge {@code destinations_active}); otherwise kept locally, so that {@code dispatcher.list}
 * still shows them. Label values are configured destination URIs, a small set. Thread-safe.
 */
final class DispatcherStatistics {

    /** The meters of one destination. */
    record Meters(Counter calls, Counter probesFailed) {
    }

    private static final String GROUP = "dispatcher";

    private final Statistics statistics;
    /** Local meters by destination URI when there are no container statistics. */
    private final Map<String, Meters> local = new ConcurrentHashMap<>();

    /** @param statistics the container's statistics, or null when it has none */
    DispatcherStatistics(Statistics statistics) {
        this.statistics = statistics;
    }

    /** Registers the gauge of active destinations. */
    void activeGauge(LongSupplier active) {
        if (statistics != null) {
            statistics.gauge(GROUP, "destinations_active", "destinations that get calls now", active);
        }
    }

    /** The meters of {@code uri} (the same ones when asked again, e.g. after a reload). */
    Meters meters(String uri) {
        if (statistics == null) {
            return local.computeIfAbsent(uri, u -> new Meters(new Local(), new Local()));
        }
        return new Meters(
                statistics.counter(GROUP, "calls", "requests relayed to the destination", "destination", uri),
                statistics.counter(GROUP, "probes_failed", "probes the destination did not answer",
                        "destination", uri));
    }

    /** A counter of our own when the container offers no statistics. */
    private static final class Local implements Counter {
        private final LongAdder sum = new LongAdder();

        @Override
        public void increment() {
            sum.increment();
        }

        @Override
        public void add(long amount) {
            sum.add(amount);
        }

        @Override
        public long count() {
            return sum.sum();
        }
    }
}
