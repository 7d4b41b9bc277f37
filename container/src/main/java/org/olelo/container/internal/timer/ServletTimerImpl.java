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
 * One application timer: one-shot or repeating (fixed delay or fixed rate). It fires on the timer
 * thread and is delivered to the application's {@link TimerListener}s on the application session's
 * serial executor; it ends with its application session.
 */
final class ServletTimerImpl implements ServletTimer {

    private static final Logger LOG = LoggerFactory.getLogger(ServletTimerImpl.class);

    private final String id = SipMessages.token(12);
    private final SipApplicationSessionImpl session;
    private final TransactionTimers timers;
    private final Serializable info;
    private final long period;
    private final boolean fixedDelay;
    private volatile long scheduledTime;
    private volatile long nextTime;
    private volatile boolean cancelled;
    private ScheduledFuture<?> future;

    ServletTimerImpl(SipApplicationSessionImpl session, TransactionTimers timers, long delay, long period,
                     boolean fixedDelay, Serializable info) {
        this.session = session;
        this.timers = timers;
        this.info = info;
        this.period = period;
        this.fixedDelay = fixedDelay;
        session.addTimer(this);
        schedule(delay);
    }

    private synchronized void schedule(long delay) {
        nextTime = System.currentTimeMillis() + delay;
        future = timers.schedule(() -> session.executor().execute(this::fire), Math.max(0, delay));
    }

    private void fire() {
        if (cancelled || !session.isValid()) {
            return;
        }
        scheduledTime = nextTime;
        if (period > 0) {
            long next = fixedDelay ? period : Math.max(0, scheduledTime + period - System.currentTimeMillis());
            schedule(next);
        }
        List<TimerListener> ls = session.app().listeners(TimerListener.class);
        try {
            session.access();
            session.app().runInContext(() -> ls.forEach(l -> l.timeout(this)));
        } catch (RuntimeException e) {
            LOG.warn("{}: timer listener failed", session.getApplicationName(), e);
        }
        if (period <= 0 && !cancelled) {
            cancelled = true;
            session.removeTimer(this);
        }
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
        cancelled = true;
        synchronized (this) {
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
        return cancelled ? 0 : Math.max(0, nextTime - System.currentTimeMillis());
    }
}
