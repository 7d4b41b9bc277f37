package org.olelo.apps.registrar.service;

import org.olelo.apps.registrar.spi.Binding;
import org.olelo.apps.registrar.spi.LocationStore;
import org.olelo.apps.registrar.spi.StoreException;
import org.olelo.apps.registrar.spi.SubscriberDirectory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds where to send a request addressed to a local user (Kamailio's {@code lookup("location")}):
 * the current bindings of the Request-URI's AOR, best first, each with the routes that reach it.
 *
 * <p>How a binding is reached:
 * <ul>
 *   <li>with Path values (RFC 3327): through them, in order (the first Path element is the edge
 *       proxy that registered the user, and it knows the way back);</li>
 *   <li>else, when the contact's host or port is not where the REGISTER came from (the UA is behind
 *       NAT, or registered a private address): through a loose route to that source,
 *       {@code <sip:IP:PORT;transport=T;lr>}, as Kamailio does with its {@code received} value;</li>
 *   <li>else directly.</li>
 * </ul>
 * Contacts that are not SIP or SIPS URIs (tel:, mailto:) are registered but not routed to.
 *
 * <p>When there is no current binding: {@link LookupResult.Unavailable} for a provisioned subscriber
 * or an AOR that has had a binding, {@link LookupResult.NotFound} otherwise; whether the requester
 * may see the difference (480 against 404) is the servlet's decision ({@link RevealOffline}). Runs
 * on the calling thread; blocks on the store and the subscriber table.
 */
public final class LocationService {

    private static final Comparator<Binding> BEST_FIRST = Comparator.comparingInt(Binding::effectiveQ).reversed()
            .thenComparing(Comparator.comparingLong(Binding::updated).reversed())
            .thenComparing(Binding::contact);

    private final LocationStore store;
    private final SubscriberDirectory subscribers;
    private final KnownAors known;
    private final RegistrarStatistics stats;

    /**
     * @param store       where bindings are kept
     * @param subscribers the provisioned subscribers
     * @param known       AORs that have had a binding
     * @param stats       counters to update
     */
    public LocationService(LocationStore store, SubscriberDirectory subscribers, KnownAors known,
                           RegistrarStatistics stats) {
        this.store = store;
        this.subscribers = subscribers;
        this.known = known;
        this.stats = stats;
    }

    /**
     * @param aor the canonical AOR of the Request-URI
     * @param now the current time, epoch milliseconds
     * @return the targets, or why there are none
     */
    public LookupResult lookup(Aor aor, long now) {
        List<Binding> bindings;
        try {
            bindings = store.get(aor.key());
        } catch (StoreException e) {
            return new LookupResult.Failed(e);
        }
        List<Target> targets = new ArrayList<>();
        for (Binding b : bindings.stream().filter(b -> !b.expired(now)).sorted(BEST_FIRST).toList()) {
            UriParts contact = UriParts.parse(b.contact());
            if (contact.isSip()) {
                targets.add(new Target(b.contact(), routes(b, contact)));
            }
        }
        if (!targets.isEmpty()) {
            stats.hit();
            return new LookupResult.Found(targets);
        }
        stats.miss();
        Optional<Boolean> subscriber = subscribers.isSubscriber(aor.user(), aor.host());
        if (subscriber.orElse(false) || known.contains(aor.key()) || !bindings.isEmpty()) {
            return new LookupResult.Unavailable();
        }
        return new LookupResult.NotFound();
    }

    /**
     * @param b       a binding
     * @param contact its contact URI, parsed
     * @return the routes that reach it, first hop first
     */
    static List<String> routes(Binding b, UriParts contact) {
        if (!b.path().isEmpty()) {
            return b.path();
        }
        if (b.received() == null) {
            return List.of();
        }
        UriParts source = UriParts.parse(b.received());
        if (source.host().equals(contact.host()) && source.effectivePort() == contact.effectivePort()) {
            return List.of();
        }
        String transport = b.transport() == null ? "udp" : b.transport();
        return List.of("<" + b.received() + ";transport=" + transport + ";lr>");
    }
}
