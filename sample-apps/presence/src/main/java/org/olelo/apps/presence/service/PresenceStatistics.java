package org.olelo.apps.presence.service;

import org.olelo.api.stats.Counter;
import org.olelo.api.stats.Statistics;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The application's counters: publications accepted, subscriptions accepted, NOTIFYs sent. Kept
 * locally, and also registered with the container's {@link Statistics} (group {@code presence})
 * when the container offers it. Thread-safe; increments cost a {@link LongAdder}.
 */
public final class PresenceStatistics {

    private final Counter publications;
    private final Counter subscriptions;
    private final Counter notifies;

    /** Counters kept only here (no container statistics). */
    public PresenceStatistics() {
        this(null, () -> 0, () -> 0);
    }

    /**
     * @param stats         the container's statistics, or null
     * @param presentities  how many presentities publish now
     * @param subscriptions how many subscriptions are in force now
     */
    public PresenceStatistics(Statistics stats, LongSupplier presentities, LongSupplier subscriptions) {
        if (stats == null) {
            this.publications = new Local();
            this.subscriptions = new Local();
            this.notifies = new Local();
            return;
        }
        this.publications = stats.counter("presence", "publications", "PUBLISH requests accepted (new, refreshed, modified or removed)");
        this.subscriptions = stats.counter("presence", "subscriptions", "initial SUBSCRIBE requests accepted");
        this.notifies = stats.counter("presence", "notifies", "NOTIFY requests sent");
        stats.gauge("presence", "presentities", "presentities with at least one publication", presentities);
        stats.gauge("presence", "active_subscriptions", "subscriptions in force", subscriptions);
    }

    void published() {
        publications.increment();
    }

    void subscribed() {
        subscriptions.increment();
    }

    void notified() {
        notifies.increment();
    }

    /** @return PUBLISH requests accepted */
    public long publications() {
        return publications.count();
    }

    /** @return initial SUBSCRIBE requests accepted */
    public long subscriptions() {
        return subscriptions.count();
    }

    /** @return NOTIFYs sent */
    public long notifies() {
        return notifies.count();
    }

    private static final class Local implements Counter {
        private final LongAdder n = new LongAdder();

        @Override
        public void increment() {
            n.increment();
        }

        @Override
        public void add(long amount) {
            n.add(amount);
        }

        @Override
        public long count() {
            return n.sum();
        }
    }
}
