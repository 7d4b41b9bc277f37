package org.olelo.container.internal.ua;

import org.olelo.container.internal.message.SipServletRequestImpl;
import org.olelo.container.internal.message.SipServletResponseImpl;
import org.olelo.container.internal.session.SipSessionImpl;

/**
 * How the user-agent layer hands messages to applications: the container runs the session's
 * handler servlet. Called on the application session's executor.
 */
public interface ServletInvoker {

    /** Runs the handler servlet of {@code s} for a request received in its dialog. */
    void request(SipSessionImpl s, SipServletRequestImpl request);

    /** Runs the handler servlet of {@code s} for a response to a request it sent. */
    void response(SipSessionImpl s, SipServletResponseImpl response);

    /** The name of the servlet running on this thread, or null outside a servlet. */
    String currentServlet();
}
