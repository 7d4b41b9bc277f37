package org.olelo.apps.presence.service;

import org.olelo.apps.presence.pidf.Pidf;
import org.olelo.apps.presence.pidf.WatcherInfoDocument;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The SUBSCRIBE rules of {@link PresenceService}: event packages, expiry, authorisation of watchers
 * (policy and stored decisions), refresh and unsubscription, and applying a presentity's decision
 * to its pending watchers. Runs on the caller's thread; see {@link PresenceService} for locking.
 */
final class Subscribing {

    private final PresenceService service;
    private final PresenceStore store;
    private final PresenceService.Rules rules;
    private final PresenceStatistics stats;

    Subscribing(PresenceService service, PresenceStore store, PresenceService.Rules rules, PresenceStatistics stats) {
        this.service = service;
        this.store = store;
        this.rules = rules;
        this.stats = stats;
    }

    Accepted subscribe(SubscribeRequest r, NotifyChannel channel, long now) throws Rejection {
        String event = r.event() == null ? "" : r.event().split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!event.equals(PresenceService.PRESENCE) && !event.equals(PresenceService.WINFO)) {
            throw new Rejection(489, "Bad Event",
                    Map.of("Allow-Events", PresenceService.PRESENCE + ", " + PresenceService.WINFO));
        }
        String type = event.equals(PresenceService.WINFO) ? WatcherInfoDocument.CONTENT_TYPE : Pidf.CONTENT_TYPE;
        if (!accepts(r.accept(), type)) {
            throw new Rejection(406, "Not Acceptable", Map.of("Accept", type));
        }
        long expires = rules.subscribe().grant(r.expires());
        boolean self = r.authenticatedUser() != null
                ? Identities.owns(r.authenticatedUser(), r.presentityUser(), r.presentity())
                : r.watcher().equalsIgnoreCase(r.presentity());
        boolean winfo = event.equals(PresenceService.WINFO);
        if (winfo && !self) {
            throw new Rejection(403, "Forbidden - only the presentity sees its watchers");
        }
        Status status = winfo || self ? Status.ACTIVE : authorise(r, now);
        Subscription s = new Subscription(r.id(), r.presentity(), r.watcher(), event, r.callId(), now, channel);
        s.status(status);
        s.expiresAt(now + expires * 1000);
        int code = status == Status.PENDING ? 202 : 200;
        if (expires == 0) {
            stats.subscribed();
            s.ending(true);
            return new Accepted(code, 0, null, s);
        }
        service.write(() -> store.putSubscription(stored(s)));
        stats.subscribed();
        return service.locked(r.presentity(), p -> {
            (winfo ? p.winfo : p.watchers).add(s);
            service.register(s);
            if (!winfo) {
                service.notifier().watchersChanged(p, now);
            }
            return new Accepted(code, expires, null, s);
        });
    }

    /** RFC 3856 §6.6 / RFC 6665 §4.1.2.1: no Accept means the package's default type. */
    private static boolean accepts(List<String> ranges, String type) {
        if (ranges.isEmpty()) {
            return true;
        }
        String major = type.substring(0, type.indexOf('/') + 1) + "*";
        for (String r : ranges) {
            if (r.equalsIgnoreCase(type) || r.equals("*/*") || r.equalsIgnoreCase(major)) {
                return true;
            }
        }
        return false;
    }

    private Status authorise(SubscribeRequest r, long now) throws Rejection {
        if (rules.policy() == Policy.DENY) {
            throw new Rejection(403, "Forbidden");
        }
        Status[] decided = new Status[1];
        service.write(() -> decided[0] = store.decision(r.presentity(), r.watcher()));
        if (decided[0] == Status.TERMINATED) {
            throw new Rejection(403, "Forbidden");
        }
        if (decided[0] == Status.ACTIVE
                || rules.policy() == Policy.ALLOW && rules.local().test(r.watcherHost().toLowerCase(Locale.ROOT))) {
            return Status.ACTIVE;
        }
        if (decided[0] == null) {
            service.write(() -> store.putDecision(r.presentity(), r.watcher(), Status.PENDING, now));
        }
        return Status.PENDING;
    }

    Accepted refresh(Subscription s, String expiresHeader, long now) throws Rejection {
        long expires = rules.subscribe().grant(expiresHeader);
        return service.locked(s.presentity(), p -> {
            if (!p.watchers.contains(s) && !p.winfo.contains(s)) {
                throw new Rejection(481, "Subscription Does Not Exist");
            }
            if (expires == 0) {
                service.write(() -> store.removeSubscription(s.id()));
                p.watchers.remove(s);
                p.winfo.remove(s);
                service.unregister(s);
                s.ending(true);
                s.lastEvent("timeout");
                if (!s.isWinfo()) {
                    service.notifier().watchersChanged(p, now);
                }
                return new Accepted(200, 0, null, s);
            }
            long before = s.expiresAt();
            s.expiresAt(now + expires * 1000);
            try {
                service.write(() -> store.putSubscription(stored(s)));
            } catch (Rejection e) {
                s.expiresAt(before);
                throw e;
            }
            return new Accepted(200, expires, null, s);
        });
    }

    /** Applies a decision to the watcher's subscriptions of {@code p}; @return how many changed. */
    int apply(Presentity p, String watcher, Status decision, long now) {
        int n = 0;
        for (Subscription s : List.copyOf(p.watchers)) {
            if (!s.watcher().equalsIgnoreCase(watcher)) {
                continue;
            }
            if (decision == Status.ACTIVE && s.status() == Status.PENDING) {
                s.status(Status.ACTIVE);
                s.lastEvent("approved");
                try {
                    service.write(() -> store.putSubscription(stored(s)));
                } catch (Rejection e) {
                    // logged by write(); the memory state rules until the next change
                }
                service.notifier().current(p, s, now);
                n++;
            } else if (decision == Status.TERMINATED) {
                s.status(Status.TERMINATED);
                service.end(p, s, "rejected", now);
                n++;
            }
        }
        if (n > 0) {
            service.notifier().watchersChanged(p, now);
        }
        return n;
    }

    static PresenceStore.StoredSubscription stored(Subscription s) {
        return new PresenceStore.StoredSubscription(s.id(), s.presentity(), s.watcher(), s.event(), s.callId(),
                s.status(), s.expiresAt(), s.createdAt());
    }
}
