package jakarta.servlet.sip;

import java.util.EventListener;

/** Application listener notified of the life cycle of the application's {@link SipApplicationSession}s. */
public interface SipApplicationSessionListener extends EventListener {

    /**
     * Called after an application session has been created.
     *
     * @param ev identifies the session
     */
    void sessionCreated(SipApplicationSessionEvent ev);

    /**
     * Called when an application session is being invalidated, before its attributes are unbound.
     *
     * @param ev identifies the session
     */
    void sessionDestroyed(SipApplicationSessionEvent ev);

    /**
     * Called when an application session has expired. The listener may extend its lifetime with
     * {@link SipApplicationSession#setExpires(int)}; otherwise the container invalidates it.
     *
     * @param ev identifies the session
     */
    void sessionExpired(SipApplicationSessionEvent ev);

    /**
     * Called when an application session whose invalidate-when-ready flag is set reaches the
     * ready-to-invalidate state. The container invalidates it after this call unless the listener
     * clears the flag.
     *
     * @param ev identifies the session
     * @since 1.1
     */
    void sessionReadyToInvalidate(SipApplicationSessionEvent ev);
}
