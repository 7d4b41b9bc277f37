package org.olelo.core;

import gov.nist.javax.sip.header.RouteList;
import gov.nist.javax.sip.message.SIPRequest;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.RouteHeader;
import org.olelo.core.message.lazy.Received;
import org.olelo.core.routing.LocalAddresses;

/**
 * Route pre-processing of a received request (RFC 3261 §16.4): undo a strict router's rewrite,
 * then remove the Route entries that name this server and stand for one hop. Runs on transport
 * reader threads; no locks, no look-ups.
 */
final class RouteEntries {

    private RouteEntries() {
    }

    /** Pre-processes {@code r} in place; returns the last removed entry, or null. */
    static RouteHeader preprocess(SIPRequest r, LocalAddresses local) {
        RouteList routes = r.getRouteHeaders();
        URI ruri = r.getRequestURI();
        if (routes != null && !routes.isEmpty() && ruri instanceof SipURI su && su.hasLrParam() && isLocal(local, su)) {
            RouteHeader last = (RouteHeader) routes.getLast();
            Received.changed(r); // a strict router's rewrite undone
            r.setRequestURI(last.getAddress().getURI());
            routes.removeLast();
        }
        RouteHeader popped = null;
        routes = r.getRouteHeaders();
        while (routes != null && !routes.isEmpty()) {
            RouteHeader top = (RouteHeader) routes.getFirst();
            if (top.getAddress().getURI() instanceof SipURI su && isLocal(local, su)
                    && (popped == null || sameHop((SipURI) popped.getAddress().getURI(), su))) {
                popped = top;
                r.removeFirst(RouteHeader.NAME);
                Received.poppedRoute(r);
                routes = r.getRouteHeaders();
            } else {
                break;
            }
        }
        return popped;
    }

    /** True if the SIP URI names this server. */
    static boolean isLocal(LocalAddresses local, SipURI u) {
        return local.isLocal(u.getHost(), u.getPort(), u.getTransportParam());
    }

    /**
     * Whether two Route entries that both name this server stand for one hop: a hop that
     * record-routed on two listening points writes the same user and parameters in both entries,
     * differing only in address and transport. Entries that differ otherwise were written by two
     * hops of this server (two applications on one request's path) and are popped one at a time,
     * so that each hop receives the request with its own entry.
     */
    private static boolean sameHop(SipURI a, SipURI b) {
        if (!Objects.equals(a.getUser(), b.getUser())) {
            return false;
        }
        return hopParameters(a).equals(hopParameters(b));
    }

    private static Map<String, String> hopParameters(SipURI u) {
        Map<String, String> m = new HashMap<>();
        for (Iterator<String> it = u.getParameterNames(); it.hasNext(); ) {
            String n = it.next().toLowerCase(Locale.ROOT);
            if (!n.equals("transport") && !n.equals("maddr")) {
                String v = u.getParameter(n);
                m.put(n, v == null ? "" : v);
            }
        }
        return m;
    }
}
