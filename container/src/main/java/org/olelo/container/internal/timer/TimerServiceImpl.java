package org.olelo.container.internal.timer;

import jakarta.servlet.sip.ServletTimer;
import jakarta.servlet.sip.SipApplicationSession;
import jakarta.servlet.sip.TimerListener;
import jakarta.servlet.sip.TimerService;
import java.io.Serializable;
import org.olelo.container.internal.session.SipApplicationSessionImpl;
import org.olelo.core.transaction.TransactionTimers;

/**
 * The timer service of the container: timers belong to an application session, fire on its
 * serial executor and are delivered to the application's {@link TimerListener}s (declared in
 * sip.xml or with {@code @SipListener}). A persistent timer lives exactly as long as a
 * non-persistent one: with its application session, not across a restart; the timers of a
 * distributable application's session are copied with it to the cluster and fire on the node that
 * takes the session over ({@link #restore}). Any application thread may create timers.
 */
public final class TimerServiceImpl implements TimerService {

    private final TransactionTimers timers;

    /** @param timers the container's timer thread */
    public TimerServiceImpl(TransactionTimers timers) {
        this.timers = timers;
    }

    @Override
    public ServletTimer createTimer(SipApplicationSession appSession, long delay, boolean isPersistent, Serializable info) {
        return create(appSession, delay, 0, false, isPersistent, info);
    }

    @Override
    public ServletTimer createTimer(SipApplicationSession appSession, long delay, long period, boolean fixedDelay,
                                    boolean isPersistent, Serializable info) {
        if (period <= 0) {
            throw new IllegalArgumentException("period must be positive, got " + period);
        }
        return create(appSession, delay, period, fixedDelay, isPersistent, info);
    }

    /**
     * Schedules a timer of a session restored from another node's copy, under its id and at its
     * next time (at once when that is past). Any thread.
     *
     * @param session the restored session
     * @param facts   the copied timer, its information read back
     * @return the timer
     */
    public ServletTimer restore(SipApplicationSessionImpl session, TimerFacts facts) {
        return new ServletTimerImpl(facts.id(), session, timers, facts.nextFire(), facts.period(), !facts.fixedRate(),
                facts.persistent(), facts.info());
    }

    private ServletTimer create(SipApplicationSession appSession, long delay, long period, boolean fixedDelay,
                                boolean persistent, Serializable info) {
        if (!(appSession instanceof SipApplicationSessionImpl s)) {
            throw new IllegalArgumentException("not an application session of this container");
        }
        if (delay < 0) {
            throw new IllegalArgumentException("delay must not be negative, got " + delay);
        }
        if (!s.isValid()) {
            throw new IllegalStateException("application session " + s.getId() + " was invalidated");
        }
        if (s.app().listeners(TimerListener.class).isEmpty()) {
            throw new IllegalStateException("application " + s.getApplicationName() + " has no TimerListener");
        }
        return new ServletTimerImpl(s, timers, delay, period, fixedDelay, persistent, info);
    }
}
