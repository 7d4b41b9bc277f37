package jakarta.servlet.sip;

import java.io.Serializable;

/**
 * The session timer (RFC 4028) of an INVITE dialog, obtained from {@link SipSession#getKeepAlive()}.
 * The container negotiates the session interval and the refresher from the Session-Expires and
 * Min-SE headers and the {@link Preference} set on the dialog-creating message; the application
 * can be told when the session must be refreshed and when it has expired.
 *
 * @since 2.0
 */
public interface SessionKeepAlive {

    /**
     * Tells whether this side of the dialog is responsible for refreshing the session.
     *
     * @return {@code true} if this side is the refresher
     */
    boolean isRefresher();

    /**
     * Returns the negotiated session interval.
     *
     * @return the session interval in seconds
     */
    int getExpirationInterval();

    /**
     * Returns when the current session interval started, that is when the session was last
     * established or refreshed.
     *
     * @return the time in milliseconds since the epoch
     */
    long getLastExpirationTime();

    /**
     * Returns how long the session has left before it expires unless it is refreshed.
     *
     * @return the remaining time in milliseconds
     */
    long getRemainingTime();

    /**
     * Sets the callback called when this side, being the refresher, should refresh the session.
     *
     * @param callback the callback, or {@code null} to remove it
     */
    void setRefreshCallback(Callback callback);

    /**
     * Returns the refresh callback.
     *
     * @return the callback, or {@code null} if none is set
     */
    Callback getRefreshCallback();

    /**
     * Sets the callback called when the session expires because it was not refreshed in time.
     *
     * @param callback the callback, or {@code null} to remove it
     */
    void setExpiryCallback(Callback callback);

    /**
     * Returns the expiry callback.
     *
     * @return the callback, or {@code null} if none is set
     */
    Callback getExpiryCallback();

    /** Which party is asked to refresh the session (the {@code refresher} parameter of Session-Expires). */
    enum Refresher {

        /** No preference: the party is chosen during negotiation. */
        NONE,

        /** The user agent client of the dialog-creating transaction refreshes. */
        UAC,

        /** The user agent server of the dialog-creating transaction refreshes. */
        UAS
    }

    /**
     * Session-timer settings an application requests on the message that creates or refreshes a
     * dialog, obtained from {@link SipServletMessage#getSessionKeepAlivePreference()}. The container
     * turns them into Session-Expires and Min-SE headers when the message is sent.
     */
    interface Preference {

        /**
         * Sets the preferred refresher.
         *
         * @param refresher the preferred refresher
         */
        void setRefresher(Refresher refresher);

        /**
         * Returns the preferred refresher.
         *
         * @return the preferred refresher
         */
        Refresher getRefresher();

        /**
         * Sets the smallest session interval this side accepts (Min-SE).
         *
         * @param seconds the minimum interval in seconds
         */
        void setMinimumExpiration(int seconds);

        /**
         * Returns the smallest session interval this side accepts.
         *
         * @return the minimum interval in seconds
         */
        int getMinimumExpiration();

        /**
         * Sets the requested session interval (Session-Expires).
         *
         * @param seconds the interval in seconds
         */
        void setExpiration(int seconds);

        /**
         * Returns the requested session interval.
         *
         * @return the interval in seconds
         */
        int getExpiration();

        /**
         * Turns the session timer on or off for the dialog.
         *
         * @param enabled {@code true} to use a session timer
         */
        void setEnabled(boolean enabled);

        /**
         * Tells whether the session timer is on.
         *
         * @return {@code true} if a session timer is requested
         */
        boolean getEnabled();
    }

    /** Application code the container calls for session-timer events of a {@link SipSession}. */
    interface Callback extends Serializable {

        /**
         * Called for a session-timer event.
         *
         * @param session the session whose timer triggered the call
         */
        void handle(SipSession session);
    }
}
