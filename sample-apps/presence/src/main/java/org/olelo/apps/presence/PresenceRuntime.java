package org.olelo.apps.presence;

import org.olelo.api.stats.Statistics;
import org.olelo.apps.presence.service.PresenceService;
import org.olelo.apps.presence.service.PresenceStatistics;
import org.olelo.apps.presence.service.PresenceStore;
import org.olelo.apps.presence.store.JdbcPresenceStore;
import org.olelo.apps.presence.store.SchemaMigrator;

import javax.sql.DataSource;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

/**
 * The running application: the migrated tables, the {@link PresenceService} loaded from them, and
 * the cleanup task that ends expired publications and subscriptions every {@code cleanup.interval}
 * seconds on a daemon thread of its own (the task blocks on the database and hands NOTIFYs to the
 * container). Published as a ServletContext attribute for the servlet. Closed by the listener.
 */
public final class PresenceRuntime implements AutoCloseable {

    /** The ServletContext attribute that holds the runtime. */
    public static final String ATTRIBUTE = "org.olelo.apps.presence.PresenceRuntime";

    private final PresenceService service;
    private final PresenceStatistics statistics;
    private final ScheduledExecutorService cleaner;
    private final int loaded;

    private PresenceRuntime(PresenceService service, PresenceStatistics statistics, ScheduledExecutorService cleaner,
                            int loaded) {
        this.service = service;
        this.statistics = statistics;
        this.cleaner = cleaner;
        this.loaded = loaded;
    }

    /**
     * Migrates the tables, loads the stored state and starts the cleanup.
     *
     * @param config     the settings
     * @param dataSource the container's database
     * @param loader     the application's class loader (for the migrations)
     * @param liveHosts  the container's local domains and listening hosts, added to {@code domains}
     * @param stats      the container's statistics, or null
     * @param log        where failures go (message, cause or null)
     * @throws PresenceStore.StoreException when the database is missing, cannot be migrated or read
     */
    public static PresenceRuntime start(PresenceConfig config, DataSource dataSource, ClassLoader loader,
                                        Collection<String> liveHosts, Statistics stats, BiConsumer<String, Throwable> log)
            throws PresenceStore.StoreException {
        if (dataSource == null) {
            throw new PresenceStore.StoreException("presence needs the container's DataSource (org.olelo.DataSource)", null);
        }
        SchemaMigrator.migrate(dataSource, loader);
        Set<String> local = new HashSet<>();
        config.domains().forEach(d -> local.add(d.toLowerCase(Locale.ROOT)));
        liveHosts.forEach(d -> local.add(d.toLowerCase(Locale.ROOT)));
        AtomicReference<PresenceService> ref = new AtomicReference<>();
        PresenceStatistics statistics = new PresenceStatistics(stats,
                () -> ref.get() == null ? 0 : ref.get().publishingCount(),
                () -> ref.get() == null ? 0 : ref.get().subscriptionCount());
        PresenceService service = new PresenceService(new JdbcPresenceStore(dataSource),
                new PresenceService.Rules(config.publish(), config.subscribe(), config.policy(), Set.copyOf(local)::contains,
                        config.maxPublications(), config.maxSubscriptions()), statistics, log);
        ref.set(service);
        int loaded = service.load(System.currentTimeMillis());
        ScheduledExecutorService cleaner = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "presence-cleanup");
            t.setDaemon(true);
            return t;
        });
        cleaner.scheduleWithFixedDelay(() -> {
            try {
                service.expire(System.currentTimeMillis());
            } catch (RuntimeException e) {
                log.accept("presence: the expiry sweep failed (retried at the next one): " + e.getMessage(), e);
            }
        }, config.cleanupInterval(), config.cleanupInterval(), TimeUnit.SECONDS);
        return new PresenceRuntime(service, statistics, cleaner, loaded);
    }

    /** @return the rules and state */
    public PresenceService service() {
        return service;
    }

    /** @return the counters */
    public PresenceStatistics statistics() {
        return statistics;
    }

    /** @return how many publications and subscriptions were loaded at start */
    public int loadedAtStart() {
        return loaded;
    }

    /** Stops the cleanup; the tables keep everything for the next start. */
    @Override
    public void close() {
        cleaner.shutdownNow();
    }
}
