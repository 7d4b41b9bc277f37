package org.olelo.container.internal.proxy;

import gov.nist.javax.sip.message.SIPRequest;
import java.util.Locale;
import javax.sip.address.SipURI;
import javax.sip.header.ContactHeader;
import javax.sip.header.RouteHeader;
import org.olelo.container.internal.flow.FlowImpl;
import org.olelo.core.transport.InternalTransport;

/**
 * This server as an RFC 5626 edge proxy (§5.3). When a proxy application adds itself to the Path
 * of an outbound REGISTER (a Contact with {@code reg-id}, {@code Supported: outbound}) that came
 * straight from the user agent (one Via), the Path URI gets {@code ob} and {@value #FLOW_PARAM},
 * the token of the flow the REGISTER came over; the entry is signed like every Path entry of ours.
 * A request that later comes back with that entry as its top Route, for the Request-URI it names,
 * goes over that flow, and is answered {@code 430 Flow Failed} when the flow's connection is gone.
 *
 * <p>Stateless; runs on the proxy's executor.
 */
final class EdgeFlows {

    /** The Path URI parameter carrying the flow token. */
    static final String FLOW_PARAM = "olf";

    private EdgeFlows() {
    }

    /** @return {@code ;ob;olf=TOKEN} for an outbound REGISTER straight from its user agent, else "" */
    static String obParams(ProxyImpl proxy) {
        SIPRequest r = proxy.originalRequest();
        if (r.getViaHeaders() == null || r.getViaHeaders().size() != 1 || !outbound(r)
                || proxy.transaction().transport() instanceof InternalTransport) {
            return "";
        }
        FlowImpl f = proxy.runtime().sessions().flows().of(proxy.transaction().transport(), proxy.transaction().source());
        return f == null ? "" : ";ob;" + FLOW_PARAM + "=" + f.getToken();
    }

    /**
     * @param proxy the proxy
     * @param copy  the branch request (its Request-URI is the branch's target)
     * @return the flow token of the signed Path entry of ours the request came back with, when the
     *         branch goes to the Request-URI the request came with; else null
     */
    static String pathFlowToken(ProxyImpl proxy, SIPRequest copy) {
        RouteHeader popped = proxy.transaction().poppedRoute();
        if (popped == null || !(popped.getAddress().getURI() instanceof SipURI u) || u.getParameter(FLOW_PARAM) == null
                || !copy.getRequestURI().equals(proxy.originalRequest().getRequestURI())
                || !proxy.runtime().core().routeTokens().verifiesPath(u)) {
            return null;
        }
        return u.getParameter(FLOW_PARAM);
    }

    private static boolean outbound(SIPRequest r) {
        boolean supported = false;
        for (java.util.ListIterator<?> it = r.getHeaders("Supported"); it.hasNext(); ) {
            supported |= it.next().toString().toLowerCase(Locale.ROOT).contains("outbound");
        }
        if (!supported || r.getContactHeaders() == null) {
            return false;
        }
        for (Object c : r.getContactHeaders()) {
            if (((ContactHeader) c).getParameter("reg-id") != null) {
                return true;
            }
        }
        return false;
    }
}
