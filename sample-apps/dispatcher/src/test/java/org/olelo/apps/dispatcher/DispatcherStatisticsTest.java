package org.olelo.apps.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.olelo.api.stats.Counter;
import org.olelo.api.stats.Statistics;
import org.olelo.api.stats.Timer;

/** The meters reach the container's statistics under the agreed names, or stay local without them. */
class DispatcherStatisticsTest {

    /** A container's statistics as a map of {@code group.name{labels}} to meters. */
    private static final class Recorded implements Statistics {
        final Map<String, Counter> counters = new TreeMap<>();
        final Map<String, LongSupplier> gauges = new TreeMap<>();

        @Override
        public Counter counter(String group, String name, String help, String... labels) {
            return counters.computeIfAbsent(key(group, name, labels), k -> new Counter() {
                final AtomicLong n = new AtomicLong();

                @Override
                public void increment() {
                    n.incrementAndGet();
                }

                @Override
                public void add(long amount) {
                    n.addAndGet(amount);
                }

                @Override
                public long count() {
                    return n.get();
                }
            });
        }

        @Override
        public void gauge(String group, String name, String help, LongSupplier value, String... labels) {
            gauges.put(key(group, name, labels), value);
        }

        @Override
        public Timer timer(String group, String name, String help, String... labels) {
            throw new UnsupportedOperationException("this test double keeps counters and gauges, not timers");
        }

        private static String key(String group, String name, String... labels) {
            return group + "." + name + (labels.length == 0 ? "" : "{" + labels[0] + "=" + labels[1] + "}");
        }
    }

    private static Dispatcher dispatcher(DispatcherStatistics stats) throws Exception {
        Dispatcher d = new Dispatcher(DispatcherConfig.defaults(), new Dispatcher.Source() {
            @Override
            public List<Destination> load() {
                return List.of(Destination.of(1, "sip:10.0.0.1", 0, 0, "", ""),
                        Destination.of(1, "sip:10.0.0.2", 0, 0, "", ""));
            }

            @Override
            public String describe() {
                return "test";
            }
        }, u -> null, stats, s -> { });
        d.reload();
        return d;
    }

    @Test
    void metersAreRegisteredPerDestinationWithTheActiveGauge() throws Exception {
        Recorded recorded = new Recorded();
        DispatcherStatistics stats = new DispatcherStatistics(recorded);
        Dispatcher d = dispatcher(stats);
        stats.activeGauge(d::activeCount);
        LiveDestination first = d.all().get(0);
        first.meters.calls().increment();
        first.meters.probesFailed().add(2);
        assertEquals(List.of("dispatcher.calls{destination=sip:10.0.0.1}", "dispatcher.calls{destination=sip:10.0.0.2}",
                "dispatcher.probes_failed{destination=sip:10.0.0.1}", "dispatcher.probes_failed{destination=sip:10.0.0.2}"),
                List.copyOf(recorded.counters.keySet()));
        assertEquals(1, recorded.counters.get("dispatcher.calls{destination=sip:10.0.0.1}").count());
        assertEquals(2, recorded.counters.get("dispatcher.probes_failed{destination=sip:10.0.0.1}").count());
        assertEquals(2, recorded.gauges.get("dispatcher.destinations_active").getAsLong());
        first.probed(DestinationState.INACTIVE);
        assertEquals(1, recorded.gauges.get("dispatcher.destinations_active").getAsLong());
    }

    @Test
    void withoutContainerStatisticsCountsSurviveAReload() throws Exception {
        DispatcherStatistics stats = new DispatcherStatistics(null);
        Dispatcher d = dispatcher(stats);
        Counter before = d.all().get(0).meters.calls();
        before.increment();
        d.reload();
        assertSame(before, d.all().get(0).meters.calls());
        assertEquals(1, d.all().get(0).meters.calls().count());
    }
}
