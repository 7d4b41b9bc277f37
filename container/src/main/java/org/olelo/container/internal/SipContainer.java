package org.olelo.container.internal;

import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.sip.URI;
import jakarta.servlet.sip.ar.SipApplicationRouter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import javax.sip.address.SipURI;
import javax.sip.header.RouteHeader;
import org.olelo.container.internal.compose.Composer;
import org.olelo.container.internal.compose.Selection;
import org.olelo.container.internal.db.AppDataSource;
import org.olelo.container.internal.deploy.AppRegistry;
import org.olelo.container.internal.deploy.AppServices;
import org.olelo.container.internal.deploy.AppServicesFactory;
import org.olelo.container.internal.deploy.DeployedApp;
import org.olelo.container.internal.deploy.VersionWork;
import org.olelo.container.internal.factory.AppLookup;
import org.olelo.container.internal.factory.SipFactoryImpl;
import org.olelo.container.internal.factory.SipSessionsUtilImpl;
import org.olelo.container.internal.invoke.SerialExecutor;
import org.olelo.container.internal.log.CallLog;
import org.olelo.container.internal.log.CallRecord;
import org.olelo.container.internal.log.LogText;
import org.olelo.container.internal.message.SipServletRequestImpl;
import org.olelo.container.internal.proxy.ProxyImpl;
import org.olelo.container.internal.proxy.ResponseDelivery;
import org.olelo.container.internal.relay.InDialogRelay;
import org.olelo.container.internal.security.InitialRequestGuard;
import org.olelo.container.internal.session.SessionJoiner;
import org.olelo.container.internal.session.SipApplicationSessionImpl;
import org.olelo.container.internal.session.SipSessionImpl;
import org.olelo.container.internal.timer.TimerServiceImpl;
import org.olelo.core.RequestHandler;
import org.olelo.core.SipCore;
import org.olelo.core.routing.Hop;
import org.olelo.core.transaction.ServerTransaction;
import org.olelo.core.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The container's side of the core's one narrow interface: decides, for every request the core
 * hands over, which application session and servlet it goes to, and runs the servlet there.
 *
 * <pre>
 *  core reader thread                              application session executor (virtual thread)
 *  ─────────────────                               ──────────────────────────────────────────────
 *  onRequest ─ To tag? ─yes─► session from our signed Record-Route ──► servlet (info) ─► relay in dialog
 *              │no                     └ none: UA dialog · relay (signed Route) · 481 · 403 (InDialogRelay)
 *              ▼
 *       Composer (application router, or the decision saved when another application of this
 *              │  server sent the request) ─► app? ─yes─► new SipApplicationSession ──► guard
 *              │no                                     └► servlet.service(request)
 *              │                                          └► Proxy (branches ask the Composer again)
 *              ▼
 *       routes pushed by the router: relay · 404 (local domain) · 403 (no relay) · relay (policy "proxy")
 *  onAck   (2xx ACK) ──► session? servlet doAck ─► stateless relay (signed Route), else dropped
 *  onCancel ────────────► proxy.cancelFromUpstream()  or  servlet doCancel + 487
 * </pre>
 *
 * <p>Nothing here blocks a reader thread: routing decisions are table look-ups, and every servlet
 * call is queued on the serial executor of its application session.
 *
 * <p>Versions: a new application session goes to the newest version of the application the
 * router names; everything else runs on the version its application session belongs to
 * ({@link DeployedAppContext#of}), so a redeployment leaves the calls of the old version on it
 * while it drains ({@link AppVersions}).
 */
public final class SipContainer implements RequestHandler, AppServicesFactory {

    private static final Logger LOG = LoggerFactory.getLogger(SipContainer.class);
    /** ServletContext attribute: the configured local domains, a {@code List<String>}. */
    public static final String LOCAL_DOMAINS_ATTRIBUTE = "org.olelo.localDomains";
    /** Record-Route parameter that carries the SIP session id. */
    static final String SESSION_PARAM = "ol";

    private final ContainerRuntime rt;
    private final SipCore core;
    private final AppRegistry registry;
    private final boolean relayUnrouted;
    private final TimerServiceImpl timerService;
    private final javax.sql.DataSource dataSource;
    private final InitialRequestGuard guard;
    private final Composer composer;
    private final AppVersions versions;
    private final InDialogRelay relay;
    /** The servlet running on the current thread, for the default handler of sessions it creates. */
    private static final ThreadLocal<String> CURRENT_SERVLET = new ThreadLocal<>();
    private final org.olelo.container.internal.ua.UserAgent ua;
    private volatile CallLog calls = new CallLog(true);

    /** A container without database and without authentication. */
    public SipContainer(ContainerRuntime rt, SipApplicationRouter router, AppRegistry registry, boolean relayUnrouted) {
        this(rt, router, registry, relayUnrouted, null, InitialRequestGuard.OPEN);
    }

    /**
     * @param rt            the container-wide services
     * @param router        the application router
     * @param registry      the deployed applications
     * @param relayUnrouted relay initial requests for foreign domains that no application takes
     * @param dataSource    the default database pool offered to applications, or null for none
     * @param guard         checks each initial request before its servlet runs (authentication)
     */
    public SipContainer(ContainerRuntime rt, SipApplicationRouter router, AppRegistry registry, boolean relayUnrouted,
                        javax.sql.DataSource dataSource, InitialRequestGuard guard) {
        this.dataSource = dataSource;
        this.guard = guard;
        this.rt = rt;
        this.core = rt.core();
        this.registry = registry;
        this.relayUnrouted = relayUnrouted;
        this.timerService = new TimerServiceImpl(rt.timers());
        this.ua = new org.olelo.container.internal.ua.UserAgent(rt, new Invoker());
        this.composer = new Composer(rt, router);
        this.relay = new InDialogRelay(core, SESSION_PARAM, rt::isLocalDomain);
        this.ua.setComposer(composer);
        this.versions = new AppVersions(rt.sessions(), this::publishInterfaces);
        registry.addListener(versions, true);
    }

    /** What each deployed version still holds, for the deployer to drain retired versions. */
    public VersionWork versionWork() {
        return versions;
    }

    // ------------------------------------------------------------------ services for applications

    /** Publishes the listening points to every deployed application; called once the core is bound. */
    public void coreStarted() {
        versions.newestAll().forEach(c -> publishInterfaces(c.app()));
    }

    /** JSR 359 {@code OUTBOUND_INTERFACES}: the SIP URIs of our listening points, once they are bound. */
    private void publishInterfaces(DeployedApp app) {
        List<jakarta.servlet.sip.SipURI> uris = new ArrayList<>();
        for (Transport t : core.transports()) {
            if (t.localAddress() == null) {
                return;
            }
            org.olelo.container.internal.address.SipURIImpl u =
                    new org.olelo.container.internal.address.SipURIImpl(null, t.advertisedHost());
            u.setPort(t.advertisedPort());
            if (!t.name().equals("UDP")) {
                u.setTransportParam(t.name().toLowerCase());
            }
            uris.add(u);
        }
        if (!uris.isEmpty()) {
            app.servletContext().setAttribute(jakarta.servlet.sip.SipServlet.OUTBOUND_INTERFACES, List.copyOf(uris));
        }
        app.servletContext().setAttribute(LOCAL_DOMAINS_ATTRIBUTE, List.copyOf(rt.localDomains()));
    }

    @Override
    public AppServices create(String appName, ClassLoader appLoader) {
        // the objects of a version serve that version: found by its class loader once it is deployed
        AppLookup version = () -> versions.ofLoader(appLoader);
        return new AppServices(new SipFactoryImpl(appName, version, rt.sessions(), ua), timerService,
                new SipSessionsUtilImpl(appName, version, rt.sessions()),
                dataSource == null ? null : new AppDataSource(appName, dataSource));
    }

    /** Sets the call log initial requests are recorded in (on by default). */
    public void setCallLog(CallLog log) {
        this.calls = log;
    }

    /** Application selection for initial requests that applications send (proxy branches, user-agent requests). */
    public Composer composer() {
        return composer;
    }

    // ------------------------------------------------------------------ requests

    @Override
    public void onRequest(ServerTransaction st) {
        SIPRequest r = st.request();
        if (r == null) {
            return; // already answered (a CANCEL raced the request in)
        }
        try {
            if (r.getToTag() != null) {
                inDialog(st, r);
            } else {
                initial(st);
            }
        } catch (RuntimeException e) {
            LOG.error("request dispatch failed", e);
            respond(st, 500, "Server Internal Error");
        }
    }

    private void initial(ServerTransaction st) {
        CallRecord call = calls.begin(st);
        if (!rt.tryAdmit()) {
            CallLog.note(st, "overloaded: too many requests wait for their application");
            overloaded(st);
            return;
        }
        boolean queued = false;
        try {
            queued = routeInitial(st, call);
        } finally {
            if (!queued) {
                rt.admitted();
            }
        }
    }

    /** Answers 503 with Retry-After: the applications are too far behind to take new work. */
    private static void overloaded(ServerTransaction st) {
        SIPResponse busy;
        try {
            busy = st.createResponse(503, "Service Unavailable");
        } catch (IllegalStateException e) {
            return; // a CANCEL answered it meanwhile
        }
        gov.nist.javax.sip.header.RetryAfter ra = new gov.nist.javax.sip.header.RetryAfter();
        try {
            ra.setRetryAfter(5);
        } catch (javax.sip.InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
        busy.setHeader(ra);
        st.sendResponseIfPending(busy);
    }

    /** Routes an admitted initial request; true when it was queued for an application. */
    private boolean routeInitial(ServerTransaction st, CallRecord received) {
        SipServletRequestImpl req = received(st, null);
        if (req == null) {
            return false;
        }
        SIPRequest jain = req.jainRequest();
        req.setInitial(true);
        req.setAttribute(org.olelo.container.internal.router.Condition.LOCAL_ATTRIBUTE,
                jain.getRequestURI() instanceof SipURI u && rt.isLocalDomain(u.getHost()));
        Selection sel = composer.selectReceived(st, req);
        CallRecord call = sel.call() != null ? CallLog.join(st, sel.call()) : received;
        if (sel.relay()) {
            relayWithoutApplication(st);
            return false;
        }
        DeployedAppContext ctx = versions.newest(sel.application());
        if (ctx == null) {
            noApplication(st, jain);
            return false;
        }
        if (call != null) {
            call.application(ctx.name());
        }
        SessionJoiner.join(rt.sessions(), ctx, req, rt.virtualThreads(), as -> startInitial(ctx, sel, st, req, as),
                failure -> joinFailed(ctx, st, failure));
        return true;
    }

    /** The application-session choice failed (its {@code @SipApplicationKey} method threw): 500. */
    private void joinFailed(DeployedAppContext ctx, ServerTransaction st, Throwable failure) {
        rt.admitted();
        LOG.warn("{}: @SipApplicationKey method failed (call-id {})", ctx.name(), LogText.callId(st), failure);
        CallLog.note(st, ctx.name() + ": @SipApplicationKey method failed: " + failure.getClass().getName());
        respond(st, 500, "Server Internal Error");
    }

    /**
     * Puts the initial request in its application session and queues it on the session's executor.
     * The session may belong to an older version than {@code ctx} (the request joined it by key or
     * encoded URI): the request then runs on that version.
     */
    private void startInitial(DeployedAppContext ctx, Selection sel, ServerTransaction st,
                              SipServletRequestImpl req, SipApplicationSessionImpl as) {
        DeployedAppContext version = DeployedAppContext.of(as);
        if (version == null) {
            // the version was destroyed while the request joined it (a redeployment raced the
            // routing): the newest version takes it; the empty session ends as ready
            DeployedAppContext now = versions.newest(ctx.name());
            if (now != null && now != ctx) {
                SessionJoiner.join(rt.sessions(), now, req, rt.virtualThreads(), next -> startInitial(now, sel, st, req, next),
                        failure -> joinFailed(now, st, failure));
            } else {
                rt.admitted();
                respond(st, 500, "Server Internal Error");
            }
            return;
        }
        DeployedApp app = version.app();
        SIPRequest jain = req.jainRequest();
        SipSessionImpl s = rt.sessions().createSipSession(as, jain.getCallId().getCallId());
        URI subscriber = sel.subscriber() == null ? null : parseQuietly(sel.subscriber());
        gov.nist.javax.sip.header.SIPHeader to = (gov.nist.javax.sip.header.SIPHeader) jain.getTo();
        gov.nist.javax.sip.header.SIPHeader from = (gov.nist.javax.sip.header.SIPHeader) jain.getFrom();
        s.setupLazily(() -> party(to), () -> party(from), sel.region(), subscriber);
        req.bindSession(s);
        req.setUserAgent(ua);
        s.setInitialRequest(req);
        req.setRouting(sel.region(), subscriber, app.servletContext(), p -> newProxy(p, s, as, app));
        req.setComposition(sel.stateInfo(), sel.internallyRouted(), sel.poppedRoute(), sel.initialPoppedRoute());
        st.setApplicationData(req);
        as.executor().execute(() -> {
            if (!as.isValid()) {
                // the session ended between the choice and now (its application invalidated it): a fresh
                // one, of the version that takes new sessions now
                DeployedAppContext now = versions.newest(ctx.name());
                DeployedAppContext target = now != null ? now : ctx;
                SessionJoiner.join(rt.sessions(), target, req, rt.virtualThreads(),
                        next -> startInitial(target, sel, st, req, next), failure -> joinFailed(target, st, failure));
                return;
            }
            rt.admitted();
            if (st.lastStatus() >= 200) {
                // a CANCEL overtook the request before its application had it, and was answered 487
                s.markReady();
                return;
            }
            runInitial(app, as, s, req);
        });
    }

    /**
     * The container's request for a received request, or null when its transaction has already sent
     * the final response and let go of the request (a CANCEL answered it first).
     */
    private static SipServletRequestImpl received(ServerTransaction st, SipSessionImpl s) {
        SIPRequest r = st.request();
        return r == null ? null : new SipServletRequestImpl(r, st, s, st.transport(), st.source(), st.poppedRoute());
    }

    /** A From or To header as a read-only Address (parsed when an application asks for a party). */
    private static jakarta.servlet.sip.Address party(gov.nist.javax.sip.header.SIPHeader h) {
        try {
            org.olelo.container.internal.address.AddressImpl a =
                    org.olelo.container.internal.address.AddressImpl.parse(h.getHeaderValue());
            a.setReadOnly();
            return a;
        } catch (jakarta.servlet.sip.ServletParseException e) {
            return null;
        }
    }

    private static URI parseQuietly(String uri) {
        try {
            return org.olelo.container.internal.address.Uris.parse(uri);
        } catch (jakarta.servlet.sip.ServletParseException e) {
            return null;
        }
    }

    private ProxyImpl newProxy(SipServletRequestImpl req, SipSessionImpl s, SipApplicationSessionImpl as, DeployedApp app) {
        s.setProxy(true);
        ProxyImpl p = new ProxyImpl(rt, req, s, as.executor(), delivery(as, s), app.proxyTimeoutSeconds(), false);
        p.setComposer(composer);
        return p;
    }

    /** Hands proxy responses to the session's servlet, on the session's version (none once it is destroyed). */
    private ResponseDelivery delivery(SipApplicationSessionImpl as, SipSessionImpl s) {
        return resp -> {
            s.setProxySupervised(resp.getProxy() == null || resp.getProxy().getSupervised());
            DeployedAppContext version = DeployedAppContext.of(as);
            Servlet servlet = version == null ? null : version.app().servlet(s.handler());
            if (servlet != null) {
                invoke(version.app(), as, servlet, null, resp);
            }
        };
    }

    private void runInitial(DeployedApp app, SipApplicationSessionImpl as, SipSessionImpl s, SipServletRequestImpl req) {
        Servlet servlet = app.selectServlet(req);
        if (servlet == null) {
            CallLog.note(req.transaction(), "no servlet of " + app.name() + " matches the request");
            respond(req.transaction(), 404, "Not Found");
            s.markReady();
            return;
        }
        String servletName = servlet.getServletConfig() == null ? null : servlet.getServletConfig().getServletName();
        if (!guard.admit(app, servletName, servlet, req)) {
            s.markReady();
            return;
        }
        s.setHandlerInternal(servletName);
        s.fireCreated();
        Throwable failure = invoke(app, as, servlet, req, null);
        if (failure != null && !req.finalResponseSent() && !(req.proxyIfAny() instanceof ProxyImpl p && p.started())) {
            CallLog.note(req.transaction(), app.name() + ": servlet failed: " + failure.getClass().getName());
            respond(req.transaction(), 500, "Server Internal Error");
            s.markReady();
        }
    }

    /** Runs a servlet; returns what it threw, or null. */
    private Throwable invoke(DeployedApp app, SipApplicationSessionImpl as, Servlet servlet, ServletRequest req, ServletResponse resp) {
        SipSessionsUtilImpl.enter(as);
        as.access();
        String outer = CURRENT_SERVLET.get();
        CURRENT_SERVLET.set(servlet.getServletConfig() == null ? null : servlet.getServletConfig().getServletName());
        try {
            return app.callInContext(() -> {
                servlet.service(req, resp);
                return null;
            });
        } catch (ServletException | IOException | RuntimeException | Error e) {
            LOG.warn("{}: servlet {} failed on {} (call-id {}): {}", app.name(), servlet.getClass().getName(),
                    req != null ? ((jakarta.servlet.sip.SipServletRequest) req).getMethod() : "a response",
                    ((jakarta.servlet.sip.SipServletMessage) (req != null ? req : resp)).getCallId(), e.toString(), e);
            return e;
        } catch (Exception e) {
            return e;
        } finally {
            CURRENT_SERVLET.set(outer);
            SipSessionsUtilImpl.leave();
        }
    }

    /** Hands user-agent dialog traffic to the handler servlet of its session. */
    private final class Invoker implements org.olelo.container.internal.ua.ServletInvoker {

        private DeployedApp app(SipSessionImpl s) {
            DeployedAppContext ctx = DeployedAppContext.of(s.parent());
            return ctx == null ? null : ctx.app();
        }

        private Servlet handler(DeployedApp app, SipSessionImpl s) {
            Servlet servlet = app.servlet(s.handler());
            if (servlet == null && !app.servlets().isEmpty()) {
                String main = app.descriptor().mainServlet();
                servlet = main != null && app.servlet(main) != null ? app.servlet(main) : app.servlets().values().iterator().next();
                if (servlet.getServletConfig() != null) {
                    s.setHandlerInternal(servlet.getServletConfig().getServletName());
                }
            }
            return servlet;
        }

        @Override
        public void request(SipSessionImpl s, SipServletRequestImpl r) {
            DeployedApp app = app(s);
            Servlet servlet = app == null ? null : handler(app, s);
            if (servlet == null) {
                if (r.transaction() != null) {
                    LOG.debug("{} is no longer deployed (call-id {})", s.parent().getApplicationName(), r.getCallId());
                    respond(r.transaction(), 500, "Server Internal Error");
                }
                return;
            }
            r.setRouting(s.getRegion(), s.getSubscriberURI(), app.servletContext(), null);
            s.access();
            Throwable failure = invoke(app, s.parent(), servlet, r, null);
            if (failure != null && r.transaction() != null && !r.finalResponseSent()) {
                respond(r.transaction(), 500, "Server Internal Error");
            }
        }

        @Override
        public void response(SipSessionImpl s, org.olelo.container.internal.message.SipServletResponseImpl r) {
            DeployedApp app = app(s);
            Servlet servlet = app == null ? null : handler(app, s);
            if (servlet != null) {
                s.access();
                invoke(app, s.parent(), servlet, null, r);
            }
        }

        @Override
        public String currentServlet() {
            return CURRENT_SERVLET.get();
        }
    }

    private void noApplication(ServerTransaction st, SIPRequest r) {
        javax.sip.address.URI ruri = r.getRequestURI();
        String host = ruri instanceof SipURI su ? su.getHost() : null;
        if (host == null || rt.isLocalDomain(host)) {
            respond(st, 404, "Not Found");
        } else if (relayUnrouted) {
            relayWithoutApplication(st);
        } else {
            respond(st, 403, "Forbidden - relaying denied");
        }
    }

    /**
     * A request inside a dialog: the proxy session that record-routed it (its signed Route entry),
     * else the user-agent dialog it belongs to, else relayed or refused by {@link InDialogRelay}.
     */
    private void inDialog(ServerTransaction st, SIPRequest r) {
        InDialogRelay.Route route = relay.classify(st.poppedRoute(), r);
        if (route == InDialogRelay.Route.FORGED) {
            respond(st, 403, "Forbidden");
            core.statistics().count(org.olelo.core.stats.CoreStatistics.Event.RELAY_REFUSED);
            return;
        }
        // a proxy application's Record-Route first: in a chain it comes before the user agent behind it
        SipSessionImpl s = route == InDialogRelay.Route.SIGNED ? sessionOf(st.poppedRoute()) : null;
        if (s != null && s.isValid() && s.isProxy()) {
            SipApplicationSessionImpl as = s.parent();
            DeployedAppContext ctx = DeployedAppContext.of(as);
            if (ctx != null) {
                as.executor().execute(() -> runSubsequent(ctx.app(), as, s, st));
                return;
            }
        }
        SipSessionImpl d = ua.dialogs().find(r.getCallId().getCallId(), r.getToTag(), r.getFromTag());
        if (d != null) {
            d.parent().executor().execute(() -> ua.uas().onRequest(d, st));
            return;
        }
        switch (relay.verdict(route, r)) {
            case RELAY -> relayWithoutApplication(st);
            case NO_DIALOG -> respond(st, 481, "Call/Transaction Does Not Exist");
            case REFUSED -> respond(st, 403, "Forbidden - relaying denied");
        }
    }

    private void runSubsequent(DeployedApp app, SipApplicationSessionImpl as, SipSessionImpl s, ServerTransaction st) {
        if (!s.isValid()) {
            relayWithoutApplication(st);
            return;
        }
        SipServletRequestImpl req = received(st, s);
        if (req == null) {
            return;
        }
        req.setRouting(s.getRegion(), s.getSubscriberURI(), app.servletContext(), null);
        st.setApplicationData(req);
        s.access();
        if (s.proxiedDialog() instanceof org.olelo.container.internal.proxy.ProxiedDialog pd) {
            pd.seen(st.request());
        }
        Servlet servlet = app.servlet(s.handler());
        if (servlet != null) {
            invoke(app, as, servlet, req, null);
        }
        if (req.finalResponseSent()) {
            return;
        }
        ResponseDelivery d = s.proxySupervised() ? delivery(as, s) : ResponseDelivery.NONE;
        ProxyImpl p = new ProxyImpl(rt, req, s, as.executor(), d, app.proxyTimeoutSeconds(), true);
        p.setSupervised(s.proxySupervised());
        p.proxyTo(req.getRequestURI());
    }

    private SipSessionImpl sessionOf(RouteHeader popped) {
        if (popped == null || !(popped.getAddress().getURI() instanceof SipURI su)) {
            return null;
        }
        return rt.sessions().sipSession(su.getParameter(SESSION_PARAM));
    }

    /** Relays a request by its Route set or Request-URI with no application involved. */
    private void relayWithoutApplication(ServerTransaction st) {
        SerialExecutor ex = new SerialExecutor(rt.virtualThreads());
        ex.execute(() -> {
            SipServletRequestImpl req = received(st, null);
            if (req == null) {
                return;
            }
            st.setApplicationData(req);
            ProxyImpl p = new ProxyImpl(rt, req, null, ex, ResponseDelivery.NONE, 180, true);
            try {
                p.proxyTo(req.getRequestURI());
            } catch (RuntimeException e) {
                LOG.debug("relay failed", e);
                respond(st, 500, "Server Internal Error");
            }
        });
    }

    private static void respond(ServerTransaction st, int status, String reason) {
        try {
            if (st.lastStatus() < 200) {
                st.sendResponse(st.createResponse(status, reason));
            }
        } catch (IllegalStateException ignored) {
            // a final response raced us
        }
    }

    // ------------------------------------------------------------------ ACK and CANCEL

    @Override
    public void onAck(SIPRequest ack, RouteHeader popped, Transport transport, InetSocketAddress source) {
        InDialogRelay.Route route = relay.classify(popped, ack);
        if (route == InDialogRelay.Route.FORGED) {
            core.statistics().count(org.olelo.core.stats.CoreStatistics.Event.RELAY_REFUSED);
            return; // an ACK is never answered
        }
        SipSessionImpl s = route == InDialogRelay.Route.SIGNED ? sessionOf(popped) : null;
        SipSessionImpl d = s != null && s.isValid() && s.isProxy() ? null
                : ua.dialogs().find(ack.getCallId().getCallId(), ack.getToTag(), ack.getFromTag());
        if (d != null) {
            d.parent().executor().execute(() -> {
                SipServletRequestImpl req = new SipServletRequestImpl(ack, null, d, transport, source, popped);
                ua.uas().onAck(d, req);
            });
            return;
        }
        if (s != null && s.isValid()) {
            SipApplicationSessionImpl as = s.parent();
            DeployedAppContext ctx = DeployedAppContext.of(as);
            Servlet servlet = ctx == null ? null : ctx.app().servlet(s.handler());
            if (servlet != null) {
                as.executor().execute(() -> {
                    SipServletRequestImpl req = new SipServletRequestImpl(ack, null, s, transport, source, popped);
                    req.setRouting(s.getRegion(), s.getSubscriberURI(), ctx.app().servletContext(), null);
                    invoke(ctx.app(), as, servlet, req, null);
                    relayAck(ack, transport);
                });
                return;
            }
        }
        if (relay.verdict(route, ack) == InDialogRelay.Verdict.RELAY) {
            relayAck(ack, transport);
        }
    }

    /**
     * Forwards an end-to-end ACK statelessly (RFC 3261 §16.11), adding our Via. Max-Forwards as on
     * every relay path: absent counts as 70, each hop takes one, and an ACK with none left is dropped.
     * Called on reader threads: a target that needs a look-up is sent from the look-up's thread.
     */
    private void relayAck(SIPRequest ack, Transport inbound) {
        javax.sip.address.URI next = ack.getRouteHeaders() != null && !ack.getRouteHeaders().isEmpty()
                ? ((RouteHeader) ack.getRouteHeaders().getFirst()).getAddress().getURI() : ack.getRequestURI();
        core.resolve(next, inbound.name(), hop -> relayAck(ack, hop), e -> LOG.debug("ACK not relayed: {}", e.toString()));
    }

    private void relayAck(SIPRequest ack, Hop hop) {
        try {
            if (!org.olelo.core.routing.MaxForwardsRule.forHop(ack, hop)) {
                core.statistics().dropped();
                return;
            }
            // An ACK is never answered, so Max-Forwards alone bounds a loop of it; its branch carries
            // no loop hash, so that an ACK passing two record-routing applications of this server
            // (whose Route sets differ only by the entry already popped) is not taken for a loop.
            Via via = core.newVia(hop.transport(), SipCore.branch(null));
            ack.addFirst(via);
            core.sendStateless(ack, hop);
        } catch (Exception e) {
            LOG.debug("ACK not relayed: {}", e.toString());
        }
    }

    @Override
    public void onCancel(ServerTransaction invite, ServerTransaction cancel) {
        SIPRequest cancelRequest = cancel.request(); // taken now: over TCP the CANCEL's transaction ends at once
        Object data = invite.applicationData();
        if (!(data instanceof SipServletRequestImpl req)) {
            respond(invite, 487, "Request Terminated");
            return;
        }
        SipSessionImpl s = req.sessionImpl();
        if (s == null) {
            if (req.proxyIfAny() instanceof ProxyImpl p) {
                p.cancelFromUpstream();
            } else {
                respond(invite, 487, "Request Terminated");
            }
            return;
        }
        SipApplicationSessionImpl as = s.parent();
        as.executor().execute(() -> {
            if (req.proxyIfAny() instanceof ProxyImpl p && p.started()) {
                p.cancelFromUpstream();
                return;
            }
            DeployedAppContext ctx = DeployedAppContext.of(as);
            Servlet servlet = ctx == null ? null : ctx.app().servlet(s.handler());
            if (servlet != null) {
                SipServletRequestImpl c = new SipServletRequestImpl(
                        cancelRequest != null ? cancelRequest : cancelOf(req.jainRequest()), cancel, s, cancel.transport(),
                        cancel.source(), null);
                c.setUserAgent(ua);
                invoke(ctx.app(), as, servlet, c, null);
            }
            respond(invite, 487, "Request Terminated");
            s.setState(jakarta.servlet.sip.SipSession.State.TERMINATED);
        });
    }

    /** The CANCEL of a request, rebuilt from it (RFC 3261 §9.1 fields). */
    private static SIPRequest cancelOf(SIPRequest invite) {
        try {
            return (SIPRequest) invite.createCancelRequest();
        } catch (javax.sip.SipException e) {
            throw new IllegalStateException(e);
        }
    }
}
