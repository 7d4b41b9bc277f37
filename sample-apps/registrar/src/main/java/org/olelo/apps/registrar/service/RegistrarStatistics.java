package org.olelo.apps.registrar.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.olelo.api.stats.Counter;
import org.olelo.api.stats.Statistics;

/**
 * The application's counters, named after Kamailio's registrar and usrloc statistics. The
 * application publishes this object as the ServletContext attribute {@value #ATTRIBUTE}; when the
 * container offers its statistics ({@link Statistics#ATTRIBUTE}) they are registered there too, in
 * the group {@code registrar} (the names in parentheses), and so reach {@code /metrics} and
 * {@code stats.get_statistics}.
 *
 * <ul>
 *   <li>{@code registered_contacts} ({@code contacts}, gauge): bindings that have not expired, read
 *       from the store</li>
 *   <li>{@code accepted_regs} ({@code registrations_accepted}): REGISTERs answered 200</li>
 *   <li>{@code rejected_regs} ({@code registrations_rejected}): REGISTERs answered with an error by
 *       the registrar</li>
 *   <li>{@code lookup_hits} ({@code lookup_hits}): requests routed to at least one contact</li>
 *   <li>{@code lookup_misses} ({@code lookup_misses}): requests answered 404 or 480 for want of a contact</li>
 *   <li>{@code expired_contacts} ({@code contacts_expired}): bindings removed by the expiry cleanup</li>
 * </ul>
 * Safe for concurrent use; counting never blocks (an atomic add).
 */
public final class RegistrarStatistics {

    /** The ServletContext attribute under which the application publishes its statistics. */
    public static final String ATTRIBUTE = "org.olelo.apps.registrar.statistics";
    private static final String GROUP = "registrar";

    private final Counter accepted;
    private final Counter rejected;
    private final Counter hits;
    private final Counter misses;
    private final Counter expired;
    private volatile LongSupplier contacts = () -> 0;

    /** Counters of the application's own, not registered anywhere. */
    public RegistrarStatistics() {
        this(null);
    }

    /**
     * @param registry the container's statistics, where the counters are registered; null for
     *                 counters of the application's own
     */
    public RegistrarStatistics(Statistics registry) {
        accepted = counter(registry, "registrations_accepted", "REGISTERs answered 200");
        rejected = counter(registry, "registrations_rejected", "REGISTERs answered with an error by the registrar");
        hits = counter(registry, "lookup_hits", "requests routed to at least one contact");
        misses = counter(registry, "lookup_misses", "requests answered 404 or 480 for want of a contact");
        expired = counter(registry, "contacts_expired", "bindings removed by the expiry cleanup");
        if (registry != null) {
            registry.gauge(GROUP, "contacts", "bindings that have not expired (-1 when the store cannot tell)",
                    this::registeredContacts);
        }
    }

    private static Counter counter(Statistics registry, String name, String help) {
        return registry == null ? new OwnCounter() : registry.counter(GROUP, name, help);
    }

    /** @param registeredContacts counts the current bindings (-1 when the store cannot tell) */
    public void countContactsWith(LongSupplier registeredContacts) {
        this.contacts = registeredContacts;
    }

    void accepted() {
        accepted.increment();
    }

    void rejected() {
        rejected.increment();
    }

    void hit() {
        hits.increment();
    }

    void miss() {
        misses.increment();
    }

    /** @param n bindings removed by the expiry cleanup */
    public void expired(int n) {
        expired.add(n);
    }

    /** @return REGISTERs answered 200 */
    public long acceptedRegistrations() {
        return accepted.count();
    }

    /** @return REGISTERs refused */
    public long rejectedRegistrations() {
        return rejected.count();
    }

    /** @return requests routed to a contact */
    public long lookupHits() {
        return hits.count();
    }

    /** @return requests answered 404 or 480 */
    public long lookupMisses() {
        return misses.count();
    }

    /** @return bindings removed by the cleanup */
    public long expiredContacts() {
        return expired.count();
    }

    /** @return current bindings, or -1 when the store cannot tell */
    public long registeredContacts() {
        return contacts.getAsLong();
    }

    /** @return every counter by its name, in the order of the class description */
    public Map<String, Long> snapshot() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("registered_contacts", registeredContacts());
        m.put("accepted_regs", acceptedRegistrations());
        m.put("rejected_regs", rejectedRegistrations());
        m.put("lookup_hits", lookupHits());
        m.put("lookup_misses", lookupMisses());
        m.put("expired_contacts", expiredContacts());
        return m;
    }

    @Override
    public String toString() {
        return snapshot().toString();
    }

    /** A counter of the application's own, when the container offers no statistics. */
    private static final class OwnCounter implements Counter {
        private final LongAdder adder = new LongAdder();

        @Override
        public void increment() {
            adder.increment();
        }

        @Override
        public void add(long amount) {
            adder.add(amount);
        }

        @Override
        public long count() {
            return adder.sum();
        }
    }
}
