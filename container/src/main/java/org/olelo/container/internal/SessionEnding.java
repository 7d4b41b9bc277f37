package org.olelo.container.internal;

import jakarta.servlet.sip.SipSession;
import org.olelo.container.internal.deploy.VersionWork;
import org.olelo.container.internal.session.SipApplicationSessionImpl;
import org.olelo.container.internal.session.SipSessionImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends one application session of a version whose drain time passed (or of a server that
 * stops): its calls are hung up in SIP when asked, then it is invalidated. Runs on the session's
 * executor, behind the work queued there; blocks on nothing (the BYE and CANCEL go out through
 * client transactions whose answers nobody waits for).
 */
final class SessionEnding {

    private static final Logger LOG = LoggerFactory.getLogger(SessionEnding.class);

    private SessionEnding() {
    }

    /**
     * @param as     the application session
     * @param hangUp whether to end its INVITE dialogs in SIP first: BYE when confirmed (both parties of
     *               a record-routed proxied dialog), CANCEL or 487 while ringing
     * @param tally  where to count what was ended
     */
    static void end(SipApplicationSessionImpl as, boolean hangUp, VersionWork.Tally tally) {
        if (!as.isValid()) {
            return; // it ended by itself meanwhile
        }
        int timers = as.activeTimerCount();
        int dialogs = 0;
        if (hangUp) {
            for (SipSessionImpl s : as.sipSessions()) {
                dialogs += hangUp(s) ? 1 : 0;
            }
        }
        as.runAsCurrent("end of the drain time", () -> {
            if (as.isValid()) {
                as.invalidate();
            }
        });
        tally.ended(timers, dialogs);
    }

    /** Ends one SIP session's call in SIP; true when it was an early or confirmed dialog that got BYE or CANCEL. */
    private static boolean hangUp(SipSessionImpl s) {
        SipSession.State state = s.getState();
        if (!s.isValid() || state == SipSession.State.TERMINATED) {
            return false;
        }
        try {
            // the session's role knows how: BYE, CANCEL or 487 for a user agent's INVITE dialog; for a
            // proxy, CANCEL while early, BYEs to both parties when the dialog was record-routed
            if (!s.role().hangUp()) {
                return false;
            }
        } catch (RuntimeException e) {
            LOG.debug("{}: the call of SIP session {} could not be ended in SIP: {}", as(s), s.getId(), e.toString());
            return false;
        }
        return state == SipSession.State.EARLY || state == SipSession.State.CONFIRMED;
    }

    private static String as(SipSessionImpl s) {
        return s.parent().getApplicationName();
    }
}
