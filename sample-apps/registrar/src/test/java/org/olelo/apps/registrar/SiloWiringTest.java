package org.olelo.apps.registrar;

import jakarta.servlet.ServletContext;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.api.rpc.RpcCommand;
import org.olelo.api.rpc.RpcCommands;
import org.olelo.api.stats.Counter;
import org.olelo.api.stats.Statistics;
import org.olelo.api.stats.Timer;
import org.olelo.apps.registrar.msilo.Silo;
import org.olelo.apps.registrar.store.DbMode;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How the registrar wires its offline store into the application's context: published with the
 * container's management command and statistics when the container offers them, running without
 * them when it does not, and not at all when it is off or has no database.
 */
class SiloWiringTest {

    @TempDir
    Path dir;
    private final Map<String, Object> attributes = new HashMap<>();
    private final Map<String, String> params = new HashMap<>();
    private final List<String> log = new CopyOnWriteArrayList<>();

    /** A ServletContext that keeps attributes and init parameters in maps and records log lines. */
    private ServletContext context() {
        return (ServletContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ServletContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "removeAttribute" -> attributes.remove((String) args[0]);
                    case "getInitParameter" -> params.get((String) args[0]);
                    case "log" -> log.add((String) args[0]);
                    default -> null;
                });
    }

    private RegistrarRuntime runtime(JdbcDataSource ds) throws Exception {
        RegistrarConfig d = RegistrarConfig.defaults();
        RegistrarConfig c = new RegistrarConfig(DbMode.MEMORY, d.flushInterval(), d.cleanupInterval(), d.defaultExpires(),
                d.minExpires(), d.maxExpires(), d.maxContacts(), d.forkMode(), d.domains(), d.pathMode(), d.revealOffline());
        return RegistrarRuntime.start(c, ds, getClass().getClassLoader(), List::of, (m, e) -> log.add(m));
    }

    private JdbcDataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("olelo").toAbsolutePath().toString().replace('\\', '/'));
        ds.setUser("sa");
        return ds;
    }

    @Test
    void withTheManagementApiTheCommandAndTheStatisticsAreRegisteredAndRemoved() throws Exception {
        List<String> registered = new ArrayList<>();
        attributes.put(RpcCommands.ATTRIBUTE, new RpcCommands() {
            public Registration register(RpcCommand command) {
                registered.add(command.name());
                return () -> registered.remove(command.name());
            }

            public List<String> names() {
                return List.copyOf(registered);
            }
        });
        List<String> meters = new ArrayList<>();
        attributes.put(Statistics.ATTRIBUTE, new Statistics() {
            public Counter counter(String group, String name, String help, String... labels) {
                meters.add(group + "." + name);
                AtomicLong n = new AtomicLong();
                return new Counter() {
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
            }

            public void gauge(String group, String name, String help, LongSupplier value, String... labels) {
                meters.add(group + "." + name);
            }

            public Timer timer(String group, String name, String help, String... labels) {
                throw new UnsupportedOperationException("this test double keeps counters and gauges, not timers");
            }
        });
        ServletContext ctx = context();
        try (RegistrarRuntime rt = runtime(h2())) {
            SiloWiring wiring = SiloWiring.start(ctx, rt, h2(), getClass().getClassLoader());
            assertInstanceOf(Silo.class, attributes.get(Silo.ATTRIBUTE));
            assertInstanceOf(SiloDelivery.class, attributes.get(SiloDelivery.ATTRIBUTE));
            assertEquals(List.of("msilo.dump"), registered);
            assertTrue(meters.containsAll(List.of("msilo.stored", "msilo.delivered", "msilo.expired", "msilo.refused",
                    "msilo.messages")), meters.toString());
            assertTrue(log.stream().anyMatch(l -> l.contains("MESSAGEs for offline users are stored")), log.toString());
            wiring.close();
            assertEquals(List.of(), registered, "removed at undeployment");
            assertNull(attributes.get(Silo.ATTRIBUTE));
        }
    }

    @Test
    void withoutTheManagementApiItRunsAllTheSame() throws Exception {
        try (RegistrarRuntime rt = runtime(h2())) {
            SiloWiring wiring = SiloWiring.start(context(), rt, h2(), getClass().getClassLoader());
            Silo silo = assertInstanceOf(Silo.class, attributes.get(Silo.ATTRIBUTE));
            assertEquals(202, silo.store("<sip:a@example.com>", "sip:b@example.com", "b", "example.com", null,
                    new byte[0], "c").status());
            wiring.close();
        }
    }

    @Test
    void offOrWithoutDatabaseNothingIsPublished() throws Exception {
        try (RegistrarRuntime rt = runtime(h2())) {
            params.put("msilo.enabled", "false");
            assertNull(SiloWiring.start(context(), rt, h2(), getClass().getClassLoader()));
            params.clear();
            assertNull(SiloWiring.start(context(), rt, null, getClass().getClassLoader()));
            assertNull(attributes.get(Silo.ATTRIBUTE));
            assertTrue(log.stream().anyMatch(l -> l.contains("no database")), log.toString());
        }
    }
}
