package jakarta.servlet.sip;

import java.util.EventListener;

/**
 * Implemented by objects bound to a {@link SipApplicationSession} (and declared listeners) that
 * want to know when the session is passivated or activated, for example when it migrates
 * between cluster members.
 *
 * @since 1.1
 */
public interface SipApplicationSessionActivationListener extends EventListener {

    /**
     * Called just before the application session is passivated.
     *
     * @param se identifies the session
     */
    void sessionWillPassivate(SipApplicationSessionEvent se);

    /**
     * Called just after the application session has been activated.
     *
     * @param se identifies the session
     */
    void sessionDidActivate(SipApplicationSessionEvent se);
}
