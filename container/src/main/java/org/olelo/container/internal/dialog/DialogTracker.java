package org.olelo.container.internal.dialog;

import jakarta.servlet.sip.SipSession;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.olelo.api.stats.Counter;
import org.olelo.api.stats.Statistics;
import org.olelo.container.internal.session.DialogObserver;
import org.olelo.container.internal.session.DialogParties;
import org.olelo.container.internal.session.SipSessionImpl;
import org.olelo.core.transaction.TransactionTimers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The table of the calls this server takes part in: every INVITE dialog that a record-routing
 * proxy application relays or that an application's user agent or B2BUA leg owns, from its first
 * provisional response with a To tag (early) or its answer (confirmed) until it ends. Kamailio's
 * dialog module for Olelo.
 *
 * <p>Memory stays bounded by the live sessions: a dialog leaves the table when its session's state
 * ends (BYE, a failure, a cancelled INVITE, a transaction that timed out) or when its session is
 * invalidated, whichever comes first. With {@code dialog.max.seconds} set, each answered call gets
 * one timer that ends it with a BYE to both parties; the timer is cancelled when the call ends.
 *
 * <p>Threads: state changes arrive on the sessions' executors (a map update and a counter, no
 * blocking); the management commands read the table from any thread; ending a call is queued on
 * its session's executor; the limit timers fire on the container timer thread and queue the same.
 */
public final class DialogTracker implements DialogObserver {

    private static final Logger LOG = LoggerFactory.getLogger(DialogTracker.class);

    private final ConcurrentHashMap<String, TrackedDialog> table = new ConcurrentHashMap<>();
    private final AtomicLong early = new AtomicLong();
    private final AtomicLong confirmed = new AtomicLong();
    private final AtomicLong ended = new AtomicLong();
    private final TransactionTimers timers;
    private final DialogSettings settings;
    private final Clock clock;
    private final List<DialogEndListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile Counter endedCounter;

    /**
     * @param timers   the container timer thread, for the call length limit
     * @param settings the {@code dialog.*} configuration
     * @param clock    the clock of start, answer and end times
     */
    public DialogTracker(TransactionTimers timers, DialogSettings settings, Clock clock) {
        this.timers = timers;
        this.settings = settings;
        this.clock = clock;
    }

    /** Adds a listener told of every dialog that ends. */
    public void onEnd(DialogEndListener l) {
        listeners.add(l);
    }

    /**
     * Registers the dialog meters: gauges {@code dialog.active}, {@code dialog.early} and
     * {@code dialog.confirmed}, and the counter {@code dialog.ended}.
     */
    public void registerWith(Statistics stats) {
        stats.gauge("dialog", "active", "calls in the dialog table (early and confirmed)", this::active);
        stats.gauge("dialog", "early", "calls ringing (early dialogs)", early::get);
        stats.gauge("dialog", "confirmed", "answered calls in progress", confirmed::get);
        Counter c = stats.counter("dialog", "ended", "calls that left the dialog table since the start");
        c.add(ended.get());
        endedCounter = c;
    }

    // ------------------------------------------------------------------ events (session executors)

    @Override
    public void stateChanged(SipSessionImpl s, SipSession.State before, SipSession.State now) {
        switch (now) {
            case EARLY, CONFIRMED -> track(s, now == SipSession.State.CONFIRMED);
            case TERMINATED, INITIAL -> finish(s);
        }
    }

    @Override
    public void invalidated(SipSessionImpl s) {
        finish(s);
    }

    private void track(SipSessionImpl s, boolean answered) {
        TrackedDialog d = table.get(s.getId());
        DialogParties p = s.role().dialogParties();
        Instant now = clock.instant();
        if (d == null) {
            if (p == null) {
                return; // not a call (MESSAGE, SUBSCRIBE) or a proxy that does not record-route
            }
            d = new TrackedDialog(s, s.parent().app().name(), p, now);
            table.put(d.id(), d);
            early.incrementAndGet();
        } else {
            d.update(p);
        }
        if (answered && d.state() == TrackedDialog.State.EARLY) {
            d.confirm(now);
            early.decrementAndGet();
            confirmed.incrementAndGet();
            limit(d);
        }
    }

