package org.olelo.apps.registrar;

import jakarta.servlet.ServletException;
import jakarta.servlet.sip.SipServlet;
import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.SipServletResponse;

import java.io.IOException;

/**
 * The {@code natping} servlet: the handler of the registrar's NAT keep-alive OPTIONS; it passes
 * their final answers to {@link NatPinger}. No request is mapped to it; one that reaches it all the
 * same is refused with 403.
 *
 * <p>Runs on the container's application executor (a virtual thread); blocks on the store only
 * when a failed ping removes a binding.
 */
public class NatPingServlet extends SipServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doResponse(SipServletResponse resp) throws ServletException, IOException {
        if (getServletContext().getAttribute(NatPinger.ATTRIBUTE) instanceof NatPinger pinger) {
            pinger.answered(resp);
        }
    }

    @Override
    protected void doRequest(SipServletRequest req) throws ServletException, IOException {
        if (!req.getMethod().equals("ACK") && !req.getMethod().equals("CANCEL")) {
            req.createResponse(SipServletResponse.SC_FORBIDDEN).send();
        }
    }
}
