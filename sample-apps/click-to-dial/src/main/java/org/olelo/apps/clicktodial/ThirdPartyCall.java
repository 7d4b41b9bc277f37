package org.olelo.apps.clicktodial;

import jakarta.servlet.sip.ServletTimer;
import jakarta.servlet.sip.SipApplicationSession;
import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.SipServletResponse;
import jakarta.servlet.sip.SipSession;

/**
 * One click-to-dial call, kept as an attribute of its application session and in {@link Calls}:
 * the two INVITEs, A's answer (unacknowledged until B answers), the answer timer. Touched only on
 * the application session's executor, one message or timer at a time, except {@link #state()},
 * which the REST API reads from HTTP threads (its flags are volatile).
 */
final class ThirdPartyCall {

    private static final String ATTRIBUTE = "org.olelo.apps.clicktodial.call";

    final String id;
    final DialRequest parties;
    SipServletRequest inviteA;
    SipServletRequest inviteB;
    /** A's 2xx with its offer; its ACK carries B's answer. */
    SipServletResponse answerOfA;
    /** The dialog with B once B answered. */
    SipSession legB;
    ServletTimer answerTimer;
    /** Set once one side hung up or failed: late answers are ended at once. */
    volatile boolean ended;
    /** Set once both parties answered and the dialogs are linked. */
    volatile boolean connected;
    /** Set when the REST API ended the call. */
    volatile boolean hungUp;

    /**
     * @param id      the call's id (its application session's id)
     * @param parties A and B
     */
    ThirdPartyCall(String id, DialRequest parties) {
        this.id = id;
        this.parties = parties;
    }

    /** @return {@code calling}, {@code connected}, {@code ended} (after connecting, or hung up by request) or {@code failed} */
    String state() {
        if (!ended) {
            return connected ? "connected" : "calling";
        }
        return connected || hungUp ? "ended" : "failed";
    }

    void store(SipApplicationSession as) {
        as.setAttribute(ATTRIBUTE, this);
    }

    /** @return the call of {@code as}, or null */
    static ThirdPartyCall of(SipApplicationSession as) {
        return as != null && as.isValid() && as.getAttribute(ATTRIBUTE) instanceof ThirdPartyCall c ? c : null;
    }

    void stopTimer() {
        if (answerTimer != null) {
            answerTimer.cancel();
            answerTimer = null;
        }
    }

    /** Ends a dialog of this call if it is still up (CANCEL, ACK and BYE as its state needs). */
    static void end(SipSession leg) {
        if (leg != null && leg.isValid() && leg.getState() != SipSession.State.TERMINATED) {
            try {
                leg.terminateDialog();
            } catch (IllegalStateException e) {
                // ended meanwhile
            }
        }
    }
}
