package org.olelo.core.routing;

import java.util.Locale;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.RouteHeader;

/**
 * The transport a request inside a dialog takes from this server when its next hop (the next Route
 * entry or the remote target) names none: the one of this server's own Record-Route entry for
 * that side of the dialog. A server that record-routes a call across transports writes one entry
 * per side (RFC 5658 double record-routing), each naming the transport of its side
 * ({@code ;transport=tcp}; none for UDP); when a request of the dialog comes back, the last of our
 * entries the core removes from it is the one of the side the request goes to. A URI that names a
 * transport keeps it (RFC 3263): this only fills the gap the remote target leaves, e.g. a TCP
 * callee whose Contact says nothing.
 *
 * <p>Stateless; any thread.
 */
public final class DialogTransport {

    private DialogTransport() {
    }

    /**
     * The default transport for the next hop of a request inside a dialog.
     *
     * @param popped   the last Route entry naming this server that the core removed from the
     *                 request, or null
     * @param fallback the transport to use when that entry is not a Record-Route this server wrote
     *                 (it carries no {@value RouteTokens#PARAM} token), e.g. the inbound one
     * @return a transport name such as {@code UDP} or {@code TCP}
     */
    public static String of(RouteHeader popped, String fallback) {
        if (popped == null) {
            return fallback;
        }
        return of(popped.getAddress(), fallback);
    }

    /** Like {@link #of(RouteHeader, String)}, for one of our Record-Route entries kept as an address. */
    public static String of(Address entry, String fallback) {
        if (entry == null || !(entry.getURI() instanceof SipURI su) || su.getParameter(RouteTokens.PARAM) == null) {
            return fallback;
        }
        String t = su.getTransportParam();
        if (t == null || t.isEmpty()) {
            return su.isSecure() ? "TLS" : "UDP";
        }
        return t.toUpperCase(Locale.ROOT);
    }
}
