package org.olelo.container.internal.compose;

import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.StringMsgParser;
import jakarta.servlet.sip.Address;
import jakarta.servlet.sip.ServletParseException;
import jakarta.servlet.sip.ar.SipApplicationRouter;
import jakarta.servlet.sip.ar.SipApplicationRouterInfo;
import jakarta.servlet.sip.ar.SipApplicationRoutingDirective;
import jakarta.servlet.sip.ar.SipApplicationRoutingRegion;
import jakarta.servlet.sip.ar.SipRouteModifier;
import java.io.Serializable;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import javax.sip.address.SipURI;
import javax.sip.header.RouteHeader;
import org.olelo.container.internal.address.AddressImpl;
import org.olelo.container.internal.log.CallLog;
import org.olelo.container.internal.message.InitialSender;
import org.olelo.container.internal.message.SipServletRequestImpl;
import org.olelo.container.internal.router.Condition;
import org.olelo.container.internal.runtime.ContainerRuntime;
import org.olelo.container.internal.runtime.InternalHop;
import org.olelo.container.internal.runtime.NextApplication;
import org.olelo.container.internal.ua.DialogTable;
import org.olelo.core.SipCore;
import org.olelo.core.message.SipMessages;
import org.olelo.core.routing.Hop;
import org.olelo.core.transaction.ServerTransaction;
import org.olelo.core.transport.InternalTransport;

/**
 * Application composition: asks the application router for the next application whenever an
 * initial request enters the server or an application sends one on, and carries the request from
 * one application to the next as if each ran on a server of its own.
 *
 * <pre>
 *  network ──► core ──► selectReceived ── router(NEW) ──► app A ──proxy branch / UAC send──┐
 *                          ▲  │ ROUTE(ext) / ROUTE_BACK: routes pushed, relayed out       │
 *                          │  └ null: 404 / 403 / relay by Request-URI                    ▼
 *                          │                                      beforeSendInitial ── router(CONTINUE, A's region, A's state)
 *                          │                                          │ app B: decision saved under the Via branch
 *  internal transport ◄────┼──────────────────────────────────────────┘ (hop = internal transport, no socket)
 *        │  core: transactions, Route popping as for any request
 *        └► selectReceived: saved decision by top Via branch ──► app B (isInternallyRouted)
 *                                                 null / ROUTE(ext) / ROUTE_BACK ──► network
 * </pre>
 *
 * <p>Each application therefore has its own server and client transactions, its own Via and
 * Record-Route entries, and sees responses, CANCEL, ACK and in-dialog requests exactly as it would
 * on separate servers. A request that reaches one application and leaves the server without the
 * router naming another costs one extra router call per branch and nothing else.
 *
 * <p>Route modifiers: {@code ROUTE} (and {@code ROUTE_FINAL}) with external routes pushes them
 * (first returned route on top) and sends the request out; with an internal route (one naming this
 * server) the route becomes the popped route the named application sees. {@code ROUTE_BACK} pushes a
 * route back to this server carrying a token, then the external routes; when the request returns
 * with that route the router is asked again with the saved state info and region and directive
 * {@code CONTINUE} (or {@code REVERSE}). {@code NO_ROUTE} ignores the routes.
 *
 * <p>Threads: {@link #selectReceived} runs on transport reader threads, {@link #beforeSendInitial}
 * on application session executors; neither blocks (the router is expected not to).
 */
public final class Composer implements NextApplication {

    /** Parameter of a route back to this server (ROUTE_BACK) naming its saved decision. */
    public static final String ROUTE_BACK_PARAM = "olr";

    private final ContainerRuntime rt;
    private final SipCore core;
    private final SipApplicationRouter router;
    private final PendingSelections pending = new PendingSelections();
    private final SessionTargets targets;

    /** The state saved with a route back to this server. */
    private record RouteBack(SipApplicationRoutingRegion region, Serializable stateInfo,
                             SipApplicationRoutingDirective directive, Address initialPopped) {
    }

    /**
     * @param rt      the container runtime (core, local domains, sessions)
     * @param router  the application router
     * @param dialogs the user-agent dialogs that Join and Replaces headers may name
     */
    public Composer(ContainerRuntime rt, SipApplicationRouter router, DialogTable dialogs) {
        this.rt = rt;
        this.core = rt.core();
        this.router = router;
        this.targets = new SessionTargets(rt.sessions(), dialogs);
    }

