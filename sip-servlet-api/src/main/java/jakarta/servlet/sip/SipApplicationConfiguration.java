package jakarta.servlet.sip;

/**
 * The deployment configuration of a SIP application, merged from its deployment descriptor and
 * annotations. Obtained from {@link SipServletContext#getSipApplicationConfiguration()}, for
 * example in a {@code ServletContainerInitializer}.
 *
 * @since 2.0
 */
public interface SipApplicationConfiguration {

    /**
     * Returns the name of the SIP application.
     *
     * @return the application name
     */
    String getApplicationName();

    /**
     * Returns the name of the main servlet, which receives the initial requests routed to the
     * application.
     *
     * @return the main servlet name, or {@code null} if none is configured
     */
    String getMainServlet();

    /**
     * Sets the main servlet; only possible while the application is being initialised.
     *
     * @param servletName the name of a servlet of the application
     * @throws IllegalStateException if the servlet context has already been initialised
     */
    void setMainServlet(String servletName);

    /**
     * Returns the configured default proxy timeout.
     *
     * @return the proxy timeout in seconds
     */
    int getProxyTimeout();

    /**
     * Returns the configured default application session timeout.
     *
     * @return the session timeout in minutes; zero or less means sessions never expire
     */
    int getSessionTimeout();

    /**
     * Tells whether the application is marked distributable.
     *
     * @return {@code true} if the application may run on several cluster members
     */
    boolean getDistributable();
}
