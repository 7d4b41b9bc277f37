package org.olelo.apps.registrar;

import jakarta.servlet.ServletException;
import jakarta.servlet.sip.SipServlet;
import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.SipServletResponse;

import java.io.IOException;

/**
 * The {@code msilo} servlet: the handler of the MESSAGEs that deliver stored messages; it passes
 * their final answers to {@link SiloDelivery}. No request is mapped to it; one that reaches it all
 * the same is refused with 403.
 *
 * <p>Runs on the container's application executor (a virtual thread); never blocks.
 */
public class SiloServlet extends SipServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doResponse(SipServletResponse resp) throws ServletException, IOException {
        if (getServletContext().getAttribute(SiloDelivery.ATTRIBUTE) instanceof SiloDelivery delivery) {
            delivery.answered(resp);
        }
    }

    @Override
    protected void doRequest(SipServletRequest req) throws ServletException, IOException {
        if (!req.getMethod().equals("ACK") && !req.getMethod().equals("CANCEL")) {
            req.createResponse(SipServletResponse.SC_FORBIDDEN).send();
        }
    }
}