    // ------------------------------------------------------------------ requests received

    /**
     * Application selection for an initial request the core received: the saved decision when
     * another application of this server sent it, the router asked again when it comes back over
     * a route back, else the router asked afresh ({@code NEW}). Routes the router returns for the
     * network are pushed onto the transaction's request ({@link Selection#relay()}).
     *
     * @param st  the server transaction of the request
     * @param req the request as the router sees it (initial, with the container's attributes)
     * @return the decision; never null
     */
    public Selection selectReceived(ServerTransaction st, SipServletRequestImpl req) {
        InternalTransport self = core.internalTransport();
        SIPRequest wire = req.jainRequest(); // not st.request(): a CANCEL on another thread may have released it
        if (self != null && st.transport() == self) {
            String branch = wire.getTopmostVia().getBranch();
            if (branch != null && pending.take(branch) instanceof Selection s) {
                return s;
            }
        }
        RouteHeader popped = st.poppedRoute();
        if (popped != null && popped.getAddress().getURI() instanceof SipURI su) {
            String token = su.getParameter(ROUTE_BACK_PARAM);
            if (token != null && pending.take(ROUTE_BACK_PARAM + token) instanceof RouteBack back) {
                SipApplicationRoutingDirective d = back.directive() == SipApplicationRoutingDirective.REVERSE
                        ? SipApplicationRoutingDirective.REVERSE : SipApplicationRoutingDirective.CONTINUE;
                SipApplicationRouterInfo info = router.getNextApplication(req, back.region(), d, null, back.stateInfo());
                return received(info, wire, d, back.initialPopped());
            }
        }
        SessionTargets.Target target = targets.of(wire);
        SipApplicationRouterInfo info = router.getNextApplication(req, null, SipApplicationRoutingDirective.NEW,
                target == null ? null : target.info(), null);
        return received(info, wire, SipApplicationRoutingDirective.NEW, null).targeting(target);
    }

    private Selection received(SipApplicationRouterInfo info, SIPRequest wire, SipApplicationRoutingDirective d,
                               Address initialPopped) {
        if (info == null) {
            return Selection.NONE;
        }
        List<RouteHeader> routes = routes(info);
        SipRouteModifier mod = modifier(info);
        Address internalRoute = null;
        if (!routes.isEmpty() && (mod == SipRouteModifier.ROUTE || mod == SipRouteModifier.ROUTE_FINAL)) {
            if (!isInternal(routes.get(0))) {
                push(wire, routes);
                return Selection.RELAY;
            }
            internalRoute = address(routes.get(0));
        } else if (!routes.isEmpty() && mod == SipRouteModifier.ROUTE_BACK) {
            pushWithRouteBack(wire, routes, info, d, initialPopped);
            return Selection.RELAY;
        }
        String app = info.getNextApplicationName();
        if (app == null) {
            return Selection.NONE;
        }
        return new Selection(app, info.getRoutingRegion(), info.getSubscriberURI(), info.getStateInfo(), false,
                internalRoute, internalRoute != null ? internalRoute : initialPopped, false, null, null, null);
    }

    // ------------------------------------------------------------------ requests sent by applications

    /**
     * Application selection for an initial request an application sends on: called by the proxy
     * for each branch, and by the user-agent send path for a new initial request, after the request
     * is complete (Request-URI, Route, Max-Forwards) and before its next hop is resolved, its
     * Record-Route and its Via are added.
     *
     * <p>The router is asked with the directive given (a proxy always passes {@code CONTINUE}); for
     * {@code CONTINUE} and {@code REVERSE} the region and state info are those of
     * {@code origRequest}, the request the application received, for {@code NEW} they are null.
     * Outcomes:
     * <ul>
     *   <li>another application of this server: returns the internal hop and the branch; the caller
     *       sends through {@link InternalHop#hop()} with a Via carrying {@link InternalHop#branch()}
     *       (and record-routes on that hop's transport as on any other);</li>
     *   <li>external routes ({@code ROUTE}, {@code ROUTE_BACK}): pushed onto {@code wire}; returns
     *       null and the caller resolves the top Route as usual;</li>
     *   <li>no application: returns null; the request leaves by its Route or Request-URI.</li>
     * </ul>
     *
     * @param wire        the request about to be sent (may get Route headers pushed)
     * @param directive   the routing directive ({@code NEW}, {@code CONTINUE}, {@code REVERSE})
     * @param origRequest the received request this one continues, or null (treated as {@code NEW})
     * @return the internal hop, or null when the request goes to the network
     * @throws RuntimeException what the router threw; the caller fails the send (500)
     */
    @Override
    public InternalHop beforeSendInitial(SIPRequest wire, SipApplicationRoutingDirective directive,
                                         SipServletRequestImpl origRequest) {
        return select(wire, directive, origRequest, origRequest == null ? null : origRequest.initialSender(), null);
    }

