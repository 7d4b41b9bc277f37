package org.olelo.container.internal.dialog;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import org.olelo.container.internal.session.DialogParties;
import org.olelo.container.internal.session.SipSessionImpl;

/**
 * One call dialog in the {@link DialogTracker}'s table: its parties, its state, when it started and
 * was answered, the application that proxies or owns it, and its session (to end it). Written on
 * the session's executor, read by management commands on any thread.
 */
public final class TrackedDialog {

    /** The states a tracked dialog goes through. */
    public enum State {
        EARLY, CONFIRMED, ENDED;

        /** The name shown by the management commands. */
        public String shown() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final String id;
    private final SipSessionImpl session;
    private final String application;
    private final Instant start;
    private volatile DialogParties parties;
    private volatile State state = State.EARLY;
    private volatile Instant confirmed;
    private volatile Instant ended;
    private volatile ScheduledFuture<?> limit;
    private final java.util.concurrent.atomic.AtomicBoolean hangingUp = new java.util.concurrent.atomic.AtomicBoolean();

    TrackedDialog(SipSessionImpl session, String application, DialogParties parties, Instant start) {
        this.id = session.getId();
        this.session = session;
        this.application = application;
        this.parties = parties;
        this.start = start;
    }

    /** The dialog's id in the management commands (its session's id). */
    public String id() {
        return id;
    }

    /** The session that proxies or owns the dialog. */
    SipSessionImpl session() {
        return session;
    }

    /** The parties, with the To tag of the latest response. */
    public DialogParties parties() {
        return parties;
    }

    /** The state now. */
    public State state() {
        return state;
    }

    /** The application that proxies or owns the dialog. */
    public String application() {
        return application;
    }

    /** When the dialog was first seen (its first provisional or its answer). */
    public Instant start() {
        return start;
    }

    /** When the call was answered, or null. */
    public Instant confirmed() {
        return confirmed;
    }

    /** When the dialog ended, or null while it lasts. */
    public Instant ended() {
        return ended;
    }

    void update(DialogParties p) {
        if (p != null) {
            parties = p;
        }
    }

    void confirm(Instant at) {
        confirmed = at;
        state = State.CONFIRMED;
    }

    /** Ends the dialog once; false when it had already ended. */
    synchronized boolean end(Instant at) {
        if (state == State.ENDED) {
            return false;
        }
        state = State.ENDED;
        ended = at;
        ScheduledFuture<?> f = limit;
        if (f != null) {
            f.cancel(false);
        }
        return true;
    }

    /** True the first time only: the container hangs the call up once, however many ask. */
    boolean claimHangUp() {
        return hangingUp.compareAndSet(false, true);
    }

    synchronized void limitWith(ScheduledFuture<?> f) {
        if (state == State.ENDED) {
            f.cancel(false);
        } else {
            limit = f;
        }
    }

    /** Seconds since the answer (since the start while early) until now or the end. */
    public long durationSeconds(Instant now) {
        Instant from = confirmed != null ? confirmed : start;
        Instant to = ended != null ? ended : now;
        return Math.max(0, java.time.Duration.between(from, to).toSeconds());
    }

    /** The dialog in the shape of the {@code dlg.list} entries (snake_case keys). */
    public Map<String, Object> toMap(Instant now) {
        DialogParties p = parties;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("state", state.shown());
        m.put("call_id", p.callId());
        m.put("from_uri", p.fromUri());
        m.put("from_tag", p.fromTag());
        m.put("to_uri", p.toUri());
        m.put("to_tag", p.toTag());
        m.put("start_time", start.toString());
        Instant c = confirmed;
        m.put("confirmed_time", c == null ? null : c.toString());
        m.put("duration_seconds", durationSeconds(now));
        m.put("application", application);
        return m;
    }
}
