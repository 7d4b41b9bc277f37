package org.olelo.container.internal.session;

import java.util.concurrent.ScheduledFuture;

/**
 * The expiry of one {@link SipApplicationSessionImpl}: its expiration time and the one scheduled
 * task that runs {@code onDue} at that time (which the session queues on its executor). Arming
 * again replaces the task; time 0 means never.
 *
 * <p>Armed and cancelled on any thread (the application's {@code setExpires}, invalidation, a
 * restore); the scheduled task itself only queues work and never blocks the timer thread.
 */
final class SessionExpiry {

    private final SessionManager manager;
    private final Runnable onDue;
    private volatile long expirationTime;
    private ScheduledFuture<?> timer;

    /**
     * @param manager the session table, whose scheduler runs the expiry and whose minute it counts in
     * @param onDue   what runs, on the scheduler's thread, when the time has come
     */
    SessionExpiry(SessionManager manager, Runnable onDue) {
        this.manager = manager;
        this.onDue = onDue;
    }

    /** Arms the expiry {@code minutes} from now (0 or less: never). */
    void arm(int minutes) {
        armAt(minutes <= 0 ? 0 : System.currentTimeMillis() + minutes * manager.minuteMillis());
    }

    /** Arms the expiry at an epoch-milliseconds time (0: never). */
    synchronized void armAt(long when) {
        cancel();
        expirationTime = when;
        if (when == 0) {
            return;
        }
        timer = manager.scheduler().schedule(onDue, Math.max(0, when - System.currentTimeMillis()));
    }

    /** Stops the scheduled expiry, if any; the expiration time is kept. */
    synchronized void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    /** @return the expiration time, epoch milliseconds, 0 for never */
    long time() {
        return expirationTime;
    }

    /** @return whether an expiration time is set and has passed */
    boolean passed() {
        long t = expirationTime;
        return t != 0 && System.currentTimeMillis() >= t;
    }
}
