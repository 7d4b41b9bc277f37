package org.olelo.apps.dispatcher;

import jakarta.servlet.sip.Address;
import jakarta.servlet.sip.Proxy;
import jakarta.servlet.sip.ProxyBranch;
import jakarta.servlet.sip.ServletParseException;
import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.SipURI;
import jakarta.servlet.sip.TooManyHopsException;
import jakarta.servlet.sip.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The dispatcher in front of a cluster of Olelo nodes ({@value DispatcherConfig#FRONT} on): the
 * only address the phones know. The nodes are the destinations of the set; each node record-routes
 * with its own address, which is how the front knows, from a request inside a dialog, which node
 * set the dialog up.
 *
 * <ul>
 *   <li>initial request: the Request-URI is kept (it names a user of the cluster's domain) and the
 *       chosen node is pushed as a Route; the front record-routes, so the dialog's requests come
 *       back to it;</li>
 *   <li>initial request from a node (its source is a node's address): a request towards a phone
 *       that registered through the front, which the node reaches through the front (the source
 *       of the REGISTER); proxied to its Request-URI, record-routed, so the phone's requests in that
 *       dialog come to the front too;</li>
 *   <li>REGISTER: sent to every active node at once (parallel branches), so that each node can
 *       reach the user; the best response goes to the phone;</li>
 *   <li>request inside a dialog (ACK, BYE, re-INVITE, CANCEL's dialog): its next Route names the
 *       node of the dialog; while that node is active the request follows the route; when the
 *       node is inactive (its probes go unanswered), an active node chosen by a hash of the
 *       Call-ID is pushed above it: that node relays the request along the route set in place of
 *       the dead one, as its Record-Route verifies with the key the nodes share
 *       ({@code cluster.route.key}).</li>
 * </ul>
 *
 * <p>Runs on the container's application executor (the caller's thread of the servlet); reads
 * the destinations' states without lock; nothing here blocks.
 */
final class Front {

    private Front() {
    }

    /**
     * Whether an initial request comes from a node of the set: a node's request towards a phone
     * registered through the front (the node reaches it through the REGISTER's source, the front).
     */
    static boolean fromNode(SipServletRequest req, List<LiveDestination> members) {
        String host = req.getRemoteAddr();
        int port = req.getRemotePort();
        if (host == null) {
            return false;
        }
        for (LiveDestination d : members) {
            if (d.uri.getHost().equalsIgnoreCase(host) && port(d.uri) == port) {
                return true;
            }
        }
        return false;
    }

    /** A node's request towards a phone: to its Request-URI, record-routed. */
    static void outbound(SipServletRequest req) throws TooManyHopsException {
        Proxy proxy = req.getProxy();
        proxy.setRecordRoute(true);
        proxy.setSupervised(false);
        proxy.proxyTo(req.getRequestURI());
    }

    /** Proxies an initial request to {@code node}, its Request-URI kept, the node pushed as a Route. */
    static void relay(Proxy proxy, SipServletRequest req, LiveDestination node) {
        node.meters.calls().increment();
        List<ProxyBranch> branches = proxy.createProxyBranches(List.of(req.getRequestURI()));
        branches.get(0).getRequest().pushRoute(route(node.uri));
        proxy.startProxy();
    }

    /**
     * Sends a REGISTER to every active node; returns false when none is active.
     *
     * @throws TooManyHopsException when its Max-Forwards is 0 (the container answers 483)
     */
    static boolean register(SipServletRequest req, List<LiveDestination> members) throws TooManyHopsException {
        List<LiveDestination> live = new ArrayList<>(members.size());
        for (LiveDestination d : members) {
            if (d.routable()) {
                live.add(d);
            }
        }
        if (live.isEmpty()) {
            return false;
        }
        Proxy proxy = req.getProxy();
        proxy.setRecordRoute(false);
        proxy.setParallel(true);
        proxy.setSupervised(false);
        List<URI> targets = new ArrayList<>(live.size());
        for (int i = 0; i < live.size(); i++) {
            targets.add(req.getRequestURI());
        }
        List<ProxyBranch> branches = proxy.createProxyBranches(targets);
        for (int i = 0; i < live.size(); i++) {
            live.get(i).meters.calls().increment();
            branches.get(i).getRequest().pushRoute(route(live.get(i).uri));
        }
        proxy.startProxy();
        return true;
    }

    /**
     * A request inside a dialog, before the container relays it along its route: when its next
     * Route names a node of the set that is not active, pushes an active node chosen by the
     * Call-ID hash above it. Returns false when the dialog's node is down and no node is active.
     */
    static boolean inDialog(SipServletRequest req, List<LiveDestination> members) {
        LiveDestination owner = owner(req, members);
        if (owner == null || owner.routable()) {
            return true;
        }
        List<LiveDestination> order = Algorithm.walk(members, Algorithm.hash(req.getCallId()));
        if (order.isEmpty()) {
            return false;
        }
        req.pushRoute(route(order.get(0).uri));
        return true;
    }

    /** The node whose address the request's next Route entry names, or null. */
    static LiveDestination owner(SipServletRequest req, List<LiveDestination> members) {
        Address next;
        try {
            next = req.getAddressHeader("Route");
        } catch (ServletParseException e) {
            return null;
        }
        if (next == null || !(next.getURI() instanceof SipURI u) || u.getHost() == null) {
            return null;
        }
        for (LiveDestination d : members) {
            if (sameAddress(d.uri, u)) {
                return d;
            }
        }
        return null;
    }

    private static boolean sameAddress(SipURI a, SipURI b) {
        return a.getHost().toLowerCase(Locale.ROOT).equals(b.getHost().toLowerCase(Locale.ROOT))
                && port(a) == port(b);
    }

    private static int port(SipURI u) {
        return u.getPort() > 0 ? u.getPort() : u.isSecure() ? 5061 : 5060;
    }

    /** The node's URI as a loose-routing Route entry. */
    private static SipURI route(SipURI node) {
        SipURI r = (SipURI) node.clone();
        r.setUser(null);
        r.setLrParam(true);
        return r;
    }
}
