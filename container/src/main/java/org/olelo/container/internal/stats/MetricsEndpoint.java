package org.olelo.container.internal.stats;

/**
 * What {@code GET /metrics} answers: the Prometheus text of every meter, with its content type.
 * Each call renders the meters anew on the caller's thread (no lock; reading a gauge runs the
 * supplier its owner gave).
 */
public final class MetricsEndpoint {

    private final StatisticsRegistry registry;

    /** @param registry the server's statistics */
    public MetricsEndpoint(StatisticsRegistry registry) {
        this.registry = registry;
    }

    /** The body: Prometheus text format 0.0.4. */
    public String scrape() {
        return registry.scrape();
    }

    /** The {@code Content-Type} of {@link #scrape()}. */
    public String contentType() {
        return StatisticsRegistry.CONTENT_TYPE;
    }
}
