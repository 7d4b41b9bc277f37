package org.olelo.container.internal;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import jakarta.servlet.Servlet;
import jakarta.servlet.sip.URI;
import jakarta.servlet.sip.ar.SipApplicationRouter;
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
import org.olelo.container.internal.log.CallLog;
import org.olelo.container.internal.log.CallRecord;
import org.olelo.container.internal.log.LogText;
import org.olelo.container.internal.message.RequestRouting;
import org.olelo.container.internal.message.SipServletRequestImpl;
import org.olelo.container.internal.proxy.ProxyImpl;
import org.olelo.container.internal.proxy.ProxyRole;
import org.olelo.container.internal.relay.InDialogRelay;
import org.olelo.container.internal.runtime.ContainerRuntime;
import org.olelo.container.internal.security.InitialRequestGuard;
import org.olelo.container.internal.stats.AppMeters;
import org.olelo.container.internal.session.SessionJoiner;
import org.olelo.container.internal.session.SipApplicationSessionImpl;
import org.olelo.container.internal.session.SipSessionImpl;
import org.olelo.container.internal.task.AppTaskExecutor;
import org.olelo.container.internal.timer.TimerServiceImpl;
import org.olelo.container.internal.ua.UndecidedRole;
import org.olelo.core.RequestHandler;
import org.olelo.core.SipCore;
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
 * <p>Here: initial requests, up to the session they start. That session first plays the
 * {@link UndecidedRole}; the application's {@code getProxy} gives it the {@link ProxyRole}
 * ({@link #newProxy}), answering or creating requests a user-agent role. Requests in dialogs, ACKs
 * and CANCELs are {@link InDialogDispatch}'s; relays without an application {@link Relays}'; the
 * servlet calls {@link ServletCalls}'.
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
    private final org.olelo.container.internal.dns.ContainerDnsResolver dnsResolver;
    private final javax.sql.DataSource dataSource;
    private final InitialRequestGuard guard;
    private final Composer composer;
    private final AppVersions versions;
    private final Relays relays;
    private final InDialogDispatch subsequent;
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
        this.dnsResolver = new org.olelo.container.internal.dns.ContainerDnsResolver(core);
        this.ua = new org.olelo.container.internal.ua.UserAgent(rt, new ServletCalls(), this::newProxy);
        this.composer = new Composer(rt, router, ua.dialogs());
        this.relays = new Relays(rt);
        this.subsequent = new InDialogDispatch(rt, new InDialogRelay(core, SESSION_PARAM, rt::isLocalDomain), ua, relays,
                new DialogTakeover(rt.sessions(), ua, timerService, this::newestVersion, this::anyDistributable));
        this.ua.setComposer(composer);
        this.versions = new AppVersions(rt.sessions(), this::publishInterfaces);
        registry.addListener(versions, true);
        FlowFailures flowFailures = new FlowFailures(versions::newestAll, rt.virtualThreads());
        rt.sessions().flows().onFailure(flowFailures::failed);
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
                dataSource == null ? null : new AppDataSource(appName, dataSource),
                new AppTaskExecutor(appName, version, rt.sessions(), rt.timers(), rt.virtualThreads()),
                AppMeters.open(rt.statistics(), appName, () -> versions.liveSessions(appName)));
    }

    /**
     * JSR 359 {@code DNS_RESOLVER} (the container's DNS look-ups, the same for every application) and
     * {@code SipServletContext.getFlow} (the flows of this server).
     */
    @Override
    public void contextCreated(String appName, AppServices services, jakarta.servlet.ServletContext context) {
        context.setAttribute(jakarta.servlet.sip.SipServlet.DNS_RESOLVER, dnsResolver);
        if (context instanceof org.olelo.container.internal.context.SipServletContextImpl c) {
            c.setFlowLookup(rt.sessions().flows()::find); // JSR 359 SipServletContext.getFlow
        }
    }

    /** The container alone serves no HTTP: the operations plane's factory does, around this one. */
    @Override
    public AutoCloseable startHttp(org.olelo.container.internal.deploy.HttpApp app) {
        return null;
    }

    @Override
    public void release(String appName, AppServices services) {
        AppMeters.close(services.statistics());
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
                subsequent.request(st, r);
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
        SipServletRequestImpl req = received(st, null, true);
        if (req == null) {
            return false;
        }
        SIPRequest jain = req.jainRequest();
        req.setAttribute(org.olelo.container.internal.router.Condition.LOCAL_ATTRIBUTE,
                jain.getRequestURI() instanceof SipURI u && rt.isLocalDomain(u.getHost()));
        Selection sel = composer.selectReceived(st, req);
        CallRecord call = sel.call() != null ? CallLog.join(st, sel.call()) : received;
        if (sel.relay()) {
            relays.request(st);
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
        SessionJoiner.join(rt.sessions(), ctx, req, sel.targetSession(), rt.virtualThreads(),
                as -> startInitial(ctx, sel, st, req, as), failure -> joinFailed(ctx, st, failure));
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
                SessionJoiner.join(rt.sessions(), now, req, sel.targetSession(), rt.virtualThreads(),
                        next -> startInitial(now, sel, st, req, next), failure -> joinFailed(now, st, failure));
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
        RequestRouting routing = RequestRouting.selected(sel.region(), subscriber, sel.stateInfo(), sel.internallyRouted(),
                sel.poppedRoute(), sel.initialPoppedRoute(), sel.initialSender());
        s.setup(jain.getTo(), jain.getFrom(), routing);
        s.receivedOver(st.transport(), st.source());
        s.takeRole(new UndecidedRole(ua, s, req));
        req.bind(s, routing);
        st.attachIfPending(req); // when a CANCEL was answered first, the task below sees its 487
        as.executor().execute(() -> {
            if (!as.isValid()) {
                // the session ended between the choice and now (its application invalidated it): a fresh
                // one, of the version that takes new sessions now
                DeployedAppContext now = versions.newest(ctx.name());
                DeployedAppContext target = now != null ? now : ctx;
                SessionJoiner.join(rt.sessions(), target, req, sel.targetSession(), rt.virtualThreads(),
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
    private static SipServletRequestImpl received(ServerTransaction st, SipSessionImpl s, boolean initial) {
        SIPRequest r = st.request();
        return r == null ? null : SipServletRequestImpl.received(st, r, s, initial);
    }

    private static URI parseQuietly(String uri) {
        try {
            return org.olelo.container.internal.address.Uris.parse(uri);
        } catch (jakarta.servlet.sip.ServletParseException e) {
            return null;
        }
    }

    /** The application proxies the initial request {@code s} received: the session takes the proxy role. */
    private ProxyImpl newProxy(SipServletRequestImpl req, SipSessionImpl s) {
        SipApplicationSessionImpl as = s.parent();
        int timeout = as.app() instanceof DeployedAppContext v ? v.app().proxyTimeoutSeconds() : 180;
        ProxyRole role = new ProxyRole(s);
        ProxyImpl p = new ProxyImpl(rt, req, role, as.executor(), ServletCalls.delivery(as, s, role), timeout, false);
        p.setComposer(composer);
        role.proxying(p);
        s.takeRole(role);
        return p;
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
        Throwable failure = ServletCalls.invoke(app, as, servlet, req, null);
        if (failure != null && !req.finalResponseSent() && !(req.proxyIfAny() instanceof ProxyImpl p && p.started())) {
            CallLog.note(req.transaction(), app.name() + ": servlet failed: " + failure.getClass().getName());
            respond(req.transaction(), 500, "Server Internal Error");
            s.markReady();
        }
    }

    private void noApplication(ServerTransaction st, SIPRequest r) {
        javax.sip.address.URI ruri = r.getRequestURI();
        String host = ruri instanceof SipURI su ? su.getHost() : null;
        if (host == null || rt.isLocalDomain(host)) {
            respond(st, 404, "Not Found");
        } else if (relayUnrouted) {
            relays.request(st);
        } else {
            respond(st, 403, "Forbidden - relaying denied");
        }
    }

    /** Answers a request with a status of the container's own, unless a final response went out already. */
    static void respond(ServerTransaction st, int status, String reason) {
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
        subsequent.ack(ack, popped, transport, source);
    }

    @Override
    public void onCancel(ServerTransaction invite, ServerTransaction cancel) {
        subsequent.cancel(invite, cancel);
    }

    /**
     * Restores sessions of a cluster member that left, which this node now owns (see
     * {@code ClusterWiring#takeOverOrphans}). On a virtual thread.
     *
     * @param copies the sessions' copies
     */
    public void takeOverSessions(java.util.List<org.olelo.container.internal.replica.SessionSnapshot> copies) {
        subsequent.takeover().restoreAll(copies);
    }

    /** Whether a distributable application is deployed (the take-over of another node's dialogs). */
    private boolean anyDistributable() {
        for (DeployedAppContext v : versions.newestAll()) {
            if (v.distributable()) {
                return true;
            }
        }
        return false;
    }

    /** The newest version of an application, or null (the take-over of another node's dialogs). */
    private DeployedAppContext newestVersion(String appName) {
        return versions.newest(appName);
    }
}