    private void limit(TrackedDialog d) {
        long max = settings.maxSeconds();
        if (max > 0) {
            d.limitWith(timers.schedule(() -> {
                LOG.info("call {} (Call-ID {}) lasted dialog.max.seconds={}: ending it with BYE to both parties",
                        d.id(), d.parties().callId(), max);
                hangUp(d);
            }, max * 1000));
        }
    }

    private void finish(SipSessionImpl s) {
        TrackedDialog d = table.remove(s.getId());
        if (d == null) {
            return;
        }
        TrackedDialog.State was = d.state();
        if (!d.end(clock.instant())) {
            return;
        }
        (was == TrackedDialog.State.CONFIRMED ? confirmed : early).decrementAndGet();
        ended.incrementAndGet();
        Counter c = endedCounter;
        if (c != null) {
            c.increment();
        }
        boolean answered = was == TrackedDialog.State.CONFIRMED;
        for (DialogEndListener l : listeners) {
            try {
                l.ended(d, answered);
            } catch (RuntimeException e) {
                LOG.warn("a listener of ended calls failed (Call-ID {})", d.parties().callId(), e);
            }
        }
    }

    // ------------------------------------------------------------------ management (any thread)

    /** The dialogs in the table now, oldest first. */
    public List<TrackedDialog> list() {
        List<TrackedDialog> all = new ArrayList<>(table.values());
        all.sort(java.util.Comparator.comparing(TrackedDialog::start));
        return all;
    }

    /** The dialog with this id, or null. */
    public TrackedDialog get(String id) {
        return id == null ? null : table.get(id);
    }

    /**
     * Ends a call: BYE to both parties of a confirmed proxied dialog, BYE on each leg of a user
     * agent's or B2BUA's call, CANCEL while a proxied call still rings. Queued on the session's
     * executor; the dialog leaves the table when its session's state ends.
     *
     * @return false when no dialog has this id
     */
    public boolean end(String id) {
        TrackedDialog d = get(id);
        if (d == null) {
            return false;
        }
        hangUp(d);
        return true;
    }

    /**
     * Hangs up the call of {@code d} once (a second {@code dlg.end}, or the limit of the other leg
     * of a B2BUA call, finds it claimed and sends nothing more).
     */
    private void hangUp(TrackedDialog d) {
        if (!d.claimHangUp()) {
            return;
        }
        SipSessionImpl s = d.session();
        s.parent().executor().execute(() -> {
            SipSessionImpl other = s.role().linkedLeg();
            hangUp(d, s);
            if (other != null) {
                TrackedDialog leg = table.get(other.getId());
                if (leg == null || leg.claimHangUp()) {
                    other.parent().executor().execute(() -> hangUp(d, other));
                }
            }
        });
    }

    private static void hangUp(TrackedDialog d, SipSessionImpl s) {
        if (!s.isValid() || s.getState() == SipSession.State.TERMINATED) {
            return;
        }
        try {
            if (!s.role().hangUp()) {
                LOG.warn("call {} (Call-ID {}) cannot be ended by the container", d.id(), d.parties().callId());
            }
        } catch (RuntimeException e) {
            LOG.warn("call {} (Call-ID {}) could not be ended: {}", d.id(), d.parties().callId(), e.getMessage());
        }
    }

    /** Dialogs in the table (early and confirmed). */
    public long active() {
        return early.get() + confirmed.get();
    }

    /** Early dialogs in the table. */
    public long early() {
        return early.get();
    }

    /** Confirmed dialogs in the table. */
    public long confirmed() {
        return confirmed.get();
    }

    /** Dialogs that have ended since the start. */
    public long ended() {
        return ended.get();
    }
}
