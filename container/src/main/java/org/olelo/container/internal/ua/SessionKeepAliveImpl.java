package org.olelo.container.internal.ua;

import jakarta.servlet.sip.SessionKeepAlive;
import jakarta.servlet.sip.SipSession;
import java.io.IOException;
import java.util.concurrent.ScheduledFuture;
import org.olelo.container.internal.session.SipSessionImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session timer of one dialog (RFC 4028): when this side refreshes, a refresh is due at half
 * the interval (the refresh callback, or an UPDATE the container sends); when the peer refreshes
 * and does not, the session expires shortly before the interval ends (the expiry callback, or a
 * BYE the container sends).
 *
 * <p>Started and restarted on the application session's executor; its timers hand work to it.
 */
final class SessionKeepAliveImpl implements SessionKeepAlive {

    private static final Logger LOG = LoggerFactory.getLogger(SessionKeepAliveImpl.class);

    private final UserAgent ua;
    private final SipSessionImpl session;
    private volatile boolean refresher;
    private volatile int interval;
    private volatile long lastRefresh;
    private volatile Callback refreshCallback;
    private volatile Callback expiryCallback;
    private ScheduledFuture<?> timer;

    SessionKeepAliveImpl(UserAgent ua, SipSessionImpl session) {
        this.ua = ua;
        this.session = session;
    }

    /** (Re)starts the timer after a successful INVITE or UPDATE. */
    synchronized void restart(int seconds, boolean weRefresh) {
        stop();
        this.interval = seconds;
        this.refresher = weRefresh;
        this.lastRefresh = System.currentTimeMillis();
        long delay = weRefresh ? seconds * 500L : (seconds - Math.min(32, seconds / 3)) * 1000L;
        timer = ua.rt.timers().schedule(() -> session.parent().executor().execute(this::fire), delay);
    }

    synchronized void stop() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void fire() {
        if (!session.isValid() || session.getState() != SipSession.State.CONFIRMED) {
            return;
        }
        if (refresher) {
            Callback cb = refreshCallback;
            if (cb != null) {
                cb.handle(session);
                return;
            }
            try {
                ua.send(ua.inDialogRequest(session, "UPDATE"));
            } catch (IOException | RuntimeException e) {
                LOG.debug("session refresh not sent: {}", e.toString());
            }
        } else {
            Callback cb = expiryCallback;
            if (cb != null) {
                cb.handle(session);
                return;
            }
            try {
                ua.send(ua.inDialogRequest(session, "BYE"));
            } catch (IOException | RuntimeException e) {
                LOG.debug("BYE for an expired session not sent: {}", e.toString());
                ua.terminate(session);
            }
        }
    }

    @Override
    public boolean isRefresher() {
        return refresher;
    }

    @Override
    public int getExpirationInterval() {
        return interval;
    }

    @Override
    public long getLastExpirationTime() {
        return lastRefresh;
    }

    @Override
    public long getRemainingTime() {
        return Math.max(0, lastRefresh + interval * 1000L - System.currentTimeMillis());
    }

    @Override
    public void setRefreshCallback(Callback callback) {
        this.refreshCallback = callback;
    }

    @Override
    public Callback getRefreshCallback() {
        return refreshCallback;
    }

    @Override
    public void setExpiryCallback(Callback callback) {
        this.expiryCallback = callback;
    }

    @Override
    public Callback getExpiryCallback() {
        return expiryCallback;
    }
}
