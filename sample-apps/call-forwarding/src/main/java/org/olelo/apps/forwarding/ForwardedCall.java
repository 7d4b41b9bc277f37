package org.olelo.apps.forwarding;

import jakarta.servlet.sip.ServletTimer;
import jakarta.servlet.sip.SipApplicationSession;
import jakarta.servlet.sip.SipServletRequest;

/**
 * The state of one call with forwarding targets, kept as an attribute of its application
 * session: the INVITE being proxied, the targets, the no-answer timer and which stage the call is
 * in. Touched only on the application session's executor (servlet and timer), one at a time.
 */
final class ForwardedCall {

    private static final String ATTRIBUTE = "org.olelo.apps.forwarding.call";

    final SipServletRequest invite;
    final ForwardingRules.Targets targets;
    ServletTimer noAnswerTimer;
    /** Set when the no-answer timer cancelled the first branch. */
    boolean noAnswer;
    /** Set once the call went to a forwarding target: no second forwarding. */
    boolean forwarded;

    ForwardedCall(SipServletRequest invite, ForwardingRules.Targets targets) {
        this.invite = invite;
        this.targets = targets;
    }

    void store(SipApplicationSession as) {
        as.setAttribute(ATTRIBUTE, this);
    }

    /** @return the call of {@code as}, or null */
    static ForwardedCall of(SipApplicationSession as) {
        return as != null && as.isValid() && as.getAttribute(ATTRIBUTE) instanceof ForwardedCall c ? c : null;
    }

    /** Stops the no-answer timer if it is still armed. */
    void stopTimer() {
        if (noAnswerTimer != null) {
            noAnswerTimer.cancel();
            noAnswerTimer = null;
        }
    }
}
