/**
 * Cluster membership and shared state on Infinispan embedded (JGroups over TCP with static
 * discovery). {@link org.olelo.cluster.ClusterService} joins the cluster named by
 * {@code cluster.name} and offers replicated and distributed caches by name, the view and its
 * changes; {@link org.olelo.cluster.AppSharedMaps} gives an application its replicated maps
 * ({@link org.olelo.api.cluster.SharedMaps}).
 *
 * <p>Nothing here is loaded unless {@code cluster.name} is set: a single node runs exactly as
 * without this module. No class of this package is on the SIP message path; cache writes block
 * on the network and run on the threads of whoever calls them.
 */
package org.olelo.cluster;