    /**
     * For a request an application created: as above, and the next application is told that the
     * request was made inside this server ({@code getInitialRemoteAddr} null), whatever request it
     * continues.
     */
    @Override
    public InternalHop beforeSendInitial(SipServletRequestImpl appRequest) {
        SipApplicationRoutingDirective d = appRequest.isInitial() ? appRequest.getRoutingDirective()
                : SipApplicationRoutingDirective.NEW;
        return select(appRequest.jainRequest(), d, appRequest.routingOrigin(), null, appRequest);
    }

    /**
     * @param sender  who sent the request to this server first, or null when an application made it
     * @param created the request an application created and sends, or null for a proxy's branch
     */
    private InternalHop select(SIPRequest wire, SipApplicationRoutingDirective directive,
                               SipServletRequestImpl origRequest, InitialSender sender, SipServletRequestImpl created) {
        InternalTransport self = core.internalTransport();
        if (self == null) {
            return null;
        }
        boolean fresh = origRequest == null || directive == null || directive == SipApplicationRoutingDirective.NEW;
        SipApplicationRoutingDirective d = fresh ? SipApplicationRoutingDirective.NEW : directive;
        SessionTargets.Target target = fresh ? targets.of(wire) : null;
        SipServletRequestImpl view = view(wire, fresh && created != null);
        SipApplicationRouterInfo info = router.getNextApplication(view, fresh ? null : origRequest.getRegion(), d,
                target == null ? null : target.info(), fresh ? null : origRequest.routerState());
        if (fresh && created != null) {
            info = notBackToSender(view, info, created);
        }
        if (info == null) {
            return null;
        }
        Address initialPopped = fresh ? null : origRequest.getInitialPoppedRoute();
        List<RouteHeader> routes = routes(info);
        SipRouteModifier mod = modifier(info);
        Address internalRoute = null;
        if (!routes.isEmpty() && (mod == SipRouteModifier.ROUTE || mod == SipRouteModifier.ROUTE_FINAL)) {
            if (!isInternal(routes.get(0))) {
                push(wire, routes);
                return null;
            }
            internalRoute = address(routes.get(0));
        } else if (!routes.isEmpty() && mod == SipRouteModifier.ROUTE_BACK) {
            pushWithRouteBack(wire, routes, info, d, initialPopped);
            return null;
        }
        String app = info.getNextApplicationName();
        if (app == null) {
            return null;
        }
        String branch = SipCore.branch(null);
        pending.put(branch, new Selection(app, info.getRoutingRegion(), info.getSubscriberURI(), info.getStateInfo(),
                true, internalRoute, internalRoute != null ? internalRoute : initialPopped, false,
                origRequest == null ? null : CallLog.of(origRequest.transaction()), sender, null).targeting(target));
        return new InternalHop(new Hop(self, self.localAddress()), branch);
    }

    /**
     * The request as the router sees it: initial, with the container's attributes. For a new
     * request an application made, a Request-URI naming one of our addresses with a port we do not
     * listen on is not local (it names a peer beside us, e.g. a gateway an application probes).
     */
    private SipServletRequestImpl view(SIPRequest wire, boolean appNew) {
        SipServletRequestImpl v = SipServletRequestImpl.created(wire, null, true);
        boolean local = wire.getRequestURI() instanceof SipURI u
                && (appNew ? rt.isLocalTarget(u.getHost(), u.getPort()) : rt.isLocalDomain(u.getHost()));
        v.setAttribute(Condition.LOCAL_ATTRIBUTE, local);
        return v;
    }

