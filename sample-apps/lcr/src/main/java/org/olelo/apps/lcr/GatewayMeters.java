package org.olelo.apps.lcr;

import org.olelo.api.stats.Counter;
import org.olelo.api.stats.Statistics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of the application: per gateway (by {@code gw_name}) the INVITEs sent to it
 * ({@code lcr.gw_attempts}), those it answered 2xx ({@code lcr.gw_answered}) and those that failed
 * over or timed out ({@code lcr.gw_failed}); and the calls routed ({@code lcr.routed}), without a
 * matching rule ({@code lcr.not_found}) and with no usable gateway ({@code lcr.no_gateway}). They
 * are registered with the container's {@link Statistics} when it offers them, else kept here only
 * (read by {@code lcr.dump_gws}). One entry per gateway name loaded from the database.
 *
 * <p>Thread-safe; increments are lock-free.
 */
final class GatewayMeters {

    /** The counters of one gateway. */
    record Of(Counter attempts, Counter answered, Counter failed) {
    }

    private final Statistics statistics;
    private final Map<String, Of> byGateway = new ConcurrentHashMap<>();
    final Counter routed;
    final Counter notFound;
    final Counter noGateway;

    /** @param statistics the container's statistics, or null */
    GatewayMeters(Statistics statistics) {
        this.statistics = statistics;
        routed = counter("routed", "INVITEs sent to a gateway");
        notFound = counter("not_found", "INVITEs whose number matched no rule");
        noGateway = counter("no_gateway", "INVITEs whose rules had no usable gateway");
    }

    /** @return the counters of the gateway named {@code name}, created at its first use */
    Of of(String name) {
        return byGateway.computeIfAbsent(name, n -> new Of(
                counter("gw_attempts", "INVITEs sent to the gateway", "gw", n),
                counter("gw_answered", "INVITEs the gateway answered with 2xx", "gw", n),
                counter("gw_failed", "INVITEs the gateway failed (408, 5xx, no answer)", "gw", n)));
    }

    private Counter counter(String name, String help, String... labels) {
        if (statistics != null) {
            try {
                return statistics.counter("lcr", name, help, labels);
            } catch (IllegalArgumentException e) {
                // a label value the registry refuses: counted here only
            }
        }
        return new Local();
    }

    /** A counter of this application only. */
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
