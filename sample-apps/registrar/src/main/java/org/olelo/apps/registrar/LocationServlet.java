package org.olelo.apps.registrar;

import jakarta.servlet.ServletException;
import jakarta.servlet.sip.Address;
import jakarta.servlet.sip.Proxy;
import jakarta.servlet.sip.ProxyBranch;
import jakarta.servlet.sip.ServletParseException;
import jakarta.servlet.sip.SipFactory;
import jakarta.servlet.sip.SipServlet;
import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.SipServletResponse;
import jakarta.servlet.sip.SipURI;
import jakarta.servlet.sip.URI;
import org.olelo.apps.registrar.msilo.Silo;
import org.olelo.apps.registrar.msilo.StoreOutcome;
import org.olelo.apps.registrar.service.Aor;
import org.olelo.apps.registrar.service.Gruus;
import org.olelo.apps.registrar.service.LookupResult;
import org.olelo.apps.registrar.service.RegistrarException;
import org.olelo.apps.registrar.service.RevealOffline;
import org.olelo.apps.registrar.service.Target;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code location} servlet: routes initial requests for local users to their registered
 * contacts (Kamailio's {@code lookup("location"); t_relay();}).
 *
 * <ul>
 *   <li>Request-URI not SIP/SIPS: 416; host not a local domain: 403; no user part: 200 for
 *       OPTIONS (the server answers for itself), 404 otherwise;</li>
 *   <li>a GRUU (RFC 5627, {@code gr} parameter): only the contacts of that instance; a temporary
 *       GRUU this registrar did not make: 404;</li>
 *   <li>current contacts: proxied, record-routed and unsupervised, in parallel or one after the
 *       other by descending q ({@code fork.mode}); each branch carries the routes of its
 *       {@link Target} (Path, or a loose route to the NAT source);</li>
 *   <li>none: 404 for an unknown user and, alike, for a known one who is offline, so that nobody
 *       can list the users by their answers; 480 for the latter only when {@code reveal.offline}
 *       lets this requester know ({@link RevealOffline}); 500 when the store fails; but a MESSAGE
 *       for a known user is kept by the offline store ({@link Silo}) when it is
 *       on, and answered 202 once it is on disk;</li>
 *   <li>subsequent requests, ACK and CANCEL: nothing; the container relays them.</li>
 * </ul>
 *
 * <p>Runs on the container's application executor (a virtual thread), one request at a time per
 * application session; blocks on the location store.
 */
public class LocationServlet extends SipServlet {

    private static final long serialVersionUID = 1L;

    private transient RegistrarRuntime runtime;
    private transient SipFactory factory;
    private transient Silo silo;

    @Override
    public void init() throws ServletException {
        runtime = Runtimes.of(getServletContext());
        factory = (SipFactory) getServletContext().getAttribute(SIP_FACTORY);
        silo = getServletContext().getAttribute(Silo.ATTRIBUTE) instanceof Silo s ? s : null;
    }

    /** Looks the Request-URI up and proxies; see the class description. */
    @Override
    protected void doRequest(SipServletRequest req) throws ServletException, IOException {
        String method = req.getMethod();
        if (!req.isInitial() || method.equals("ACK") || method.equals("CANCEL")) {
            return;
        }
        if (!(req.getRequestURI() instanceof SipURI ruri)) {
            SipRequests.answer(req, SipServletResponse.SC_UNSUPPORTED_URI_SCHEME, "Unsupported URI Scheme", Map.of());
            return;
        }
        if (!runtime.domains().isLocal(ruri.getHost())) {
            SipRequests.answer(req, SipServletResponse.SC_FORBIDDEN, "Not a local domain: " + ruri.getHost(), Map.of());
            return;
        }
        if (ruri.getUser() == null || ruri.getUser().isEmpty()) {
            boolean options = method.equals("OPTIONS");
            SipRequests.answer(req, options ? SipServletResponse.SC_OK : SipServletResponse.SC_NOT_FOUND,
                    options ? "OK" : "Not Found - no user in the Request-URI", Map.of());
            return;
        }
        Aor aor;
        String instance = null;
        try {
            aor = Aor.of(ruri.getScheme(), ruri.getUser(), ruri.getHost());
        } catch (RegistrarException e) {
            SipRequests.answer(req, e.status(), e.reason(), e.headers());
            return;
        }
        String gr = ruri.getParameter("gr");
        if (gr != null) {
            Gruus.Reach reach = runtime.gruus().target(ruri.getScheme(), ruri.getUser(), ruri.getHost(), gr);
            if (reach == null) {
                SipRequests.answer(req, SipServletResponse.SC_NOT_FOUND, "Not Found", Map.of());
                return;
            }
            aor = reach.aor();
            instance = reach.instance();
        }
        switch (runtime.location().lookup(aor, instance, System.currentTimeMillis())) {
            case LookupResult.Found found -> proxy(req, found.targets());
            case LookupResult.NotFound nf -> SipRequests.answer(req, SipServletResponse.SC_NOT_FOUND, "Not Found", Map.of());
            case LookupResult.Unavailable u -> {
                if (storedOffline(req, aor)) {
                    return;
                }
                if (runtime.config().revealOffline().reveals(req.getUserPrincipal() != null)) {
                    SipRequests.answer(req, SipServletResponse.SC_TEMPORARLY_UNAVAILABLE, "Temporarily Unavailable", Map.of());
                } else {
                    SipRequests.answer(req, SipServletResponse.SC_NOT_FOUND, "Not Found", Map.of());
                }
            }
            case LookupResult.Failed f -> {
                log("registrar: lookup of " + aor + " failed: " + f.cause().getMessage(), f.cause());
                SipRequests.answer(req, SipServletResponse.SC_SERVER_INTERNAL_ERROR,
                        "Server Internal Error", Map.of());
            }
        }
    }

    /**
     * A MESSAGE for a known user without contact: kept by the offline store when it is on, and
     * answered for it (202, or why not).
     *
     * @return whether the request was answered here
     */
    private boolean storedOffline(SipServletRequest req, Aor aor) throws IOException {
        if (silo == null || !req.getMethod().equals("MESSAGE")) {
            return false;
        }
        Address from = (Address) req.getFrom().clone();
        from.removeParameter("tag");
        StoreOutcome outcome = silo.store(from.toString(), aor.key(), aor.user(), aor.host(), req.getContentType(),
                req.getRawContent(), req.getCallId());
        SipRequests.answer(req, outcome.status(), outcome.reason(), Map.of());
        return true;
    }

    /**
     * Proxies to the targets. When they all share one route set (the usual case: one contact, or
     * contacts behind the same edge proxy) the routes go on the request itself. Otherwise each
     * branch gets its own (JSR 289 {@link ProxyBranch#getRequest()} before the branch starts); a
     * container that gives no branch request before starting reaches only the targets that share
     * the best target's routes, and the others are logged as skipped.
     */
    private void proxy(SipServletRequest req, List<Target> targets) throws ServletException, IOException {
        Proxy proxy = req.getProxy();
        proxy.setRecordRoute(true);
        proxy.setSupervised(false);
        proxy.setParallel(runtime.config().forkMode() == ForkMode.PARALLEL);
        Target best = targets.get(0);
        if (targets.stream().allMatch(t -> t.routes().equals(best.routes()))) {
            pushRoutes(req, best.routes());
            List<URI> uris = new ArrayList<>();
            for (Target t : targets) {
                uris.add(uri(t));
            }
            proxy.proxyTo(uris);
            return;
        }
        ProxyBranch first = proxy.createProxyBranches(List.of(uri(best))).get(0);
        if (first.getRequest() != null) {
            pushRoutes(first.getRequest(), best.routes());
            for (Target t : targets.subList(1, targets.size())) {
                pushRoutes(proxy.createProxyBranches(List.of(uri(t))).get(0).getRequest(), t.routes());
            }
        } else {
            pushRoutes(req, best.routes());
            for (Target t : targets.subList(1, targets.size())) {
                if (t.routes().equals(best.routes())) {
                    proxy.createProxyBranches(List.of(uri(t)));
                } else {
                    log("registrar: contact " + t.uri() + " skipped: the container cannot route proxy branches "
                            + "differently (no ProxyBranch.getRequest() before start)");
                }
            }
        }
        proxy.startProxy();
    }

    private URI uri(Target t) throws ServletParseException {
        return factory.createURI(t.uri());
    }

    /** Puts the routes on top of the request's Route set, keeping their order (first hop on top). */
    private void pushRoutes(SipServletRequest request, List<String> routes) throws ServletParseException {
        for (int i = routes.size() - 1; i >= 0; i--) {
            request.pushRoute(factory.createAddress(routes.get(i)));
        }
    }
}
