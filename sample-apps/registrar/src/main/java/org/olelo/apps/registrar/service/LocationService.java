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
 *   <li>else, for an RFC 5626 outbound binding (one with a {@code reg-id}), and when the contact is
 *       taken to be behind NAT ({@link NatDetect}: by default, its host or port is not where the
 *       REGISTER came from): through a loose route to that source,
 *       {@code <sip:IP:PORT;transport=T;lr>}, as Kamailio does with its {@code received} value;
 *       over TCP the request then takes the connection the REGISTER came on;</li>
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
    private final NatDetect nat;

    /**
     * A location service that takes every contact that is not where its REGISTER came from to be
     * behind NAT ({@link NatDetect#ALWAYS}).
     *
     * @param store       where bindings are kept
     * @param subscribers the provisioned subscribers
     * @param known       AORs that have had a binding
     * @param stats       counters to update
     */
    public LocationService(LocationStore store, SubscriberDirectory subscribers, KnownAors known,
                           RegistrarStatistics stats) {
        this(store, subscribers, known, stats, NatDetect.ALWAYS);
    }

    /**
     * @param store       where bindings are kept
     * @param subscribers the provisioned subscribers
     * @param known       AORs that have had a binding
     * @param stats       counters to update
     * @param nat         which contacts are reached through the REGISTER's source
     */
    public LocationService(LocationStore store, SubscriberDirectory subscribers, KnownAors known,
                           RegistrarStatistics stats, NatDetect nat) {
        this.store = store;
        this.subscribers = subscribers;
        this.known = known;
        this.stats = stats;
        this.nat = nat;
    }

    /**
     * @param aor the canonical AOR of the Request-URI
     * @param now the current time, epoch milliseconds
     * @return the targets, or why there are none
     */
    public LookupResult lookup(Aor aor, long now) {
        return lookup(aor, null, now);
    }

    /**
     * The bindings of one instance of a user agent only: what a GRUU (RFC 5627) reaches.
     *
     * @param aor      the canonical AOR
     * @param instance the {@code +sip.instance} the bindings must have, or null for all of them
     * @param now      the current time, epoch milliseconds
     * @return the targets, or why there are none
     */
    public LookupResult lookup(Aor aor, String instance, long now) {
        List<Binding> bindings;
        try {
            bindings = store.get(aor.key());
        } catch (StoreException e) {
            return new LookupResult.Failed(e);
        }
        List<Target> targets = new ArrayList<>();
        for (Binding b : bindings.stream().filter(b -> !b.expired(now)).sorted(BEST_FIRST).toList()) {
            UriParts contact = UriParts.parse(b.contact());
            if (contact.isSip() && (instance == null || instance.equals(b.instance()))) {
                targets.add(new Target(b.contact(), routes(b, contact, nat)));
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
     * @param b a binding
     * @return where a NAT keep-alive for it goes: its contact through the source of its REGISTER,
     *         when it is reached that way (behind NAT, or outbound), else empty (also for a contact
     *         reached through Path: the edge proxy keeps that NAT binding open)
     */
    public Optional<Target> natTarget(Binding b) {
        UriParts contact = UriParts.parse(b.contact());
        if (!contact.isSip() || !b.path().isEmpty()) {
            return Optional.empty();
        }
        List<String> routes = routes(b, contact, nat);
        return routes.isEmpty() ? Optional.empty() : Optional.of(new Target(b.contact(), routes));
    }

    /**
     * @param b       a binding
     * @param contact its contact URI, parsed
     * @return the routes that reach it, first hop first
     */
    static List<String> routes(Binding b, UriParts contact) {
        return routes(b, contact, NatDetect.ALWAYS);
    }

    /**
     * @param b       a binding
     * @param contact its contact URI, parsed
     * @param nat     which contacts are reached through the REGISTER's source
     * @return the routes that reach it, first hop first: its Path; else, for an RFC 5626 outbound
     *         binding (reg-id) or a contact behind NAT, the source of its REGISTER (the flow it
     *         came over, which a stream connection reuses); else none
     */
    static List<String> routes(Binding b, UriParts contact, NatDetect nat) {
        if (!b.path().isEmpty()) {
            return b.path();
        }
        if (b.received() == null) {
            return List.of();
        }
        UriParts source = UriParts.parse(b.received());
        if (b.regId() == Binding.NO_REG_ID && !nat.behindNat(contact, source)) {
            return List.of();
        }
        String transport = b.transport() == null ? "udp" : b.transport();
        return List.of("<" + b.received() + ";transport=" + transport + ";lr>");
    }
}
