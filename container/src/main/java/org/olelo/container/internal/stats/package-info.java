/**
 * Statistics: one registry per server ({@link org.olelo.container.internal.stats.StatisticsRegistry})
 * where the SIP core ({@link org.olelo.container.internal.stats.CoreMeters}), the container
 * ({@code StatisticsRegistry.container()}: security, overload, dialogs) and each deployed
 * application ({@link org.olelo.container.internal.stats.AppMeters}, the {@code ServletContext}
 * attribute {@code org.olelo.api.stats.Statistics}) register counters, gauges and timers. Two
 * views: Prometheus text for {@code GET /metrics}
 * ({@link org.olelo.container.internal.stats.MetricsEndpoint}) and the {@code stats.*} management
 * commands ({@link org.olelo.container.internal.stats.StatisticsCommands}), whose counters can be
 * reset without making the Prometheus totals go back.
 *
 * <p>Depends on the core's counters and the extension API only; nothing here is on the message
 * path except the increments of the counters it hands out (one atomic add each).
 */
package org.olelo.container.internal.stats;
