/**
 * The container's side of clustering: joining at start when {@code cluster.name} is set, the
 * applications' shared maps, the {@code cluster.status} command, the cluster gauges and the
 * graceful leave at stop. Nothing of it is on the SIP message path.
 */
package org.olelo.container.internal.cluster;
