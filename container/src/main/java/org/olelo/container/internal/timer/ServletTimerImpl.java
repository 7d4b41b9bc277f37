package org.olelo.container.internal.timer;

import jakarta.servlet.sip.ServletTimer;
import jakarta.servlet.sip.SipApplicationSession;
import jakarta.servlet.sip.TimerListener;
import java.io.Serializable;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.olelo.container.internal.session.SipApplicationSessionImpl;
import org.olelo.core.message.SipMessages;
import org.olelo.core.transaction.TransactionTimers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One application timer: one-shot or repeating, at a fixed delay (each period measured from the
 * start of the previous execution) or at a fixed rate (each execution due one period after the
 * previous one was due, so late executions catch up). The container's timer thread only queues an
 * expiration on the application session's serial executor; the {@link TimerListener}s run there,
 * with the session as the current one. A timer ends when it has fired for the last time, when it
 * is cancelled, or with its application session.
 */
final class ServletTimerImpl implements ServletTimer {

    private static final Logger LOG = LoggerFactory.getLogger(ServletTimerImpl.class);

    private final String id;
    private final SipApplicationSessionImpl session;
    private final TransactionTimers timers;
    private final Serializable info;
    private final long period;
    private final boolean fixedDelay;
    private final boolean persistent;
    private volatile long scheduledTime;
    private volatile long nextTime;
    private volatile boolean cancelled;
    private ScheduledFuture<?> future;

    ServletTimerImpl(SipApplicationSessionImpl session, TransactionTimers timers, long delay, long period,
                     boolean fixedDelay, boolean persistent, Serializable info) {
        this(SipMessages.token(12), session, timers, System.currentTimeMillis() + Math.max(0, delay), period,
                fixedDelay, persistent, info);
    }

    /** A timer under a given id that fires first at {@code firstTime} (a timer restored from another node's copy). */
    ServletTimerImpl(String id, SipApplicationSessionImpl session, TransactionTimers timers, long firstTime, long period,
                     boolean fixedDelay, boolean persistent, Serializable info) {
        this.id = id;
        this.session = session;
        this.persistent = persistent;
        this.timers = timers;
        this.info = info;
        this.period = period;
        this.fixedDelay = fixedDelay;
        session.addTimer(this);
        scheduleAt(firstTime);
    }

    private synchronized void scheduleAt(long when) {
        if (cancelled) {
            return;
        }
        nextTime = when;
        long delay = Math.max(0, when - System.currentTimeMillis());
        future = timers.schedule(() -> session.executor().execute(this::fire), delay);
    }

    /** One expiration, on the application session's executor. */
    private void fire() {
        if (cancelled || !session.isValid()) {
            return;
        }
        long due = nextTime;
        scheduledTime = due;
        if (period > 0) {
            scheduleAt(fixedDelay ? System.currentTimeMillis() + period : due + period);
        }
        List<TimerListener> ls = session.app().listeners(TimerListener.class);
        session.access();
        session.runAsCurrent("timer " + id, () -> {
            for (TimerListener l : ls) {
                if (session.isValid()) {
                    try {
                        l.timeout(this);
                    } catch (RuntimeException e) {
                        LOG.warn("{}: TimerListener {} failed on timer {}", session.getApplicationName(), l.getClass().getName(), id, e);
                    }
                }
            }
        });
        if (period <= 0) {
            end();
            session.invocationEnded(); // the copy elsewhere loses the timer that ended
        }
    }

    private void end() {
        cancelled = true;
        session.removeTimer(this);
    }

    /** What a copy of the timer on another node needs (see {@link TimerFacts}). */
    TimerFacts facts() {
        return new TimerFacts(id, info, nextTime, period, !fixedDelay, persistent);
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public void cancel() {
        if (cancelled) {
            return;
        }
        synchronized (this) {
            cancelled = true;
            if (future != null) {
                future.cancel(false);
            }
        }
        session.removeTimer(this);
    }

    @Override
    public Serializable getInfo() {
        return info;
    }

    @Override
    public SipApplicationSession getApplicationSession() {
        return session;
    }

    @Override
    public long scheduledExecutionTime() {
        return scheduledTime;
    }

    @Override
    public long getTimeRemaining() {
        return cancelled ? 0 : nextTime - System.currentTimeMillis();
    }

    @Override
    public String toString() {
        return "ServletTimer[" + id + (period > 0 ? (fixedDelay ? ", fixed delay " : ", fixed rate ") + period + " ms" : "")
                + (cancelled ? ", ended" : "") + "]";
    }
}
