package org.olelo.container.internal.relay;

import gov.nist.javax.sip.message.SIPRequest;
import java.util.function.Predicate;
import javax.sip.address.SipURI;
import javax.sip.header.RouteHeader;
import org.olelo.core.SipCore;
import org.olelo.core.routing.RouteTokens;
import org.olelo.core.stats.CoreStatistics;

/**
 * What becomes of a request inside a dialog (it has a To tag) that is relayed rather than handled
 * by an application of this server, as Kamailio's {@code loose_route} with a signed {@code rr}
 * decides it:
 * <ul>
 *   <li>the Route entry of ours it carried (popped by the core) is a Record-Route this server
 *       signed for this dialog ({@link RouteTokens}): relayed, also after the application session
 *       of the proxy that record-routed has ended;</li>
 *   <li>that entry claims to be ours (a token or a session parameter) but does not verify, e.g. a
 *       token of another dialog: refused, 403;</li>
 *   <li>no such entry, but the next Route is a Record-Route another node of the cluster signed for
 *       this dialog with the shared key ({@link #takeOverPeerEntry}): relayed in that node's place;</li>
 *   <li>no such entry, but the next Route names this server again: passed on to the server itself,
 *       where that entry is checked in turn;</li>
 *   <li>otherwise, a request for this server that matched no dialog gets 481, any other is refused
 *       (403); an ACK is dropped.</li>
 * </ul>
 * Checked before the relay makes a transaction or sends anything: a refused request costs one
 * response, never copies towards its Request-URI.
 *
 * <p>Threads: called on transport reader threads; one or two HMAC computations, no locks.
 */
public final class InDialogRelay {

    /** What the popped Route entry says about the request. */
    public enum Route {
        /** A Record-Route entry this server signed for the request's dialog. */
        SIGNED,
        /** An entry that claims to be ours and does not verify. */
        FORGED,
        /** No entry of ours with a token or a session parameter. */
        NONE
    }

    /** The outcome for a request that no session of this server takes. */
    public enum Verdict {
        /** Relay it by its Route set or Request-URI. */
        RELAY,
        /** It is for this server and matches no dialog: 481. */
        NO_DIALOG,
        /** Relaying refused: 403 (an ACK is dropped). */
        REFUSED
    }

    private final SipCore core;
    private final String sessionParam;
    private final Predicate<String> localDomain;

    /**
     * @param core         the SIP core (its route tokens and local addresses)
     * @param sessionParam the Record-Route parameter naming a proxy's session
     * @param localDomain  whether a host is one of the domains this server is responsible for
     */
    public InDialogRelay(SipCore core, String sessionParam, Predicate<String> localDomain) {
        this.core = core;
        this.sessionParam = sessionParam;
        this.localDomain = localDomain;
    }

    /** Classifies the Route entry of ours that the core removed from {@code r} (null when none). */
    public Route classify(RouteHeader popped, SIPRequest r) {
        if (popped == null || !(popped.getAddress().getURI() instanceof SipURI su)
                || !RouteTokens.claimsToBeOurs(su, sessionParam)) {
            return Route.NONE;
        }
        return core.routeTokens().verifiesRecordRoute(su, r) ? Route.SIGNED : Route.FORGED;
    }

    /**
     * When no Route entry of ours was popped: removes and returns the request's top Route entry if
     * it is a Record-Route signed for this dialog with our key though it names another address,
     * i.e. one a node of the same cluster (sharing {@code cluster.route.key}) wrote; such a
     * request reached this node because that node is gone (a front sent it here), and this node
     * relays it in its place, as {@code loose_route} would without dialog state. Returns null,
     * leaving the request as it is, otherwise.
     */
    public RouteHeader takeOverPeerEntry(SIPRequest r) {
        if (routeless(r) || !(((RouteHeader) r.getRouteHeaders().getFirst()).getAddress().getURI() instanceof SipURI su)
                || su.getParameter(RouteTokens.PARAM) == null || core.isLocal(su)
                || !core.routeTokens().verifiesRecordRoute(su, r)) {
            return null;
        }
        RouteHeader top = (RouteHeader) r.getRouteHeaders().getFirst();
        r.removeFirst(RouteHeader.NAME);
        org.olelo.core.message.lazy.Received.poppedRoute(r);
        return top;
    }

    /**
     * The outcome for a request inside a dialog that no application session took; refusals are
     * counted ({@link CoreStatistics.Event#RELAY_REFUSED}).
     */
    public Verdict verdict(Route route, SIPRequest r) {
        Verdict v;
        if (route == Route.SIGNED || (route == Route.NONE && nextRouteIsThisServer(r))) {
            v = Verdict.RELAY;
        } else if (route == Route.NONE && routeless(r) && r.getRequestURI() instanceof SipURI u
                && (core.isLocal(u) || localDomain.test(u.getHost()))) {
            v = Verdict.NO_DIALOG;
        } else {
            v = Verdict.REFUSED;
        }
        if (v == Verdict.REFUSED) {
            core.statistics().count(CoreStatistics.Event.RELAY_REFUSED);
        }
        return v;
    }

    private static boolean routeless(SIPRequest r) {
        return r.getRouteHeaders() == null || r.getRouteHeaders().isEmpty();
    }

    private boolean nextRouteIsThisServer(SIPRequest r) {
        return !routeless(r) && ((RouteHeader) r.getRouteHeaders().getFirst()).getAddress().getURI() instanceof SipURI su
                && core.isLocal(su);
    }
}
