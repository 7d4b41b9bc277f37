package org.olelo.apps.registrar.service;

import org.olelo.apps.registrar.spi.Binding;
import org.olelo.apps.registrar.spi.LocationStore;
import org.olelo.apps.registrar.spi.StoreException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Processes REGISTER requests as RFC 3261 §10.3 describes (Kamailio's {@code save("location")}),
 * on plain values: {@link RegisterRequest} in, {@link RegisterResult} out.
 *
 * <ol>
 *   <li>the Request-URI host and the AOR's host must be local domains (else 403);</li>
 *   <li>an authenticated user may register only their own AOR (else 403);</li>
 *   <li>Path header fields from a UA that did not list {@code path} in Supported: 420 Bad Extension
 *       with {@code Unsupported: path} ({@link PathMode#STRICT}, RFC 3327 §5.3), or stored all the
 *       same ({@link PathMode#LAZY});</li>
 *   <li>the AOR is the canonical To URI ({@link Aor}; 400 when it is not SIP/SIPS or too long);</li>
 *   <li>{@code Contact: *} needs {@code Expires: 0} and no other Contact (else 400) and removes
 *       every binding;</li>
 *   <li>each Contact's expiry is its {@code expires} parameter, else the Expires header, else the
 *       default; below the minimum (and below an hour) the request is answered 423 with
 *       Min-Expires, above the maximum it is shortened; 0 removes the binding;</li>
 *   <li>a Contact matches an existing binding by URI (RFC 3261 comparison) or by
 *       {@code +sip.instance} and {@code reg-id} (RFC 5626); with the same Call-ID its CSeq must
 *       be higher (else 500 and nothing changes);</li>
 *   <li>more bindings than {@code max.contacts} afterwards is a 403, unless the request did not
 *       add to the count (a refresh after the limit was lowered);</li>
 *   <li>the new list is stored in one {@link LocationStore#put}; a store failure is a 500. The
 *       answer lists every current binding.</li>
 * </ol>
 * Any error leaves the stored bindings as they were.
 *
 * <p>Runs on the calling thread (the servlet's virtual thread); REGISTERs for one AOR are
 * serialised by a lock stripe; blocks on the store.
 */
public final class Registrar {

    static final int MAX_CONTACT_LENGTH = 512;
    static final int MAX_CALL_ID_LENGTH = 255;
    static final int MAX_PATH_LENGTH = 2048;
    static final int MAX_INSTANCE_LENGTH = 255;
    static final int MAX_USER_AGENT_LENGTH = 255;
    private static final long ONE_HOUR = 3600;
    private static final int STRIPES = 64;
    private static final Comparator<Binding> BEST_FIRST = Comparator.comparingInt(Binding::effectiveQ).reversed()
            .thenComparing(Comparator.comparingLong(Binding::updated).reversed())
            .thenComparing(Binding::contact);

    /**
     * The expiry and size limits of registrations.
     *
     * @param defaultExpires seconds when the REGISTER gives none
     * @param minExpires     shortest accepted, seconds (0: no minimum)
     * @param maxExpires     longest granted, seconds (longer requests are shortened)
     * @param maxContacts    most bindings per AOR (0: no limit)
     * @param pathMode       what to do with Path from a UA that does not support it
     * @param overflow       what a REGISTER beyond {@code maxContacts} gets
     */
    public record Policy(long defaultExpires, long minExpires, long maxExpires, int maxContacts, PathMode pathMode,
                         MaxContactsPolicy overflow) {

        /** Limits with {@link PathMode#STRICT}, refusing registrations beyond the limit. */
        public Policy(long defaultExpires, long minExpires, long maxExpires, int maxContacts) {
            this(defaultExpires, minExpires, maxExpires, maxContacts, PathMode.STRICT);
        }

        /** Limits refusing registrations beyond the limit. */
        public Policy(long defaultExpires, long minExpires, long maxExpires, int maxContacts, PathMode pathMode) {
            this(defaultExpires, minExpires, maxExpires, maxContacts, pathMode, MaxContactsPolicy.REJECT);
        }

        /** Checks that the limits are consistent. */
        public Policy {
            if (pathMode == null) {
                throw new IllegalArgumentException("path.mode must be strict or lazy");
            }
            if (overflow == null) {
                throw new IllegalArgumentException("max.contacts.policy must be reject or replace-oldest");
            }
            if (minExpires < 0 || maxExpires < 1 || maxContacts < 0) {
                throw new IllegalArgumentException("expiry limits and max.contacts must not be negative");
            }
            if (defaultExpires < minExpires || defaultExpires > maxExpires) {
                throw new IllegalArgumentException("default.expires " + defaultExpires + " must lie between min.expires "
                        + minExpires + " and max.expires " + maxExpires);
            }
        }
    }

    private record Update(String uri, String matchKey, long expires, int q, String instance, int regId) {
        boolean matches(Binding b, String bindingKey) {
            return matchKey.equals(bindingKey)
                    || (regId != Binding.NO_REG_ID && instance.equals(b.instance()) && regId == b.regId());
        }
    }

    private final LocationStore store;
    private final Policy policy;
    private final LocalDomains domains;
    private final RegistrarStatistics stats;
    private final KnownAors known;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];
    private final ConnectionBindings connections;

    /**
     * @param store   where bindings are kept
     * @param policy  expiry and size limits
     * @param domains the local domains
     * @param stats   counters to update
     * @param known   AORs that have had a binding
     */
    public Registrar(LocationStore store, Policy policy, LocalDomains domains, RegistrarStatistics stats,
                     KnownAors known) {
        this.store = store;
        this.policy = policy;
        this.domains = domains;
        this.stats = stats;
        this.known = known;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
        this.connections = new ConnectionBindings(store, this::lock);
    }

    /** @return the bindings that go with their connection (registered over a WebSocket) */
    public ConnectionBindings connections() {
        return connections;
    }

    private ReentrantLock lock(String aorKey) {
        return locks[Math.floorMod(aorKey.hashCode(), STRIPES)];
    }

    /**
     * @param request the REGISTER
     * @param now     the current time, epoch milliseconds
     * @return the answer to send
     */
    public RegisterResult register(RegisterRequest request, long now) {
        try {
            RegisterResult result = process(request, now);
            stats.accepted();
            return result;
        } catch (RegistrarException e) {
            return rejected(e);
        } catch (StoreException e) {
            stats.rejected();
            return new RegisterResult.Rejected(500, "Server Internal Error", Map.of(), e);
        }
    }

    /**
     * Answers a REGISTER the servlet could not even read (a malformed Contact), counting it as
     * rejected like the refusals decided here.
     *
     * @param fault what is wrong
     * @return the answer to send
     */
    public RegisterResult.Rejected rejected(RegistrarException fault) {
        stats.rejected();
        return new RegisterResult.Rejected(fault.status(), fault.reason(), fault.headers(), null);
    }

    private RegisterResult process(RegisterRequest r, long now) throws RegistrarException, StoreException {
        Aor aor = Aor.of(r.toScheme(), r.toUser(), r.toHost());
        if (!domains.isLocal(r.requestUriHost())) {
            throw new RegistrarException(403, "Not a local domain: " + shorten(String.valueOf(r.requestUriHost())));
        }
        if (!domains.isLocal(aor.host())) {
            throw new RegistrarException(403, "Not a local domain: " + shorten(aor.host()));
        }
        authorise(r.authenticatedUser(), aor);
        if (!r.path().isEmpty() && !r.supportsPath() && policy.pathMode() == PathMode.STRICT) {
            throw new RegistrarException(420, "Bad Extension", Map.of("Unsupported", "path"));
        }
        if (r.callId() == null || r.callId().isBlank()) {
            throw new RegistrarException(400, "Missing Call-ID");
        }
        if (r.callId().length() > MAX_CALL_ID_LENGTH) {
            throw new RegistrarException(400, "Call-ID longer than " + MAX_CALL_ID_LENGTH + " characters");
        }
        if (String.join(",", r.path()).length() > MAX_PATH_LENGTH) {
            throw new RegistrarException(400, "Path longer than " + MAX_PATH_LENGTH + " characters");
        }
        long headerExpires = HeaderValues.seconds(r.expiresHeader(), "Expires header");
        if (r.wildcard()) {
            if (!r.contacts().isEmpty()) {
                throw new RegistrarException(400, "Contact * must be the only Contact");
            }
            if (headerExpires != 0) {
                throw new RegistrarException(400, "Contact * requires Expires: 0");
            }
        }
        List<Update> updates = r.wildcard() ? List.of() : updates(r.contacts(), headerExpires);
        String key = aor.key();
        ReentrantLock lock = lock(key);
        lock.lock();
        try {
            List<Binding> current = store.get(key).stream().filter(b -> !b.expired(now)).toList();
            List<Binding> next = r.wildcard() ? removeAll(current, r) : apply(current, updates, r, key, now);
            if (r.wildcard() || !updates.isEmpty()) {
                if (policy.maxContacts() > 0 && next.size() > policy.maxContacts() && next.size() > current.size()
                        && policy.overflow() == MaxContactsPolicy.REPLACE_OLDEST) {
                    next = withoutOldest(next, current, policy.maxContacts());
                }
                if (policy.maxContacts() > 0 && next.size() > policy.maxContacts() && next.size() > current.size()) {
                    throw new RegistrarException(403, "Too many registered contacts: " + next.size()
                            + ", max.contacts is " + policy.maxContacts());
                }
                store.put(key, next);
                connections.stored(key, next);
            }
            if (!next.isEmpty()) {
                known.add(key);
            }
            List<Binding> sorted = next.stream().sorted(BEST_FIRST).toList();
            return new RegisterResult.Accepted(sorted, r.supportsPath() ? r.path() : List.of(), now);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Drops the least recently written bindings that were there before this request until at most
     * {@code max} remain (the bindings this request wrote are kept).
     */
    private static List<Binding> withoutOldest(List<Binding> next, List<Binding> before, int max) {
        List<Binding> older = next.stream().filter(b -> before.stream().anyMatch(c -> c == b))
                .sorted(Comparator.comparingLong(Binding::updated)).toList();
        List<Binding> kept = new ArrayList<>(next);
        for (int i = 0; i < older.size() && kept.size() > max; i++) {
            Binding drop = older.get(i);
            kept.removeIf(b -> b == drop);
        }
        return kept;
    }

    /**
     * Removes the RFC 5626 outbound bindings of an AOR that were registered over a flow that failed
     * (RFC 5626 §4.4: its connection ended), as a registrar that is its own edge proxy does.
     *
     * @param aorKey    the AOR's key
     * @param received  the flow's peer as {@code sip:HOST:PORT}
     * @param transport the flow's transport in lower case
     * @param now       the current time, epoch milliseconds
     * @return how many bindings were removed
     * @throws StoreException when the store fails
     */
    public int removeFlow(String aorKey, String received, String transport, long now) throws StoreException {
        return removeWhere(aorKey, b -> b.regId() != Binding.NO_REG_ID
                && received.equalsIgnoreCase(String.valueOf(b.received())) && transport.equals(b.transport()), now);
    }

    /**
     * Removes one binding of an AOR (a NAT keep-alive ping to it failed), unless it was written
     * again after {@code writtenBefore} (the user agent registered anew meanwhile).
     *
     * @param aorKey        the AOR's key
     * @param contact       the binding's contact URI
     * @param writtenBefore epoch milliseconds: a binding updated at or after it stays
     * @param now           the current time, epoch milliseconds
     * @return whether it was removed
     * @throws StoreException when the store fails
     */
    public boolean removeContact(String aorKey, String contact, long writtenBefore, long now) throws StoreException {
        return removeWhere(aorKey, b -> b.contact().equals(contact) && b.updated() < writtenBefore, now) > 0;
    }

    private int removeWhere(String aorKey, java.util.function.Predicate<Binding> gone, long now) throws StoreException {
        ReentrantLock lock = locks[Math.floorMod(aorKey.hashCode(), STRIPES)];
        lock.lock();
        try {
            List<Binding> current = store.get(aorKey).stream().filter(b -> !b.expired(now)).toList();
            List<Binding> next = current.stream().filter(gone.negate()).toList();
            if (next.size() != current.size()) {
                store.put(aorKey, next);
            }
            return current.size() - next.size();
        } finally {
            lock.unlock();
        }
    }

    private static void authorise(String user, Aor aor) throws RegistrarException {
        if (user == null) {
            return;
        }
        boolean ok = user.indexOf('@') >= 0
                ? user.equalsIgnoreCase(aor.user() + "@" + aor.host()) && user.startsWith(aor.user() + "@")
                : user.equals(aor.user());
        if (!ok) {
            throw new RegistrarException(403, "User " + shorten(user) + " may not register " + shorten(aor.key()));
        }
    }

    private List<Update> updates(List<ContactSpec> contacts, long headerExpires) throws RegistrarException {
        List<Update> out = new ArrayList<>(contacts.size());
        boolean tooBrief = false;
        for (ContactSpec c : contacts) {
            String uri = c.uri().trim();
            if (uri.isEmpty()) {
                throw new RegistrarException(400, "Malformed Contact: empty URI");
            }
            if (uri.length() > MAX_CONTACT_LENGTH) {
                throw new RegistrarException(400, "Contact URI longer than " + MAX_CONTACT_LENGTH + " characters: "
                        + shorten(uri));
            }
            long expires = HeaderValues.seconds(c.expires(), "expires parameter in Contact " + shorten(uri));
            if (expires < 0) {
                expires = headerExpires >= 0 ? headerExpires : policy.defaultExpires();
            }
            if (expires > 0 && expires < policy.minExpires() && expires < ONE_HOUR) {
                tooBrief = true;
            }
            expires = Math.min(expires, policy.maxExpires());
            int q = HeaderValues.q(c.q(), uri);
            String instance = HeaderValues.instance(c.instance());
            if (instance != null && instance.length() > MAX_INSTANCE_LENGTH) {
                throw new RegistrarException(400, "+sip.instance longer than " + MAX_INSTANCE_LENGTH
                        + " characters in Contact " + shorten(uri));
            }
            int regId = HeaderValues.regId(c.regId(), uri);
            out.add(new Update(uri, UriParts.parse(uri).matchKey(), expires, q, instance,
                    instance == null ? Binding.NO_REG_ID : regId));
        }
        if (tooBrief) {
            throw new RegistrarException(423, "Interval Too Brief",
                    Map.of("Min-Expires", Long.toString(policy.minExpires())));
        }
        return out;
    }

    private static List<Binding> removeAll(List<Binding> current, RegisterRequest r) throws RegistrarException {
        for (Binding b : current) {
            checkOrder(b, r);
        }
        return List.of();
    }

    private static List<Binding> apply(List<Binding> current, List<Update> updates, RegisterRequest r, String aor,
                                       long now) throws RegistrarException {
        List<String> currentKeys = current.stream().map(b -> UriParts.parse(b.contact()).matchKey()).toList();
        List<Binding> next = new ArrayList<>(current);
        for (Update u : updates) {
            for (int i = 0; i < current.size(); i++) {
                if (u.matches(current.get(i), currentKeys.get(i))) {
                    checkOrder(current.get(i), r);
                }
            }
            next.removeIf(b -> u.matches(b, UriParts.parse(b.contact()).matchKey()));
            if (u.expires() > 0) {
                next.add(new Binding(aor, u.uri(), now + u.expires() * 1000, u.q(), r.callId(), r.cseq(), r.path(),
                        r.source() == null ? null : r.source().uri(),
                        r.source() == null || r.source().transport() == null ? null
                                : r.source().transport().toLowerCase(Locale.ROOT),
                        u.instance(), u.regId(), userAgent(r.userAgent()), now));
            }
        }
        return next;
    }

    private static void checkOrder(Binding existing, RegisterRequest r) throws RegistrarException {
        if (existing.callId().equals(r.callId()) && r.cseq() <= existing.cseq()) {
            throw new RegistrarException(500, "Out-of-order CSeq " + r.cseq() + " for " + shorten(existing.contact())
                    + ": same Call-ID, stored CSeq " + existing.cseq());
        }
    }

    private static String userAgent(String ua) {
        if (ua == null || ua.isBlank()) {
            return null;
        }
        return ua.length() <= MAX_USER_AGENT_LENGTH ? ua : ua.substring(0, MAX_USER_AGENT_LENGTH);
    }

    private static String shorten(String s) {
        return HeaderValues.shorten(s);
    }
}
