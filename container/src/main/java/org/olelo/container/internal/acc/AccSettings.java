package org.olelo.container.internal.acc;

/**
 * The {@code acc.*} configuration. Immutable; any thread.
 *
 * @param enabled   whether proxied calls are accounted in the default database ({@code acc.enabled})
 * @param queueSize how many records may wait for the database ({@code acc.queue.size}); while it is
 *                  down they are kept up to this many, and what overflows is counted and logged
 */
public record AccSettings(boolean enabled, int queueSize) {

    /** Default queue: 100,000 records, about 100 s of a 1,000 calls/s load (INVITE, BYE and call record). */
    public static final int DEFAULT_QUEUE_SIZE = 100_000;

    /** Checks the queue holds at least one record. */
    public AccSettings {
        if (queueSize < 1) {
            throw new IllegalArgumentException("acc.queue.size must be at least 1");
        }
    }

    /** @return accounting on, with the default queue */
    public static AccSettings defaults() {
        return new AccSettings(true, DEFAULT_QUEUE_SIZE);
    }
}