    /**
     * A new request an application made is not given back to that application as the first of its
     * chain (it would loop through it): while the router names the sender, it is asked for the next
     * one, as if the sender had continued the request. At most a few rounds.
     */
    private SipApplicationRouterInfo notBackToSender(SipServletRequestImpl view, SipApplicationRouterInfo info,
                                                    SipServletRequestImpl created) {
        jakarta.servlet.sip.SipApplicationSession as = created.getApplicationSession();
        String self = as == null ? null : as.getApplicationName();
        for (int i = 0; i < 8 && info != null && self != null && self.equals(info.getNextApplicationName()); i++) {
            info = router.getNextApplication(view, info.getRoutingRegion(), SipApplicationRoutingDirective.CONTINUE,
                    null, info.getStateInfo());
        }
        return info;
    }

    /** Decisions still waiting for their request (for tests and statistics). */
    public int pendingCount() {
        return pending.size();
    }

    // ------------------------------------------------------------------ routes

    private static SipRouteModifier modifier(SipApplicationRouterInfo info) {
        return info.getRouteModifier() == null ? SipRouteModifier.NO_ROUTE : info.getRouteModifier();
    }

    /** The router's routes as Route headers; a route that does not parse is a router fault. */
    private static List<RouteHeader> routes(SipApplicationRouterInfo info) {
        String[] r = info.getRoutes();
        if (r == null || r.length == 0 || modifier(info) == SipRouteModifier.NO_ROUTE) {
            return List.of();
        }
        List<RouteHeader> out = new ArrayList<>(r.length);
        for (String s : r) {
            if (s == null || s.isBlank()) {
                continue;
            }
            String v = s.trim();
            out.add(parseRoute(v.indexOf('<') >= 0 ? v : "<" + v + ">"));
        }
        return out;
    }

    private static RouteHeader parseRoute(String value) {
        try {
            SIPHeader h = StringMsgParser.parseSIPHeader("Route: " + value + "\r\n");
            if (h instanceof gov.nist.javax.sip.header.RouteList l && !l.isEmpty()) {
                return (RouteHeader) l.getFirst();
            }
            return (RouteHeader) h;
        } catch (ParseException | ClassCastException e) {
            throw new IllegalStateException("the application router returned a bad route: " + value, e);
        }
    }

    private boolean isInternal(RouteHeader r) {
        return r.getAddress().getURI() instanceof SipURI su && core.isLocal(su);
    }

    private static Address address(RouteHeader r) {
        try {
            AddressImpl a = AddressImpl.parse(((SIPHeader) r).getHeaderValue());
            a.setReadOnly();
            return a;
        } catch (ServletParseException e) {
            return null;
        }
    }

    /** Pushes the routes so that the first one is on top. */
    private static void push(SIPRequest wire, List<RouteHeader> routes) {
        for (int i = routes.size() - 1; i >= 0; i--) {
            attachOnTop(wire, routes.get(i));
        }
    }

    private static void attachOnTop(SIPRequest wire, RouteHeader r) {
        org.olelo.core.message.lazy.Received.changed(wire); // a Route entry is not recorded: it is encoded
        try {
            wire.attachHeader((SIPHeader) r, false, true);
        } catch (gov.nist.javax.sip.message.SIPDuplicateHeaderException e) {
            throw new IllegalStateException(e); // Route is a list header: never a duplicate
        }
    }

    /** Pushes a route back to this server (with a token for the saved state), then the routes. */
    private void pushWithRouteBack(SIPRequest wire, List<RouteHeader> routes, SipApplicationRouterInfo info,
                                   SipApplicationRoutingDirective d, Address initialPopped) {
        String token = SipMessages.token(16);
        pending.put(ROUTE_BACK_PARAM + token, new RouteBack(info.getRoutingRegion(), info.getStateInfo(), d, initialPopped));
        InternalTransport self = core.internalTransport();
        String host = self.advertisedHost();
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        String tp = self.name().equals("UDP") ? "" : ";transport=" + self.name().toLowerCase();
        attachOnTop(wire, parseRoute("<sip:" + host + ":" + self.advertisedPort() + tp + ";lr;"
                + ROUTE_BACK_PARAM + "=" + token + ">"));
        push(wire, routes);
    }
}
