package org.olelo.apps.b2bua;

import jakarta.servlet.sip.SipApplicationSession;
import jakarta.servlet.sip.SipApplicationSessionEvent;
import jakarta.servlet.sip.SipApplicationSessionListener;
import jakarta.servlet.sip.SipSession;
import java.util.Iterator;

/**
 * Keeps a call's application session alive while one of its dialogs is confirmed:
 * a long call outlives the {@code session-timeout} of {@code sip.xml}, which then only bounds
 * how long a finished or abandoned call is remembered.
 *
 * <p>Runs on the container's timer or application executor when a session expires; it does not
 * block.
 */
public class CallLifetimeListener implements SipApplicationSessionListener {

    /** Minutes added each time an application session with a live dialog expires. */
    static final int EXTENSION_MINUTES = 30;

    @Override
    public void sessionCreated(SipApplicationSessionEvent ev) {
        // nothing to prepare
    }

    @Override
    public void sessionDestroyed(SipApplicationSessionEvent ev) {
        // the container ends the dialogs' transactions itself
    }

    @Override
    public void sessionReadyToInvalidate(SipApplicationSessionEvent ev) {
        // invalidated by the container once every dialog has ended
    }

    /** Extends the session when a dialog of the call is still up. */
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
}
