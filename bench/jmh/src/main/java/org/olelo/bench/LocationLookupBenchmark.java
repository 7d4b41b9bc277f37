package org.olelo.bench;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.olelo.apps.registrar.service.Aor;
import org.olelo.apps.registrar.service.KnownAors;
import org.olelo.apps.registrar.service.LocationService;
import org.olelo.apps.registrar.service.LookupResult;
import org.olelo.apps.registrar.service.RegistrarStatistics;
import org.olelo.apps.registrar.spi.Binding;
import org.olelo.apps.registrar.spi.SubscriberDirectory;
import org.olelo.apps.registrar.store.MemoryLocationStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The registrar's location lookup for a call (Kamailio's lookup("location")): a random user among
 * {@code users} registered ones, each with one or three contacts, in the in-memory store; the
 * result is the list of targets, best first.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LocationLookupBenchmark {

    /** Registered users. */
    @Param({"100000"})
    public int users;

    /** Contacts per user. */
    @Param({"1", "3"})
    public int contacts;

    private LocationService service;
    private Aor[] aors;
    private long now;

    /** Registers the users. */
    @Setup
    public void setUp() throws Exception {
        MemoryLocationStore store = new MemoryLocationStore();
        KnownAors known = new KnownAors();
        now = System.currentTimeMillis();
        aors = new Aor[users];
        for (int i = 0; i < users; i++) {
            Aor aor = Aor.of("sip", "user" + i, "127.0.0.1");
            aors[i] = aor;
            Binding[] bs = new Binding[contacts];
            for (int c = 0; c < contacts; c++) {
                bs[c] = new Binding(aor.key(), "sip:user" + i + "@10.0." + c + ".1:5060;transport=udp", now + 3_600_000,
                        c == 0 ? Binding.NO_Q : 500, "call-" + i + "-" + c, 1, List.of(), "10.0." + c + ".1:5060",
                        "udp", null, Binding.NO_REG_ID, "bench", now - c);
            }
            store.put(aor.key(), List.of(bs));
            known.add(aor.key());
        }
        service = new LocationService(store, SubscriberDirectory.NONE, known, new RegistrarStatistics());
    }

    /** @return the targets of a random registered user */
    @Benchmark
    public LookupResult lookup() {
        return service.lookup(aors[ThreadLocalRandom.current().nextInt(users)], now);
    }
}
