package org.olelo.container.boot;

import org.olelo.container.internal.cluster.ClusterWiring;
import org.olelo.container.internal.runtime.ContainerRuntime;

/**
 * Joins the cluster while the server starts and connects it to the operations plane (the
 * {@code cluster.status} command), the statistics (the {@code olelo_cluster_*} gauges) and the
 * session table (copies of the sessions of distributable applications).
 * Called by {@link OleloServer} on its thread only when {@code cluster.name} is set.
 */
final class ClusterStart {

    private ClusterStart() {
    }

    /**
     * @param config     the configuration ({@code cluster.*} keys among the plug-in keys)
     * @param operations where the command goes
     * @param runtime    whose statistics get the gauges and whose sessions are copied
     * @param undo       closes what the server had started before, when joining fails
     * @return the running cluster
     * @throws IllegalArgumentException naming a malformed {@code cluster.*} key
     * @throws IllegalStateException    when the node cannot listen or join
     */
    static ClusterWiring join(ServerConfig config, OperationsPlane operations, ContainerRuntime runtime, Runnable undo) {
        ClusterWiring cluster;
        try {
            cluster = ClusterWiring.start(config.core().extensions());
        } catch (RuntimeException e) {
            undo.run();
            throw e;
        }
        cluster.commands().forEach(operations.commands()::addContainer);
        cluster.registerGauges(runtime.statistics().container());
        runtime.sessions().replicateWith(cluster.sessionWrites());
        return cluster;
    }
}
