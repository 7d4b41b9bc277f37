package org.olelo.apps.registrar;

import org.olelo.apps.registrar.service.Gruus;
import org.olelo.apps.registrar.service.KnownAors;
import org.olelo.apps.registrar.service.LocalDomains;
import org.olelo.apps.registrar.service.LocationService;
import org.olelo.apps.registrar.service.OutboundFlows;
import org.olelo.apps.registrar.service.Registrar;
import org.olelo.apps.registrar.service.RegistrarStatistics;
import org.olelo.api.cluster.SharedMap;
import org.olelo.api.stats.Statistics;
import org.olelo.apps.registrar.spi.Binding;
import org.olelo.apps.registrar.spi.StoreException;
import org.olelo.apps.registrar.spi.SubscriberDirectory;
import org.olelo.apps.registrar.store.CachedLocationStore;
import org.olelo.apps.registrar.store.MemoryLocationStore;
import org.olelo.apps.registrar.store.SharedLocationStore;
import org.olelo.apps.registrar.store.JdbcSubscriberDirectory;
import org.olelo.apps.registrar.store.SchemaMigrator;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Everything the two servlets share, wired once per deployment: the schema migration, the
 * location store in its {@code db.mode}, the registrar, the location service, the statistics and
 * the expiry cleanup (one daemon thread of the application, every {@code cleanup.interval}
 * seconds). Free of the servlet API, so it is tested against a real database on its own.
 *
 * <p>Started and closed on the container's deployer thread; the objects it hands out are used
 * from the servlets' threads.
 */
public final class RegistrarRuntime implements AutoCloseable {

    /** The ServletContext attribute under which {@link RegistrarListener} publishes the runtime. */
    public static final String ATTRIBUTE = "org.olelo.apps.registrar.runtime";

    private final RegistrarConfig config;
    private final CachedLocationStore store;
    private final LocalDomains domains;
    private final RegistrarStatistics statistics;
    private final Registrar registrar;
    private final LocationService location;
    private final Gruus gruus = new Gruus();
    private final OutboundFlows flows = new OutboundFlows();
    private final ScheduledExecutorService cleaner;
    private final BiConsumer<String, Throwable> errors;
    private final int loaded;

