package org.olelo.apps.clicktodial;

import jakarta.servlet.sip.ServletTimer;
import jakarta.servlet.sip.SipApplicationSession;
import jakarta.servlet.sip.SipApplicationSessionEvent;
import jakarta.servlet.sip.SipApplicationSessionListener;
import jakarta.servlet.sip.SipSession;
import jakarta.servlet.sip.TimerListener;
import java.util.Iterator;

/**
 * The hang-up timer of the REST API's DELETE ({@link Dialer#hangUp}), the answer timer (B did not answer within {@code answer.seconds}: B's INVITE is cancelled, and
 * the 487 ends A's dialog) and the lifetime of a call's application session (extended while a
 * dialog is up, so a long call outlives {@code session-timeout}).
 *
 * <p>Runs on the application session's executor; it does not block.
 */
public class CallListener implements TimerListener, SipApplicationSessionListener {

    /** Minutes added each time an application session with a live dialog expires. */
    static final int EXTENSION_MINUTES = 30;

    @Override
    public void timeout(ServletTimer timer) {
        ThirdPartyCall call = ThirdPartyCall.of(timer.getApplicationSession());
        if (Dialer.HANG_UP.equals(timer.getInfo())) {
            hangUp(call);
            return;
        }
        if (call == null || call.answerTimer != timer) {
            return;
        }
        call.answerTimer = null;
        if (call.inviteB != null && call.legB == null) {
            ThirdPartyCall.end(call.inviteB.getSession());
        }
    }

    /** The REST API's DELETE: both dialogs end, whatever their state. */
    private static void hangUp(ThirdPartyCall call) {
        if (call == null || call.ended) {
            return;
        }
        call.hungUp = true;
        call.ended = true;
        call.stopTimer();
        ThirdPartyCall.end(call.inviteA.getSession());
        if (call.inviteB != null) {
            ThirdPartyCall.end(call.inviteB.getSession());
        }
    }

    @Override
    public void sessionExpired(SipApplicationSessionEvent ev) {
        SipApplicationSession as = ev.getApplicationSession();
        Iterator<?> it = as.getSessions("SIP");
        while (it.hasNext()) {
            // only confirmed dialogs count: an early dialog that lost to another fork stays early
            if (it.next() instanceof SipSession s && s.isValid() && s.getState() == SipSession.State.CONFIRMED) {
                as.setExpires(EXTENSION_MINUTES);
                return;
            }
        }
    }

    @Override
    public void sessionCreated(SipApplicationSessionEvent ev) {
        // nothing to prepare
    }

    @Override
    public void sessionDestroyed(SipApplicationSessionEvent ev) {
        // nothing to release
    }

    @Override
    public void sessionReadyToInvalidate(SipApplicationSessionEvent ev) {
        // invalidated by the container once the MESSAGE is answered and both dialogs have ended
    }
}
