package org.olelo.apps.presence.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.api.stats.Counter;
import org.olelo.api.stats.Statistics;
import org.olelo.api.stats.Timer;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.olelo.apps.presence.service.ServiceFixture.pidf;

/** The counters and gauges as the container's statistics see them, and the limit on subscriptions. */
class PresenceStatisticsTest {

    @TempDir
    Path dir;

    /** The container's side, recorded: meters by {@code group.name}. */
    private static final class Recorded implements Statistics {
        final Map<String, AtomicLong> counters = new TreeMap<>();
        final Map<String, LongSupplier> gauges = new TreeMap<>();

        @Override
        public Counter counter(String group, String name, String help, String... labels) {
            AtomicLong n = counters.computeIfAbsent(group + "." + name, k -> new AtomicLong());
            return new Counter() {
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
            };
        }

        @Override
        public void gauge(String group, String name, String help, LongSupplier value, String... labels) {
            gauges.put(group + "." + name, value);
        }

        @Override
        public Timer timer(String group, String name, String help, String... labels) {
            throw new UnsupportedOperationException("this test double keeps counters and gauges, not timers");
        }
    }

    @Test
    void publicationsSubscriptionsAndNotifiesAreCountedInTheContainersStatistics() throws Exception {
        ServiceFixture f = new ServiceFixture(dir, Policy.ALLOW);
        Recorded recorded = new Recorded();
        f.start(f.store, Policy.ALLOW, new PresenceStatistics(recorded, () -> f.service.publishingCount(),
                () -> f.service.subscriptionCount()), 1);
        f.publish("alice", null, null, pidf("pc", "open"));
        f.watch(f.subscribe("bob", "example.com", "presence", null), new RecordingChannel());
        f.publish("alice", null, null, pidf("phone", "open"));
        assertEquals("{presence.notifies=2, presence.publications=2, presence.subscriptions=1}",
                recorded.counters.toString());
        assertEquals(1, recorded.gauges.get("presence.presentities").getAsLong());
        assertEquals(1, recorded.gauges.get("presence.active_subscriptions").getAsLong());

        f.rejected(503, () -> f.watch(f.subscribe("carol", "example.com", "presence", null), new RecordingChannel()));
    }
}
