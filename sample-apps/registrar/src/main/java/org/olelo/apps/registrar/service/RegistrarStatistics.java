package org.olelo.apps.registrar.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The application's counters, named after Kamailio's registrar and usrloc statistics. The
 * application publishes this object as the ServletContext attribute {@value #ATTRIBUTE}.
 *
 * <ul>
 *   <li>{@code registered_contacts}: bindings that have not expired, read from the store</li>
 *   <li>{@code accepted_regs}: REGISTERs answered 200</li>
 *   <li>{@code rejected_regs}: REGISTERs answered with an error by the registrar</li>
 *   <li>{@code lookup_hits}: requests routed to at least one contact</li>
 *   <li>{@code lookup_misses}: requests answered 404 or 480 for want of a contact</li>
 *   <li>{@code expired_contacts}: bindings removed by the expiry cleanup</li>
 * </ul>
 * Safe for concurrent use; counting never blocks ({@link LongAdder}).
 */
public final class RegistrarStatistics {

    /** The ServletContext attribute under which the application publishes its statistics. */
    public static final String ATTRIBUTE = "org.olelo.apps.registrar.statistics";

    private final LongAdder accepted = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder expired = new LongAdder();
    private volatile LongSupplier contacts = () -> 0;

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
        return accepted.sum();
    }

    /** @return REGISTERs refused */
    public long rejectedRegistrations() {
        return rejected.sum();
    }

    /** @return requests routed to a contact */
    public long lookupHits() {
        return hits.sum();
    }

    /** @return requests answered 404 or 480 */
    public long lookupMisses() {
        return misses.sum();
    }

    /** @return bindings removed by the cleanup */
    public long expiredContacts() {
        return expired.sum();
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
}
