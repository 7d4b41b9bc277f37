package org.olelo.apps.presence.service;

import org.olelo.apps.presence.pidf.Pidf;
import org.olelo.apps.presence.pidf.WatcherInfoDocument;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes and sends the NOTIFYs of a presentity's subscriptions: its composed PIDF to active
 * presence watchers, no body to pending ones (RFC 6665 §4.2.1: a pending subscription reveals
 * nothing), the full watcher list to its own {@code presence.winfo} subscriptions. Called with the
 * presentity's monitor held, on the thread that changed it (a servlet's virtual thread, the
 * cleanup thread or an RPC thread); each send hands one message to the container and does not wait
 * for its answer. A subscription restored after a restart has no dialog here and is passed over.
 */
final class Notifier {

    private final PresenceStatistics stats;
    private final java.util.function.Consumer<Subscription> unreachable;

    /**
     * @param stats       counts the NOTIFYs sent
     * @param unreachable told of a subscription whose dialog is gone (it is already out of the presentity's lists)
     */
    Notifier(PresenceStatistics stats, java.util.function.Consumer<Subscription> unreachable) {
        this.stats = stats;
        this.unreachable = unreachable;
    }

    /** Every active presence watcher gets the new document. */
    void presenceChanged(Presentity p, long now) {
        String doc = null;
        for (Subscription s : List.copyOf(p.watchers)) {
            if (s.status() == Status.ACTIVE && s.channel() != null) {
                if (doc == null) {
                    doc = p.document();
                }
                send(p, s, "active;expires=" + s.secondsLeft(now), Pidf.CONTENT_TYPE, doc);
            }
        }
    }

    /** The state of one subscription as it is now (after its 2xx, a refresh or an authorisation). */
    void current(Presentity p, Subscription s, long now) {
        withState(p, s, s.status().token() + ";expires=" + s.secondsLeft(now));
    }

    /** The last NOTIFY of a subscription: {@code terminated;reason=...}, with the state when it was active. */
    void terminated(Presentity p, Subscription s, String reason) {
        withState(p, s, "terminated;reason=" + reason);
    }

    /** Sends {@code state} with what the subscription may see: the watchers, the presence, or nothing. */
    private void withState(Presentity p, Subscription s, String state) {
        if (s.isWinfo()) {
            send(p, s, state, WatcherInfoDocument.CONTENT_TYPE, winfo(p, s));
        } else if (s.status() == Status.ACTIVE) {
            send(p, s, state, Pidf.CONTENT_TYPE, p.document());
        } else {
            send(p, s, state, null, null);
        }
    }

    /** Every {@code presence.winfo} subscription of the presentity gets the watcher list. */
    void watchersChanged(Presentity p, long now) {
        for (Subscription w : List.copyOf(p.winfo)) {
            if (w.status() == Status.ACTIVE) {
                send(p, w, "active;expires=" + w.secondsLeft(now), WatcherInfoDocument.CONTENT_TYPE, winfo(p, w));
            }
        }
    }

    private String winfo(Presentity p, Subscription to) {
        List<WatcherInfoDocument.Watcher> list = new ArrayList<>(p.watchers.size());
        for (Subscription s : p.watchers) {
            list.add(new WatcherInfoDocument.Watcher(Integer.toHexString(s.id().hashCode()),
                    s.watcher(), s.status().token(), s.lastEvent()));
        }
        return WatcherInfoDocument.write(to.nextVersion(), p.aor, list);
    }

    private void send(Presentity p, Subscription s, String state, String type, String body) {
        NotifyChannel c = s.channel();
        if (c == null) {
            return;
        }
        if (c.notify(state, type, body)) {
            stats.notified();
        } else {
            p.watchers.remove(s);
            p.winfo.remove(s);
            unreachable.accept(s);
        }
    }
}
