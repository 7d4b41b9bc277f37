package jakarta.servlet.sip;

import java.util.EventListener;

/** Application listener notified of the life cycle of the application's {@link SipSession}s. */
public interface SipSessionListener extends EventListener {

    /**
     * Called after a SIP session has been created.
     *
     * @param se identifies the session
     */
    void sessionCreated(SipSessionEvent se);

    /**
     * Called when a SIP session is being invalidated, before its attributes are unbound.
     *
     * @param se identifies the session
     */
    void sessionDestroyed(SipSessionEvent se);

    /**
     * Called when a SIP session whose invalidate-when-ready flag is set reaches the
     * ready-to-invalidate state. The container invalidates it after this call unless the listener
     * clears the flag.
     *
     * @param se identifies the session
     * @since 1.1
     */
    void sessionReadyToInvalidate(SipSessionEvent se);
}
