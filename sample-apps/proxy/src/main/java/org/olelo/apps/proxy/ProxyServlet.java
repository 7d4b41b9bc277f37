package org.olelo.apps.proxy;

import jakarta.servlet.ServletException;
import jakarta.servlet.sip.Proxy;
import jakarta.servlet.sip.SipServlet;
import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.SipServletResponse;
import jakarta.servlet.sip.SipURI;
import jakarta.servlet.sip.URI;
import java.io.IOException;
import java.util.List;

/**
 * Relays every initial request to its Request-URI, statefully and with Record-Route, so that the
 * dialog's later requests come back through this server.
 *
 * <p>What it does per request:
 * <ul>
 *   <li>initial request (other than ACK and CANCEL): {@link Proxy#proxyTo(URI)} to the
 *       Request-URI, record-routed and unsupervised (the responses go upstream without passing
 *       through this servlet, which is all a plain relay needs);</li>
 *   <li>an initial request whose Request-URI is this server itself is answered 404: without a
 *       location service there is nowhere to relay it, and relaying it would loop;</li>
 *   <li>subsequent requests (ACK, BYE, re-INVITE in the dialog) and CANCEL: nothing; the container
 *       proxies them along the recorded route (JSR 289 §10.2.5 and §10.2.6).</li>
 * </ul>
 * Max-Forwards exhaustion (483) is handled by the container before this servlet is called.
 *
 * <p>Runs on the container's application executor, one call at a time per application session;
 * it does not block.
 */
public class ProxyServlet extends SipServlet {

    private static final long serialVersionUID = 1L;

    /** Handles every request method alike; see the class description. */
    @Override
    protected void doRequest(SipServletRequest req) throws ServletException, IOException {
        if (!req.isInitial() || req.getMethod().equals("ACK") || req.getMethod().equals("CANCEL")) {
            return;
        }
        URI target = req.getRequestURI();
        if (isThisServer(target)) {
            req.createResponse(SipServletResponse.SC_NOT_FOUND, "No route: the Request-URI is this proxy").send();
            return;
        }
        Proxy proxy = req.getProxy();
        proxy.setRecordRoute(true);
        proxy.setSupervised(false);
        proxy.proxyTo(target);
    }

    private boolean isThisServer(URI uri) {
        if (!(uri instanceof SipURI sip)) {
            return false;
        }
        int port = effectivePort(sip);
        Object interfaces = getServletContext().getAttribute(OUTBOUND_INTERFACES);
        if (!(interfaces instanceof List<?> list)) {
            return false;
        }
        for (Object o : list) {
            if (o instanceof SipURI local && local.getHost().equalsIgnoreCase(sip.getHost())
                    && effectivePort(local) == port) {
                return true;
            }
        }
        return false;
    }

    private static int effectivePort(SipURI uri) {
        return uri.getPort() > 0 ? uri.getPort() : uri.isSecure() ? 5061 : 5060;
    }
}
