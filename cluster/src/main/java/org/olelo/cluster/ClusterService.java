package org.olelo.cluster;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.infinispan.Cache;
import org.infinispan.configuration.cache.CacheMode;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.manager.EmbeddedCacheManager;
import org.infinispan.remoting.transport.jgroups.JGroupsTransport;
import org.jgroups.JChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's membership in the cluster and the caches it shares with the other members: an
 * Infinispan embedded cache manager over a JGroups channel built from {@link ClusterSettings}
 * ({@link JGroupsStack}). Started by the container only when {@code cluster.name} is set.
 *
 * <p>Caches are found by name: {@link #replicatedCache} (every member holds every entry; reads
 * are local) and {@link #distributedCache} (a fixed number of owners per entry). Both are
 * synchronous: a write returns once every owner has applied it. {@link #close} leaves the view
 * gracefully: the other members rebalance what this node owned before it is gone.
 *
 * <p>Thread-safe. {@link #start} blocks while the node joins (up to the join timeout when no
 * other member answers); cache writes block on the network; nothing here runs on a SIP thread
 * unless a caller puts it there.
 */
public final class ClusterService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterService.class);

    private final ClusterSettings settings;
    private final DefaultCacheManager manager;
    private final ViewWatcher views = new ViewWatcher();

    private ClusterService(ClusterSettings settings, DefaultCacheManager manager) {
        this.settings = settings;
        this.manager = manager;
    }

    /**
     * Joins the cluster.
     *
     * @param settings the settings; {@code cluster.name} must be set
     * @return the running service
     * @throws IllegalStateException when the channel cannot be opened (address in use) or the
     *                               node cannot join
     */
    public static ClusterService start(ClusterSettings settings) {
        return start(settings, g -> { });
    }

    /**
     * Joins the cluster, letting the caller add to the global configuration first (for example
     * the serialisation of its own classes).
     *
     * @param settings  the settings; {@code cluster.name} must be set
     * @param customize changes the global configuration before the cache manager starts
     * @return the running service
     * @throws IllegalStateException when the channel cannot be opened or the node cannot join
     */
    public static ClusterService start(ClusterSettings settings, Consumer<GlobalConfigurationBuilder> customize) {
        if (!settings.enabled()) {
            throw new IllegalArgumentException(ClusterSettings.NAME + " is empty: clustering is off");
        }
        JChannel channel;
        try {
            channel = new JChannel(new ByteArrayInputStream(JGroupsStack.xml(settings).getBytes(StandardCharsets.UTF_8)));
            channel.name(settings.nodeName());
        } catch (Exception e) {
            throw new IllegalStateException("cluster: cannot build the JGroups channel on " + settings.nodeName()
                    + ": " + e.getMessage(), e);
        }
        GlobalConfigurationBuilder global = GlobalConfigurationBuilder.defaultClusteredBuilder();
        global.transport().transport(new JGroupsTransport(channel)).clusterName(settings.name())
                .nodeName(settings.nodeName());
        global.jmx().disable();
        customize.accept(global);
        DefaultCacheManager manager = new DefaultCacheManager(global.build(), false);
        ClusterService service = new ClusterService(settings, manager);
        manager.addListener(service.views);
        try {
            manager.start();
        } catch (RuntimeException e) {
            manager.stop();
            throw new IllegalStateException("cluster: cannot join '" + settings.name() + "' from "
                    + settings.nodeName() + ": " + rootMessage(e), e);
        }
        LOG.info("cluster '{}': joined as {} with members {} (coordinator {})", settings.name(),
                settings.nodeName(), service.members(), service.coordinator());
        return service;
    }

    /** @return the settings the node runs with */
    public ClusterSettings settings() {
        return settings;
    }

    /** @return this node's name, {@code HOST:PORT} of {@code cluster.bind} */
    public String localMember() {
        return String.valueOf(manager.getAddress());
    }

    /** @return the members of the current view, in view order (the coordinator first) */
    public List<String> members() {
        List<org.infinispan.remoting.transport.Address> m = manager.getMembers();
        return m == null ? List.of(localMember()) : ViewWatcher.names(m);
    }

    /** @return the member that coordinates the current view */
    public String coordinator() {
        return String.valueOf(manager.getCoordinator());
    }

    /** @return whether this node coordinates the current view */
    public boolean isCoordinator() {
        return manager.isCoordinator();
    }

    /**
     * Adds a listener of view changes (members joining, leaving, failing, partitions merging).
     *
     * @param listener called on Infinispan's notification thread, never on a SIP thread
     * @return what removes the listener again
     */
    public Runnable addViewListener(Consumer<ClusterView> listener) {
        return views.add(listener);
    }

    /**
     * The replicated cache of this name, defined on first use (synchronous replication to every
     * member). Every member that uses the name shares the cache.
     *
     * @param name the cache's name
     * @param <K>  the key type (must be serialisable by Infinispan: strings, byte arrays,
     *             primitives, or types registered through {@link #start(ClusterSettings, Consumer)})
     * @param <V>  the value type (likewise)
     * @return the cache
     * @throws IllegalStateException when a cache of this name exists in another mode
     */
    public <K, V> Cache<K, V> replicatedCache(String name) {
        return cache(name, CacheMode.REPL_SYNC, 0);
    }

    /**
     * The distributed cache of this name, defined on first use: each entry lives on
     * {@code owners} members (synchronous), so a node's death loses nothing while fewer than
     * {@code owners} members die at once.
     *
     * @param name   the cache's name
     * @param owners how many members hold each entry (at least 1)
     * @param <K>    the key type
     * @param <V>    the value type
     * @return the cache
     * @throws IllegalStateException when a cache of this name exists in another mode
     */
    public <K, V> Cache<K, V> distributedCache(String name, int owners) {
        return cache(name, CacheMode.DIST_SYNC, Math.max(1, owners));
    }

    private synchronized <K, V> Cache<K, V> cache(String name, CacheMode mode, int owners) {
        var existing = manager.getCacheConfiguration(name);
        if (existing == null) {
            ConfigurationBuilder b = new ConfigurationBuilder();
            b.clustering().cacheMode(mode);
            if (mode.isDistributed()) {
                b.clustering().hash().numOwners(owners);
            }
            b.statistics().disable();
            manager.defineConfiguration(name, b.build());
        } else if (existing.clustering().cacheMode() != mode) {
            throw new IllegalStateException("cluster: cache '" + name + "' is " + existing.clustering().cacheMode()
                    + ", not " + mode);
        }
        return manager.getCache(name);
    }

    /** @return the names of the caches running on this node */
    public List<String> cacheNames() {
        return manager.getCacheNames().stream().filter(manager::isRunning).sorted().toList();
    }

    /** @return the Infinispan cache manager, for what this class does not offer */
    public EmbeddedCacheManager cacheManager() {
        return manager;
    }

    /**
     * The state an operator asks for ({@code cluster.status}).
     *
     * @return cluster name, this node, coordinator, members, and per running cache its mode, the
     *         entries this node holds and whether a rebalance is in progress
     */
    public Map<String, Object> status() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cluster", settings.name());
        out.put("node", localMember());
        out.put("coordinator", coordinator());
        List<String> members = members();
        out.put("members", members);
        out.put("size", members.size());
        List<Map<String, Object>> caches = cacheNames().stream().map(this::cacheStatus).toList();
        out.put("caches", caches);
        out.put("rebalancing", caches.stream().anyMatch(c -> Boolean.TRUE.equals(c.get("rebalancing"))));
        return out;
    }

    /**
     * @param name a running cache
     * @return its name, mode, local entries and rebalancing state
     */
    Map<String, Object> cacheStatus(String name) {
        Cache<?, ?> c = manager.getCache(name, false);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        if (c == null) {
            return m;
        }
        var adv = c.getAdvancedCache();
        m.put("mode", adv.getCacheConfiguration().clustering().cacheMode().toString());
        m.put("entries", adv.withFlags(org.infinispan.context.Flag.CACHE_MODE_LOCAL,
                org.infinispan.context.Flag.SKIP_CACHE_LOAD).size());
        var dm = adv.getDistributionManager();
        m.put("rebalancing", dm != null && dm.isRehashInProgress());
        m.put("availability", adv.getAvailability().toString());
        return m;
    }

    /**
     * @return how many entries this node holds across its running caches (for the metrics)
     */
    public long localEntries() {
        long n = 0;
        for (String name : cacheNames()) {
            Cache<?, ?> c = manager.getCache(name, false);
            if (c != null) {
                n += c.getAdvancedCache().withFlags(org.infinispan.context.Flag.CACHE_MODE_LOCAL,
                        org.infinispan.context.Flag.SKIP_CACHE_LOAD).size();
            }
        }
        return n;
    }

    /**
     * Leaves the cluster gracefully: the caches stop (the remaining members take over what this
     * node owned), then the node leaves the view. Calling it again does nothing.
     */
    @Override
    public void close() {
        if (manager.getStatus().isTerminated()) {
            return;
        }
        LOG.info("cluster '{}': {} leaves the view", settings.name(), localMember());
        manager.stop();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
