package org.olelo.container.internal.proxy;

import gov.nist.javax.sip.header.RecordRoute;
import gov.nist.javax.sip.header.RouteList;
import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.text.ParseException;
import java.util.Iterator;
import javax.sip.header.RouteHeader;
import org.olelo.container.internal.address.SipURIImpl;
import org.olelo.core.routing.RouteTokens;
import org.olelo.core.transport.Transport;

/**
 * The route entries a proxy branch reads and writes in the request it forwards: the next hop of its
 * Route set (RFC 3261 §16.6 steps 6-7), our Record-Route entries (§16.6 step 4) and Path entries
 * (RFC 3327), with the parameters the application set on their URIs. Stateless; runs on the
 * application session's executor with the branch.
 */
final class BranchEntries {

    private BranchEntries() {
    }

    /** The top Route if it is a loose router, else the Request-URI; a strict router is handled per §16.6 step 6. */
    static javax.sip.address.URI nextHopUri(SIPRequest r) throws ParseException, javax.sip.SipException {
        RouteList routes = r.getRouteHeaders();
        if (routes == null || routes.isEmpty()) {
            return r.getRequestURI();
        }
        RouteHeader top = (RouteHeader) routes.getFirst();
        javax.sip.address.URI u = top.getAddress().getURI();
        if (u instanceof javax.sip.address.SipURI su && !su.hasLrParam()) {
            javax.sip.address.URI ruri = r.getRequestURI();
            org.olelo.core.message.lazy.Received.changed(r);
            r.removeFirst(RouteHeader.NAME);
            r.addLast((SIPHeader) StringMsgParser.parseSIPHeader("Route: <" + ruri + ">\r\n"));
            r.setRequestURI(u);
            return u;
        }
        return u;
    }

    /**
     * Our Record-Route entry (two when the request changes transport or address family), signed for
     * the dialog ({@link RouteTokens}): only requests of this dialog may follow it back through us.
     */
    static void addRecordRoute(ProxyImpl proxy, SIPRequest copy, Transport out) throws ParseException, javax.sip.SipException {
        Transport in = proxy.transaction().transport();
        String params = recordRouteParams(proxy);
        RecordRoute outer = entry("Record-Route", rrValue(out, params));
        String token = proxy.runtime().core().routeTokens().signRecordRoute(
                (javax.sip.address.SipURI) outer.getAddress().getURI(), copy.getCallId().getCallId(), copy.getFromTag());
        if (!in.name().equals(out.name()) || !in.advertisedHost().equals(out.advertisedHost())) {
            RecordRoute inner = entry("Record-Route", rrValue(in, params));
            RouteTokens.setToken((javax.sip.address.SipURI) inner.getAddress().getURI(), token);
            copy.addFirst(inner);
        }
        copy.addFirst(outer);
    }

    /** One Record-Route or Path entry, parsed from its value. */
    static <H extends SIPHeader> H entry(String name, String value) throws ParseException {
        SIPHeader h = StringMsgParser.parseSIPHeader(name + ": " + value + "\r\n");
        if (h instanceof gov.nist.javax.sip.header.SIPHeaderList<?> list) {
            h = (SIPHeader) list.getFirst();
        }
        @SuppressWarnings("unchecked")
        H typed = (H) h;
        return typed;
    }

    private static String recordRouteParams(ProxyImpl proxy) {
        StringBuilder sb = new StringBuilder(";lr");
        if (proxy.session() != null) {
            sb.append(";ol=").append(proxy.session().getId());
        }
        SipURIImpl extra = proxy.recordRouteUriIfAny();
        if (extra != null) {
            for (Iterator<String> it = extra.getParameterNames(); it.hasNext(); ) {
                String n = it.next();
                String v = extra.getParameter(n);
                sb.append(';').append(n);
                if (v != null && !v.isEmpty()) {
                    sb.append('=').append(v);
                }
            }
        }
        return sb.toString();
    }

    static String pathParams(ProxyImpl proxy) {
        StringBuilder sb = new StringBuilder(";lr");
        SipURIImpl extra = proxy.pathUriIfAny();
        if (extra != null) {
            for (Iterator<String> it = extra.getParameterNames(); it.hasNext(); ) {
                String n = it.next();
                String v = extra.getParameter(n);
                if (!n.equalsIgnoreCase("lr")) {
                    sb.append(';').append(n);
                    if (v != null && !v.isEmpty()) {
                        sb.append('=').append(v);
                    }
                }
            }
        }
        return sb.toString();
    }

    static String rrValue(Transport t, String params) {
        String tp = t.name().equals("UDP") ? "" : ";transport=" + t.name().toLowerCase();
        return "<sip:" + t.advertisedHost() + ":" + t.advertisedPort() + tp + params + ">";
    }
}
