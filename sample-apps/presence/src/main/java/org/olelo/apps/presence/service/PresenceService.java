package org.olelo.apps.presence.service;

import org.olelo.apps.presence.pidf.InvalidPidfException;
import org.olelo.apps.presence.pidf.Pidf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * The presence server's rules and state: PUBLISH (RFC 3903), SUBSCRIBE and NOTIFY (RFC 6665,
 * RFC 3856), watcher authorisation and {@code presence.winfo} (RFC 3857). Every change is written
 * to the {@link PresenceStore} before it is applied in memory and acknowledged; a store failure
 * leaves memory unchanged and is answered 500.
 *
 * <p>Thread-safe. State is kept per presentity and changed under that presentity's monitor, so
 * requests for different presentities run in parallel and the NOTIFYs of one presentity go out in
 * the order of its changes. Callers: the servlet (the container's virtual threads), the cleanup
 * task, and RPC commands. Blocks on the store and on handing NOTIFYs to the container.
 */
public final class PresenceService {

    /** The presence event package. */
    public static final String PRESENCE = "presence";
    /** The watcher information template package of presence. */
    public static final String WINFO = "presence.winfo";

    /**
     * The rules.
     *
     * @param publish          expiry limits of publications
     * @param subscribe        expiry limits of subscriptions
     * @param policy           who may watch whom
     * @param local            whether a domain is one of ours
     * @param maxPublications  publications kept per presentity; a new one beyond it replaces the oldest
     * @param maxSubscriptions subscriptions in force at once; beyond it a new one gets 503
     */
    public record Rules(Expiry publish, Expiry subscribe, Policy policy, Predicate<String> local, int maxPublications,
                        int maxSubscriptions) {
    }

    private final PresenceStore store;
    private final Rules rules;
    private final PresenceStatistics stats;
    private final BiConsumer<String, Throwable> log;
    private final Map<String, Presentity> presentities = new ConcurrentHashMap<>();
    private final Map<String, Subscription> byId = new ConcurrentHashMap<>();
    private final Notifier notifier;
    private final Subscribing subscribing;

    /**
     * @param log where failures are reported (message, cause); never on the per-request success path
     */
    public PresenceService(PresenceStore store, Rules rules, PresenceStatistics stats, BiConsumer<String, Throwable> log) {
        this.store = store;
        this.rules = rules;
        this.stats = stats;
        this.log = log;
        this.notifier = new Notifier(stats, this::forget);
        this.subscribing = new Subscribing(this, store, rules, stats);
    }

    /**
     * Loads what the store holds: publications, and subscriptions (listed, expiring, but without a
     * dialog to notify). Called once before the first request.
     *
     * @return how many publications and subscriptions were loaded
     */
    public int load(long now) throws PresenceStore.StoreException {
        int n = 0;
        for (Publication p : store.publications(now)) {
            try {
                Pidf pidf = Pidf.parse(p.body().getBytes(StandardCharsets.UTF_8));
                Publication full = new Publication(p.aor(), p.etag(), p.expiresAt(), p.receivedAt(), p.sender(), p.body(), pidf);
                lockedQuietly(p.aor(), pr -> pr.publications.add(full));
                n++;
            } catch (InvalidPidfException e) {
                log.accept("presence: a stored publication of " + p.aor() + " is not PIDF any more; skipped", null);
            }
        }
        for (PresenceStore.StoredSubscription s : store.subscriptions(now)) {
            Subscription sub = new Subscription(s.id(), s.presentity(), s.watcher(), s.event(), s.callId(), s.createdAt(), null);
            sub.status(s.status());
            sub.expiresAt(s.expiresAt());
            byId.put(sub.id(), sub);
            lockedQuietly(s.presentity(), pr -> (sub.isWinfo() ? pr.winfo : pr.watchers).add(sub));
            n++;
        }
        return n;
    }

    /**
     * Applies a PUBLISH. The watchers are told by {@link #afterPublish}, once the answer is out.
     *
     * @return the answer: 200 with the entity tag and granted expiry
     * @throws Rejection the error answer
     */
    public Accepted publish(PublishRequest r, long now) throws Rejection {
        if (r.event() == null || !PRESENCE.equalsIgnoreCase(r.event())) {
            throw new Rejection(489, "Bad Event", Map.of("Allow-Events", PRESENCE));
        }
        if (r.authenticatedUser() != null && !Identities.owns(r.authenticatedUser(), r.user(), r.aor())) {
            throw new Rejection(403, "Forbidden - not your presentity");
        }
        long expires = rules.publish().grant(r.expires());
        Pidf pidf = r.body().length == 0 ? null : parse(r.contentType(), r.body());
        if (r.ifMatch() == null && pidf == null) {
            throw new Rejection(400, "Missing PIDF body");
        }
        String etag = newEtag();
        if (expires == 0 && r.ifMatch() == null) {
            stats.published();
            return new Accepted(200, 0, etag, null);
        }
        return locked(r.aor(), p -> {
            Publication old = r.ifMatch() == null ? null : p.publication(r.ifMatch().trim());
            if (r.ifMatch() != null && (old == null || old.expiresAt() <= now)) {
                throw new Rejection(412, "Conditional Request Failed");
            }
            if (expires == 0) {
                write(() -> store.removePublication(r.aor(), old.etag()));
                p.publications.remove(old);
                p.changedUnsent();
                stats.published();
                return new Accepted(200, 0, old.etag(), null);
            }
            String body = pidf == null ? old.body() : new String(r.body(), StandardCharsets.UTF_8);
            Publication next = new Publication(r.aor(), etag, now + expires * 1000, now, r.sender(), body,
                    pidf == null ? old.pidf() : pidf);
            Publication evicted = old == null && p.publications.size() >= rules.maxPublications()
                    ? p.publications.get(0) : null;
            write(() -> store.putPublication(next, old != null ? old.etag() : evicted != null ? evicted.etag() : null));
            p.publications.remove(old != null ? old : evicted);
            p.publications.add(next);
            if (pidf != null || evicted != null) {
                p.changedUnsent();
            }
            stats.published();
            return new Accepted(200, expires, etag, null);
        });
    }

    /**
     * Sends the NOTIFYs of a change {@link #publish} made, once the caller has answered the PUBLISH,
     * so that the publisher does not wait for its watchers. Nothing when there is no change left
     * to send (another thread sent it).
     */
    public void afterPublish(String aor, long now) {
        lockedQuietly(aor, p -> {
            if (p.takeUnsent()) {
                notifier.presenceChanged(p, now);
            }
        });
    }

    /**
     * Applies an initial SUBSCRIBE. The NOTIFY that follows is sent by {@link #afterAnswer}, once the
     * caller has sent the answer.
     *
     * @param channel where the subscription's NOTIFYs go
     * @return 200 (active) or 202 (pending), with the granted expiry and the subscription
     * @throws Rejection the error answer
     */
    public Accepted subscribe(SubscribeRequest r, NotifyChannel channel, long now) throws Rejection {
        if (byId.size() >= rules.maxSubscriptions()) {
            throw new Rejection(503, "Service Unavailable");
        }
        return subscribing.subscribe(r, channel, now);
    }

    /**
     * Applies a SUBSCRIBE inside a subscription's dialog: refresh, or end with {@code Expires: 0}.
     *
     * @param id the subscription's id (its SIP session's)
     * @throws Rejection 481 when the subscription is not (or no longer) known here, 423, 400
     */
    public Accepted refresh(String id, String expiresHeader, long now) throws Rejection {
        Subscription s = byId.get(id);
        if (s == null) {
            throw new Rejection(481, "Subscription Does Not Exist");
        }
        return subscribing.refresh(s, expiresHeader, now);
    }

    /**
     * Sends the NOTIFY that follows the answer to a SUBSCRIBE: the current state, or the last one
     * ({@code terminated;reason=timeout}) when the subscriber asked for {@code Expires: 0}.
     */
    public void afterAnswer(Subscription s, long now) {
        lockedQuietly(s.presentity(), p -> {
            if (s.ending()) {
                notifier.terminated(p, s, "timeout");
            } else if (p.watchers.contains(s) || p.winfo.contains(s)) {
                notifier.current(p, s, now);
            }
        });
    }

    /** A NOTIFY of the subscription was answered 481 or timed out: it is gone (RFC 6665 §4.2.2). */
    public void dropped(String id, long now) {
        Subscription s = byId.get(id);
        if (s != null) {
            lockedQuietly(s.presentity(), p -> end(p, s, null, now));
        }
    }

    /**
     * Ends what has expired: publications (watchers get the new state) and subscriptions (a last
     * NOTIFY {@code terminated;reason=timeout}). Run by the cleanup task.
     */
    public void expire(long now) {
        try {
            store.removeExpiredPublications(now);
            store.removeExpiredSubscriptions(now);
        } catch (PresenceStore.StoreException e) {
            log.accept("presence: removing expired rows failed (retried at the next cleanup): " + e.getMessage(), e);
        }
        for (String aor : List.copyOf(presentities.keySet())) {
            lockedQuietly(aor, p -> {
                if (p.publications.removeIf(pub -> pub.expiresAt() <= now)) {
                    changed(p, now);
                }
                List<Subscription> all = new ArrayList<>(p.watchers);
                all.addAll(p.winfo);
                for (Subscription s : all) {
                    if (s.expiresAt() <= now) {
                        end(p, s, "timeout", now);
                    }
                }
            });
        }
    }

    /** Records a decision and applies it to the watcher's subscriptions (RPC {@code presence.allow} / {@code deny}). */
    public int decide(String presentity, String watcher, Status decision, long now) throws PresenceStore.StoreException {
        store.putDecision(presentity, watcher, decision, now);
        int[] changed = {0};
        lockedQuietly(presentity, p -> changed[0] = subscribing.apply(p, watcher, decision, now));
        return changed[0];
    }

    /** @return a snapshot of every presentity with publications: aor, basic status, publication count */
    public List<PresentitySnapshot> presentities(long now) {
        List<PresentitySnapshot> out = new ArrayList<>();
        for (String aor : List.copyOf(presentities.keySet())) {
            lockedQuietly(aor, p -> {
                if (!p.publications.isEmpty()) {
                    out.add(PresentitySnapshot.of(p, now));
                }
            });
        }
        out.sort((a, b) -> a.aor().compareTo(b.aor()));
        return out;
    }

    /** @return every subscription in force */
    public List<Subscription> subscriptions() {
        List<Subscription> out = new ArrayList<>(byId.values());
        out.sort((a, b) -> a.id().compareTo(b.id()));
        return out;
    }

    /** @return how many presentities publish */
    public long publishingCount() {
        return presentities.values().stream().filter(p -> !p.publications.isEmpty()).count();
    }

    /** @return how many subscriptions are in force */
    public long subscriptionCount() {
        return byId.size();
    }

    // ---- shared with Subscribing

    Notifier notifier() {
        return notifier;
    }

    void register(Subscription s) {
        byId.put(s.id(), s);
    }

    void unregister(Subscription s) {
        byId.remove(s.id());
    }

    /** Ends a subscription: its last NOTIFY (when {@code reason} is given), out of memory and store, winfo told. */
    void end(Presentity p, Subscription s, String reason, long now) {
        if (reason != null) {
            notifier.terminated(p, s, reason);
        }
        s.status(Status.TERMINATED);
        p.watchers.remove(s);
        p.winfo.remove(s);
        forget(s);
        if (!s.isWinfo()) {
            s.lastEvent(reason == null ? "noresource" : reason);
            notifier.watchersChanged(p, now);
        }
    }

    private void forget(Subscription s) {
        byId.remove(s.id());
        try {
            store.removeSubscription(s.id());
        } catch (PresenceStore.StoreException e) {
            log.accept("presence: removing subscription of " + s.watcher() + " failed: " + e.getMessage(), e);
        }
    }

    private void changed(Presentity p, long now) {
        p.changed();
        notifier.presenceChanged(p, now);
    }

    private static Pidf parse(String contentType, byte[] body) throws Rejection {
        if (contentType == null || !Pidf.CONTENT_TYPE.equalsIgnoreCase(contentType.trim())) {
            throw new Rejection(415, "Unsupported Media Type", Map.of("Accept", Pidf.CONTENT_TYPE));
        }
        try {
            return Pidf.parse(body);
        } catch (InvalidPidfException e) {
            throw new Rejection(400, "Bad PIDF: " + e.getMessage());
        }
    }

    private static String newEtag() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return Long.toHexString(r.nextLong() | Long.MIN_VALUE) + Long.toHexString(r.nextLong() | Long.MIN_VALUE);
    }

    /** Runs a store write; its failure becomes a 500 and nothing in memory changes. */
    void write(StoreWrite w) throws Rejection {
        try {
            w.run();
        } catch (PresenceStore.StoreException e) {
            log.accept("presence: " + e.getMessage(), e);
            throw new Rejection(500, "Server Internal Error");
        }
    }

    @FunctionalInterface
    interface StoreWrite {
        void run() throws PresenceStore.StoreException;
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Presentity p) throws Rejection;
    }

    @FunctionalInterface
    interface QuietWork {
        void run(Presentity p);
    }

    /** Runs {@code w} with the presentity's monitor held; drops the presentity once it holds nothing. */
    <T> T locked(String aor, Work<T> w) throws Rejection {
        while (true) {
            Presentity p = presentities.computeIfAbsent(aor, Presentity::new);
            synchronized (p) {
                if (p.retired()) {
                    continue;
                }
                try {
                    return w.run(p);
                } finally {
                    if (p.isEmpty()) {
                        p.retire();
                        presentities.remove(aor, p);
                    }
                }
            }
        }
    }

    private void lockedQuietly(String aor, QuietWork w) {
        try {
            locked(aor, p -> {
                w.run(p);
                return null;
            });
        } catch (Rejection e) {
            throw new IllegalStateException(e);
        }
    }
}
