package org.olelo.apps.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.olelo.api.stats.Counter;
import org.olelo.api.stats.Statistics;
import org.olelo.api.stats.Timer;
import org.olelo.apps.registrar.service.ContactSpec;
import org.olelo.apps.registrar.service.RegisterRequest;
import org.olelo.apps.registrar.service.RegisterResult;

/** With the container's statistics offered, the registrar counts there, in the group {@code registrar}. */
class RegistrarMetersTest {

    /** A {@link Statistics} that keeps what is registered, by {@code group.name}. */
    private static final class Recording implements Statistics {
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

    private static RegisterRequest register(String contact, String expires) {
        return new RegisterRequest("example.com", "sip", "alice", "example.com", null, false,
                List.of(ContactSpec.of(contact).withExpires(expires)), null, "c@ua", 1, List.of(), false,
                new RegisterRequest.Source("192.0.2.50", 5060, "UDP"), null);
    }

    @Test
    void registrationsAndContactsAreCountedInTheContainersStatistics() throws Exception {
        Recording stats = new Recording();
        RegistrarConfig d = RegistrarConfig.defaults();
        RegistrarConfig c = new RegistrarConfig(org.olelo.apps.registrar.store.DbMode.MEMORY, d.flushInterval(), d.cleanupInterval(), d.defaultExpires(),
                d.minExpires(), d.maxExpires(), d.maxContacts(), d.forkMode(), List.of("example.com"), d.pathMode(),
                d.revealOffline());
        try (RegistrarRuntime r = RegistrarRuntime.start(c, null, getClass().getClassLoader(), List::of, (m, e) -> { },
                stats)) {
            long now = System.currentTimeMillis();
            assertInstanceOf(RegisterResult.Accepted.class, r.registrar().register(register("sip:alice@192.0.2.50", "600"), now));
            assertInstanceOf(RegisterResult.Accepted.class, r.registrar().register(register("sip:alice@192.0.2.51", "600"), now));
            assertEquals(List.of("registrar.contacts_expired", "registrar.lookup_hits", "registrar.lookup_misses",
                    "registrar.registrations_accepted", "registrar.registrations_rejected"), List.copyOf(stats.counters.keySet()));
            assertEquals(2, stats.counters.get("registrar.registrations_accepted").get());
            assertEquals(2, stats.gauges.get("registrar.contacts").getAsLong());
            assertEquals(2, r.statistics().acceptedRegistrations(), "the application's own view reads the same counter");
        }
    }
}
