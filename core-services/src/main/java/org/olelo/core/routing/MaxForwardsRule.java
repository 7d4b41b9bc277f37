package org.olelo.core.routing;

import gov.nist.javax.sip.header.MaxForwards;
import gov.nist.javax.sip.message.SIPRequest;
import javax.sip.InvalidArgumentException;
import javax.sip.header.MaxForwardsHeader;
import org.olelo.core.message.lazy.Received;
import org.olelo.core.transport.InternalTransport;

/**
 * Max-Forwards on every path that forwards a request (RFC 3261 §16.6 step 3): a request without
 * the header counts as 70, and each hop takes one. A hop to the network is taken here; a hop to
 * this server itself is taken by the {@link InternalTransport} on the way in, so that it is taken
 * once whatever sent the request, and an application of a composition is one hop like a server
 * of its own. A user agent of this server does not forward: it originates its requests, or as a
 * B2BUA took its hop when it made the request; it gives the internal transport's hop back in
 * advance ({@link #forUserAgentHop}), so that the next application sees what it would see from a
 * server of its own. Every pass through the internal transport still lowers the value by one.
 */
public final class MaxForwardsRule {

    /** What a request without Max-Forwards counts as. */
    public static final int ABSENT = 70;

    private MaxForwardsRule() {
    }

    /**
     * Sets the Max-Forwards of a request about to be sent to {@code hop}.
     *
     * @param r   the request to forward (changed in place)
     * @param hop where it goes next
     * @return false when the request has no hop left for the network (Max-Forwards 0): it must not
     *         be sent
     */
    public static boolean forHop(SIPRequest r, Hop hop) {
        MaxForwardsHeader mf = (MaxForwardsHeader) r.getHeader(MaxForwardsHeader.NAME);
        int value = mf == null ? ABSENT : mf.getMaxForwards();
        if (!(hop.transport() instanceof InternalTransport)) {
            if (value <= 0) {
                return false;
            }
            value--;
        }
        if (mf != null && mf.getMaxForwards() == value) {
            return true;
        }
        return set(r, value);
    }

    /**
     * Sets the Max-Forwards of a request a user agent of this server sends to {@code hop}:
     * unchanged for the network, one more for this server itself (the internal transport takes it).
     *
     * @param r   the request (changed in place)
     * @param hop where it goes next
     */
    public static void forUserAgentHop(SIPRequest r, Hop hop) {
        if (!(hop.transport() instanceof InternalTransport)) {
            return;
        }
        MaxForwardsHeader mf = (MaxForwardsHeader) r.getHeader(MaxForwardsHeader.NAME);
        int value = mf == null ? ABSENT : mf.getMaxForwards();
        set(r, Math.min(255, value + 1));
    }

    private static boolean set(SIPRequest r, int value) {
        try {
            r.setHeader(new MaxForwards(value));
            Received.setMaxForwards(r, value);
            return true;
        } catch (InvalidArgumentException e) {
            return false; // out of 0-255: cannot happen for a parsed request
        }
    }
}
