package org.olelo.container.internal.session;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.olelo.core.SipCore;
import org.olelo.core.routing.Hop;
import org.olelo.core.transport.Transport;

/**
 * The listening point an application chose to send from (setOutboundInterface on a session, a
 * proxy or a branch): checked against the server's listening points when chosen, applied to each
 * hop when a request is sent.
 */
public final class OutboundInterfaces {

    private OutboundInterfaces() {
    }

    /**
     * Checks that the address (port 0 meaning any) belongs to one of our listening points.
     *
     * @throws IllegalArgumentException when it does not
     */
    public static InetSocketAddress check(SipCore core, InetSocketAddress a) {
        if (a == null) {
            throw new NullPointerException("outbound interface");
        }
        for (Transport t : core.transports()) {
            if (matches(t, a)) {
                return a;
            }
        }
        throw new IllegalArgumentException(a + " is not one of this server's listening points");
    }

    /** Like {@link #check(SipCore, InetSocketAddress)} for an address on any port. */
    public static InetSocketAddress check(SipCore core, InetAddress a) {
        return check(core, new InetSocketAddress(a, 0));
    }

    private static boolean matches(Transport t, InetSocketAddress a) {
        InetSocketAddress l = t.localAddress();
        return l != null && l.getAddress().equals(a.getAddress()) && (a.getPort() == 0 || a.getPort() == l.getPort());
    }

    /** The hop sent from the chosen interface (same transport protocol), or the hop as it is. */
    public static Hop apply(SipCore core, Hop hop, InetSocketAddress chosen) {
        if (chosen == null || matches(hop.transport(), chosen)) {
            return hop;
        }
        for (Transport t : core.transports()) {
            if (t.name().equals(hop.transport().name()) && matches(t, chosen)) {
                return new Hop(t, hop.address());
            }
        }
        return hop; // no listening point of that transport there: the resolver's choice stands
    }
}
