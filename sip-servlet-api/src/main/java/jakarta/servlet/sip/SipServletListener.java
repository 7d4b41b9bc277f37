package jakarta.servlet.sip;

import java.util.EventListener;

/**
 * Application listener told when a SIP servlet has been initialised, that is after its
 * {@code init} method returned. Useful for load-on-startup servlets that want to send requests
 * as soon as the application is up.
 *
 * @since 1.1
 */
public interface SipServletListener extends EventListener {

    /**
     * Called after a SIP servlet of the application has been initialised.
     *
     * @param ce the servlet context and the initialised servlet
     */
    void servletInitialized(SipServletContextEvent ce);
}
