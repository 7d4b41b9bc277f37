package jakarta.servlet.sip;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;

/**
 * Event passed to {@link SipServletListener}s once a SIP servlet of the application has been
 * initialised.
 *
 * @since 1.1
 */
public class SipServletContextEvent extends ServletContextEvent {

    private static final long serialVersionUID = 1L;

    /** The servlet whose initialisation is reported. */
    private final SipServlet servlet;

    /**
     * Creates an event.
     *
     * @param context the servlet context of the application
     * @param servlet the servlet whose initialisation is reported
     */
    public SipServletContextEvent(ServletContext context, SipServlet servlet) {
        super(context);
        this.servlet = servlet;
    }

    /**
     * Returns the servlet whose initialisation is reported.
     *
     * @return the initialised servlet
     */
    public SipServlet getSipServlet() {
        return servlet;
    }
}
