package org.olelo.apps.forwarding;

import jakarta.servlet.sip.ProxyBranch;
import jakarta.servlet.sip.ServletTimer;
import jakarta.servlet.sip.TimerListener;
import jakarta.servlet.sip.TooManyHopsException;

/**
 * The no-answer timer of a call: when it fires before a final answer, the pending branch is
 * cancelled; its 487 then reaches {@link ForwardingServlet#doErrorResponse}, which sends the call
 * to the no-answer target.
 *
 * <p>Runs on the application session's executor (the container hands timer expiry to it), so it
 * never races the servlet for the same call.
 */
public class NoAnswerTimer implements TimerListener {

    @Override
    public void timeout(ServletTimer timer) {
        ForwardedCall call = ForwardedCall.of(timer.getApplicationSession());
        if (call == null || call.forwarded || call.noAnswerTimer != timer) {
            return;
        }
        call.noAnswerTimer = null;
        call.noAnswer = true;
        try {
            for (ProxyBranch b : call.invite.getProxy().getProxyBranches()) {
                if (b.isStarted()) {
                    b.cancel();
                }
            }
        } catch (TooManyHopsException e) {
            // not thrown for a request that is already proxied
        }
    }
}
