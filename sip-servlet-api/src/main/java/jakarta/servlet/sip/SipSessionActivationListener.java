package jakarta.servlet.sip;

import java.util.EventListener;

/**
 * Implemented by objects bound to a {@link SipSession} (and declared listeners) that want to know
 * when the session is passivated or activated, for example when it migrates between cluster members.
 */
public interface SipSessionActivationListener extends EventListener {

    /**
     * Called just before the session is passivated.
     *
     * @param se identifies the session
     */
    void sessionWillPassivate(SipSessionEvent se);

    /**
     * Called just after the session has been activated.
     *
     * @param se identifies the session
     */
    void sessionDidActivate(SipSessionEvent se);
}
