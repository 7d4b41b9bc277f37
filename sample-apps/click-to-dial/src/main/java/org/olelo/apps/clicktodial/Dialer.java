package org.olelo.apps.clicktodial;

import jakarta.servlet.sip.SipApplicationSession;
import jakarta.servlet.sip.SipFactory;
import jakarta.servlet.sip.TimerService;
import java.io.IOException;

/**
 * Starts and ends calls for both triggers, the SIP MESSAGE and the REST API; published by
 * {@link ClickToDialServlet} as the ServletContext attribute {@value #ATTRIBUTE}. Starting runs on
 * the trigger's thread (the MESSAGE's executor, or an HTTP thread for a new application session
 * nobody else touches yet); ending is queued as a timer of the call's application session, so that
 * it runs on that session's executor like every message of the call.
 */
final class Dialer {

    /** The ServletContext attribute holding the dialer. */
    static final String ATTRIBUTE = "org.olelo.apps.clicktodial.dialer";
    /** The info of the timer that ends a call on request. */
    static final String HANG_UP = "hang-up";

    final SipFactory factory;
    final TimerService timers;
    final ClickToDialStatistics stats;
    final Calls calls;

    Dialer(SipFactory factory, TimerService timers, ClickToDialStatistics stats, Calls calls) {
        this.factory = factory;
        this.timers = timers;
        this.stats = stats;
        this.calls = calls;
    }

    /**
     * Makes the call in {@code as}: A's INVITE (From: B, no SDP) exists, not sent yet.
     *
     * @return the call, remembered for the REST API
     */
    ThirdPartyCall prepare(SipApplicationSession as, DialRequest parties) {
        stats.requests.increment();
        ThirdPartyCall call = new ThirdPartyCall(as.getId(), parties);
        call.store(as);
        // A's session exists before the trigger is answered: the answered MESSAGE alone would
        // leave the application session ready to be invalidated
        call.inviteA = factory.createRequest(as, "INVITE", parties.b(), parties.a());
        calls.add(call);
        return call;
    }

    /** Sends A's INVITE; a call whose INVITE cannot leave has failed. */
    void send(ThirdPartyCall call) {
        try {
            call.inviteA.send();
        } catch (IOException e) {
            stats.failed.increment();
            call.ended = true;
        }
    }

    /**
     * Asks for the end of a call: on its application session's executor, its dialogs end (CANCEL,
     * or ACK and BYE, as each needs).
     *
     * @return false when the call has already ended or its session is gone
     */
    boolean hangUp(ThirdPartyCall call) {
        SipApplicationSession as = call.inviteA.getApplicationSession();
        if (call.ended || as == null || !as.isValid()) {
            return false;
        }
        try {
            timers.createTimer(as, 0, false, HANG_UP);
            return true;
        } catch (IllegalStateException e) {
            return false; // the session ended meanwhile
        }
    }
}
