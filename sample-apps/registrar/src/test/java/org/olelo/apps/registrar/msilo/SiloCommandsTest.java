package org.olelo.apps.registrar.msilo;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.api.rpc.RpcCommand;
import org.olelo.api.rpc.RpcException;
import org.olelo.api.rpc.RpcParams;
import org.olelo.api.stats.Counter;
import org.olelo.api.stats.Statistics;
import org.olelo.api.stats.Timer;
import org.olelo.apps.registrar.store.SchemaMigrator;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code msilo.dump} over a real table, and the statistics registered with the container's {@link Statistics}. */
class SiloCommandsTest {

    @TempDir
    Path dir;

    /** Statistics as the container keeps them: by {@code group.name}. */
    private static final class Recorded implements Statistics {
        final Map<String, Counter> counters = new TreeMap<>();
        final Map<String, LongSupplier> gauges = new TreeMap<>();

        @Override
        public Counter counter(String group, String name, String help, String... labels) {
            AtomicLong n = new AtomicLong();
            Counter c = new Counter() {
                public void increment() {
                    n.incrementAndGet();
                }

                public void add(long amount) {
                    n.addAndGet(amount);
                }

                public long count() {
                    return n.get();
                }
            };
            counters.put(group + "." + name, c);
            return c;
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
    void dumpListsMessagesPerUserWithoutBodiesAndTheStatisticsAreTheContainers() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("olelo").toAbsolutePath().toString().replace('\\', '/'));
        ds.setUser("sa");
        SchemaMigrator.migrate(ds, getClass().getClassLoader());
        Recorded stats = new Recorded();
        long now = 1_800_000_000_000L;
        try (Silo silo = new Silo(SiloConfig.defaults(), new SiloStore(ds), m -> CompletableFuture.completedFuture(200),
                aor -> false, g -> SiloStatistics.create(stats, g), (m, e) -> { }, () -> now)) {
            silo.store("<sip:alice@example.com>", "sip:bob@example.com", "bob", "example.com", "text/plain",
                    "secret words".getBytes(), "c1");
            silo.store("<sip:alice@example.com>", "sip:carol@example.com", "carol", "example.com", "text/plain",
                    "hi".getBytes(), "c2");
            RpcCommand dump = SiloCommands.commands(silo).get(0);
            assertEquals("msilo.dump", dump.name());
            Map<?, ?> all = (Map<?, ?>) dump.handler().call(new RpcParams(Map.of()));
            List<?> users = (List<?>) all.get("users");
            assertEquals(2, users.size());
            assertEquals(false, all.get("truncated"));
            Map<?, ?> bob = (Map<?, ?>) users.get(0);
            assertEquals("sip:bob@example.com", bob.get("aor"));
            Map<?, ?> msg = (Map<?, ?>) ((List<?>) bob.get("messages")).get(0);
            assertEquals("<sip:alice@example.com>", msg.get("from"));
            assertEquals(12, msg.get("size"));
            assertEquals("2027-01-15T08:00:00Z", msg.get("received"));
            assertEquals(null, msg.get("next_attempt"));
            assertEquals(false, msg.containsValue("secret words"), "no body");
            Map<?, ?> one = (Map<?, ?>) dump.handler().call(RpcParams.positional(dump.params(), List.of("sip:carol@example.com")));
            assertEquals(1, ((List<?>) one.get("users")).size());
            Map<?, ?> truncated = (Map<?, ?>) dump.handler().call(new RpcParams(Map.of("limit", 1)));
            assertEquals(true, truncated.get("truncated"));
            RpcException none = assertThrows(RpcException.class,
                    () -> dump.handler().call(new RpcParams(Map.of("aor", "sip:dave@example.com"))));
            assertEquals(RpcException.NOT_FOUND, none.code());
            assertEquals(RpcException.INVALID_PARAMS, assertThrows(RpcException.class,
                    () -> dump.handler().call(new RpcParams(Map.of("limit", 0)))).code());

            assertEquals(List.of("msilo.delivered", "msilo.delivery_failures", "msilo.expired", "msilo.refused",
                    "msilo.stored"), List.copyOf(stats.counters.keySet()));
            assertEquals(2, stats.counters.get("msilo.stored").count());
            assertEquals(2, stats.gauges.get("msilo.messages").getAsLong());
        }
    }
}
