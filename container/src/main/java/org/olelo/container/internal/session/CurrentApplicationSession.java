package org.olelo.container.internal.session;

/**
 * The application session whose work the current thread runs (a servlet call, a timer, a
 * listener), for {@code SipSessionsUtil.getCurrentApplicationSession()}. Set around each piece of
 * work on the session's executor; nested work restores the outer value.
 */
public final class CurrentApplicationSession {

    private static final ThreadLocal<SipApplicationSessionImpl> CURRENT = new ThreadLocal<>();

    private CurrentApplicationSession() {
    }

    /** The session of the work running on this thread, or null. */
    public static SipApplicationSessionImpl get() {
        return CURRENT.get();
    }

    /**
     * Makes {@code s} the current session.
     *
     * @return the previous one, to hand to {@link #restore}
     */
    public static SipApplicationSessionImpl enter(SipApplicationSessionImpl s) {
        SipApplicationSessionImpl previous = CURRENT.get();
        CURRENT.set(s);
        return previous;
    }

    /** Puts back the session that {@link #enter} replaced. */
    public static void restore(SipApplicationSessionImpl previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }
}
