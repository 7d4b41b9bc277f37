package org.olelo.container.internal.cluster;

import jakarta.servlet.ServletContext;
import java.util.List;
import java.util.Map;
import org.olelo.api.cluster.SharedMaps;
import org.olelo.api.rpc.RpcCommand;
import org.olelo.api.stats.Statistics;
import org.olelo.cluster.AppSharedMaps;
import org.olelo.cluster.ClusterService;
import org.olelo.cluster.ClusterSettings;
import org.olelo.container.internal.deploy.AppServices;
import org.olelo.container.internal.deploy.AppServicesFactory;
import org.olelo.container.internal.deploy.ForwardingAppServicesFactory;
import org.olelo.container.internal.replica.Replicator;
import org.olelo.container.internal.session.SessionWrites;

/**
 * The cluster in a running server: joins it at start, gives every application its
 * {@link SharedMaps} (context attribute {@value SharedMaps#ATTRIBUTE}), offers the
 * {@code cluster.status} command and the {@code olelo_cluster_*} gauges, and leaves the view
 * when the server stops. Created by the server only when {@code cluster.name} is set, so that
 * without it no class of the cluster module is loaded.
 *
 * <p>Started and closed on the server's thread; the application hook runs on the deployer
 * thread, the command on a management thread, the gauges on the thread that reads statistics.
 */
public final class ClusterWiring implements AutoCloseable {

    private final ClusterService cluster;
    private ClusterSessionStore sessionStore;

    private ClusterWiring(ClusterService cluster) {
        this.cluster = cluster;
    }

    /**
     * Joins the cluster the {@code cluster.*} keys describe.
     *
     * @param extensions the configuration's unparsed plug-in keys (those under {@code cluster.})
     * @return the running wiring
     * @throws IllegalArgumentException naming the key whose value is malformed
     * @throws IllegalStateException    when the node cannot listen or join
     */
    public static ClusterWiring start(Map<String, String> extensions) {
        return new ClusterWiring(ClusterService.start(ClusterSettings.parse(extensions)));
    }

    /** @return the cluster service (membership, caches by name, view listeners) */
    public ClusterService service() {
        return cluster;
    }

    /**
     * @param next the factory to wrap
     * @return a factory that also puts the application's shared maps in its context
     */
    public AppServicesFactory appServices(AppServicesFactory next) {
        return new ForwardingAppServicesFactory(next) {
            @Override
            public void contextCreated(String appName, AppServices services, ServletContext context) {
                super.contextCreated(appName, services, context);
                context.setAttribute(SharedMaps.ATTRIBUTE, new AppSharedMaps(cluster, appName));
            }
        };
    }

    /**
     * The copies of the sessions of distributable applications in the cluster (see
     * {@link ClusterSessionStore}), made on first use.
     *
     * @return the store
     */
    public synchronized ClusterSessionStore sessionStore() {
        if (sessionStore == null) {
            sessionStore = new ClusterSessionStore(cluster);
        }
        return sessionStore;
    }

    /**
     * @return what writes the copy of each session of a distributable application to
     *         {@link #sessionStore()} after each invocation, under this node's name
     */
    public SessionWrites sessionWrites() {
        return new Replicator(sessionStore(), cluster.localMember());
    }

    /**
     * Has the sessions of members that leave the view taken over here: after each view in which
     * members left, once the copies have settled (at most ten seconds), the copies this node is now
     * the primary owner of and that a departed member wrote last go to {@code takeOver}.
     *
     * @param takeOver restores the sessions (with their timers); runs on a virtual thread
     */
    public void takeOverOrphans(java.util.function.Consumer<List<org.olelo.container.internal.replica.SessionSnapshot>> takeOver) {
        ClusterSessionStore store = sessionStore();
        cluster.addViewListener(view -> {
            if (!view.left().isEmpty()) {
                Thread.startVirtualThread(() -> OrphanSessions.takeOver(store, view.left(), takeOver));
            }
        });
    }

    /** @return the management commands: {@code cluster.status} */
    public List<RpcCommand> commands() {
        return List.of(new RpcCommand("cluster.status", List.of(), "this node, the coordinator, the members of the"
                + " cluster view, and per shared cache its mode, the entries held here and whether it is rebalancing",
                params -> cluster.status()));
    }

    /**
     * Registers the gauges {@code olelo_cluster_members}, {@code olelo_cluster_coordinator} (1 on
     * the coordinator) and {@code olelo_cluster_entries} (entries held by this node).
     *
     * @param statistics the container's statistics
     */
    public void registerGauges(Statistics statistics) {
        statistics.gauge("cluster", "members", "members in this node's view of the cluster",
                () -> cluster.members().size());
        statistics.gauge("cluster", "coordinator", "1 when this node coordinates the cluster view, else 0",
                () -> cluster.isCoordinator() ? 1 : 0);
        statistics.gauge("cluster", "entries", "entries of the shared caches held by this node",
                cluster::localEntries);
    }

    /** Leaves the cluster gracefully (see {@link ClusterService#close}). */
    @Override
    public void close() {
        cluster.close();
    }
}
