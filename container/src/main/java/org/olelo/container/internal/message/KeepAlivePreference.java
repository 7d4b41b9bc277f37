package org.olelo.container.internal.message;

import jakarta.servlet.sip.SessionKeepAlive;

/**
 * What an application asks of RFC 4028 session timers on an INVITE or UPDATE it sends, or on the
 * 2xx it answers one with. Disabled until the application enables it.
 */
public final class KeepAlivePreference implements SessionKeepAlive.Preference {

    /** RFC 4028 §4: the smallest Session-Expires and Min-SE anyone may use. */
    public static final int FLOOR = 90;

    private SessionKeepAlive.Refresher refresher = SessionKeepAlive.Refresher.NONE;
    private int minimum = FLOOR;
    private int expiration = 1800;
    private boolean enabled;

    @Override
    public void setRefresher(SessionKeepAlive.Refresher refresher) {
        this.refresher = refresher == null ? SessionKeepAlive.Refresher.NONE : refresher;
    }

    @Override
    public SessionKeepAlive.Refresher getRefresher() {
        return refresher;
    }

    @Override
    public void setMinimumExpiration(int seconds) {
        if (seconds < FLOOR) {
            throw new IllegalArgumentException("Min-SE below " + FLOOR + " s (RFC 4028): " + seconds);
        }
        this.minimum = seconds;
    }

    @Override
    public int getMinimumExpiration() {
        return minimum;
    }

    @Override
    public void setExpiration(int seconds) {
        if (seconds < minimum) {
            throw new IllegalArgumentException("Session-Expires " + seconds + " s is below the minimum " + minimum + " s");
        }
        this.expiration = seconds;
    }

    @Override
    public int getExpiration() {
        return expiration;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public boolean getEnabled() {
        return enabled;
    }
}