    private RegistrarRuntime(RegistrarConfig config, CachedLocationStore store, LocalDomains domains,
                             SubscriberDirectory subscribers, BiConsumer<String, Throwable> errors,
                             Statistics registry) throws StoreException {
        this.config = config;
        this.statistics = new RegistrarStatistics(registry);
        this.store = store;
        this.domains = domains;
        this.errors = errors;
        KnownAors known = new KnownAors();
        Map<String, List<Binding>> all = store.loadAll();
        known.addAll(all.keySet());
        this.loaded = all.values().stream().mapToInt(List::size).sum();
        this.registrar = new Registrar(store, config.policy(), domains, statistics, known);
        this.location = new LocationService(store, subscribers, known, statistics, config.natDetect());
        statistics.countContactsWith(() -> {
            try {
                return store.count(System.currentTimeMillis());
            } catch (StoreException e) {
                return -1;
            }
        });
        this.cleaner = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("registrar-cleanup").factory());
        cleaner.scheduleWithFixedDelay(this::cleanup, config.cleanupInterval(), config.cleanupInterval(),
                TimeUnit.SECONDS);
    }

    /**
     * Migrates the schema (when a database is used), opens the store (loading the bindings kept in
     * the database) and starts the cleanup.
     *
     * @param config         the settings
     * @param dataSource     the container's database, or null when none is available
     * @param loader         the application's class loader (sees the migration scripts)
     * @param interfaceHosts supplies the hosts of the container's listening points
     * @param errors         receives background failures (message, cause)
     * @return the running runtime
     * @throws IllegalStateException when {@code db.mode} needs a database and there is none
     * @throws StoreException        when the migration or the initial load fails
     */
    public static RegistrarRuntime start(RegistrarConfig config, DataSource dataSource, ClassLoader loader,
                                         Supplier<? extends Collection<String>> interfaceHosts,
                                         BiConsumer<String, Throwable> errors) throws StoreException {
        return start(config, dataSource, loader, interfaceHosts, errors, null);
    }

    /**
     * Like {@link #start(RegistrarConfig, DataSource, ClassLoader, Supplier, BiConsumer)}, with the
     * statistics registered in the container's.
     *
     * @param registry the container's statistics ({@link Statistics#ATTRIBUTE}), or null for none
     */
    public static RegistrarRuntime start(RegistrarConfig config, DataSource dataSource, ClassLoader loader,
                                         Supplier<? extends Collection<String>> interfaceHosts,
                                         BiConsumer<String, Throwable> errors, Statistics registry) throws StoreException {
        return start(config, dataSource, loader, interfaceHosts, errors, registry, null);
    }

    /**
     * Like {@link #start(RegistrarConfig, DataSource, ClassLoader, Supplier, BiConsumer, Statistics)},
     * with the bindings kept in a map shared by the nodes of a cluster.
     *
     * @param shared the cluster's map for the bindings ({@link SharedLocationStore}), or null to keep
     *               them in this node's memory
     */
    public static RegistrarRuntime start(RegistrarConfig config, DataSource dataSource, ClassLoader loader,
                                         Supplier<? extends Collection<String>> interfaceHosts,
                                         BiConsumer<String, Throwable> errors, Statistics registry,
                                         SharedMap shared) throws StoreException {
        if (config.dbMode().usesDatabase()) {
            if (dataSource == null) {
                throw new IllegalStateException("db.mode=" + config.dbMode() + " needs the container's DataSource "
                        + "(@Resource or @Inject javax.sql.DataSource, or the ServletContext attribute "
                        + "org.olelo.DataSource) and none is available; set the context-param db.mode to memory "
                        + "to run without a database");
            }
            SchemaMigrator.migrate(dataSource, loader);
        }
        CachedLocationStore store = CachedLocationStore.open(config.dbMode(), dataSource,
                Duration.ofSeconds(config.flushInterval()), errors,
                shared == null ? new MemoryLocationStore() : new SharedLocationStore(shared));
        SubscriberDirectory subscribers = dataSource == null ? SubscriberDirectory.NONE
                : new JdbcSubscriberDirectory(dataSource);
        try {
            return new RegistrarRuntime(config, store, new LocalDomains(config.domains(), interfaceHosts),
                    subscribers, errors, registry);
        } catch (StoreException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Removes expired bindings from memory and database; called by the cleanup thread. */
    void cleanup() {
        try {
            statistics.expired(store.removeExpired(System.currentTimeMillis()));
        } catch (StoreException | RuntimeException e) {
            errors.accept("registrar: expiry cleanup failed, will retry: " + e.getMessage(), e);
        }
    }

    /** @return the settings */
    public RegistrarConfig config() {
        return config;
    }

    /** @return the REGISTER processor */
    public Registrar registrar() {
        return registrar;
    }

    /** @return the location lookup */
    public LocationService location() {
        return location;
    }

    /** @return the maker and reader of GRUUs (RFC 5627) */
    public Gruus gruus() {
        return gruus;
    }

    /** @return the AORs registered over each RFC 5626 flow */
    public OutboundFlows flows() {
        return flows;
    }

    /**
     * A flow failed: removes the outbound bindings registered over it.
     *
     * @param token     the flow's token
     * @param received  its peer as {@code sip:HOST:PORT}
     * @param transport its transport in lower case
     * @return how many bindings were removed
     */
    public int flowFailed(String token, String received, String transport) {
        int removed = 0;
        for (String aor : flows.failed(token)) {
            try {
                removed += registrar.removeFlow(aor, received, transport, System.currentTimeMillis());
            } catch (StoreException e) {
                errors.accept("registrar: removing the bindings of " + aor + " over a failed flow failed", e);
            }
        }
        return removed;
    }

    /** @return the local domains */
    public LocalDomains domains() {
        return domains;
    }

    /** @return the counters */
    public RegistrarStatistics statistics() {
        return statistics;
    }

    /** @return the location store */
    public CachedLocationStore store() {
        return store;
    }

    /** @return how many bindings the store held when it was opened */
    public int loadedAtStart() {
        return loaded;
    }

    /** Stops the cleanup and closes the store (write-back flushes what is pending). */
    @Override
    public void close() {
        cleaner.shutdownNow();
        try {
            cleaner.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            store.close();
        } catch (StoreException | RuntimeException e) {
            errors.accept("registrar: closing the location store failed: " + e.getMessage(), e);
        }
    }
}
