package org.olelo.container.internal.security;

import jakarta.servlet.Servlet;
import org.olelo.container.internal.deploy.DeployedApp;
import org.olelo.container.internal.message.SipServletRequestImpl;

/**
 * Decides whether an initial request may reach the servlet chosen for it. Called by the container
 * on the application session's executor (a virtual thread) right before the servlet runs; it may
 * block (database look-ups).
 */
@FunctionalInterface
public interface InitialRequestGuard {

    /** Lets every request through: authentication is off. */
    InitialRequestGuard OPEN = (app, servletName, servlet, req) -> true;

    /**
     * @param app         the application
     * @param servletName the chosen servlet's name
     * @param servlet     the chosen servlet
     * @param req         the initial request
     * @return true to run the servlet; false when the guard has answered the request itself
     *         (a challenge or a refusal)
     */
    boolean admit(DeployedApp app, String servletName, Servlet servlet, SipServletRequestImpl req);
}
