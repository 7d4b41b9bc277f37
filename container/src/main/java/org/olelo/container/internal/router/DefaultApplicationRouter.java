package org.olelo.container.internal.router;

import jakarta.servlet.sip.Address;
import jakarta.servlet.sip.ServletParseException;
import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.ar.SipApplicationRouter;
import jakarta.servlet.sip.ar.SipApplicationRouterInfo;
import jakarta.servlet.sip.ar.SipApplicationRoutingDirective;
import jakarta.servlet.sip.ar.SipApplicationRoutingRegion;
import jakarta.servlet.sip.ar.SipRouteModifier;
import jakarta.servlet.sip.ar.SipTargetedRequestInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;

/**
 * Olelo's default application router: the JSR 289 Default Application Router
 * file syntax, plus optional per-tuple conditions (syntax in the package
 * documentation).
 *
 * <p>Threads: {@link #getNextApplication} runs concurrently on SIP worker threads
 * and only reads two immutable snapshots (routing table, deployed names) held in
 * volatile fields. {@link #reloadIfChanged()}, {@link #applicationDeployed} and
 * {@link #applicationUndeployed} are serialised on this object and replace those
 * snapshots atomically.
 */
public final class DefaultApplicationRouter implements SipApplicationRouter {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultApplicationRouter.class);
    private static final String[] NO_ROUTES = new String[0];

    private final Path file;
    private volatile RoutingTable table = RoutingTable.EMPTY;
    private volatile Set<String> deployed = Set.of();
    private volatile RoutingError lastError;
    private Object lastSeen;

    /** @param routingFile the routing file, usually {@code deploy/routing.properties} */
    public DefaultApplicationRouter(Path routingFile) {
        this.file = Objects.requireNonNull(routingFile, "routingFile");
    }

    /** Loads the routing file; a missing file gives an empty table (no application is ever chosen). */
    @Override
    public synchronized void init() {
        lastSeen = null;
        reloadIfChanged();
    }

    /** Same as {@link #init()}: the router's settings live in its file, not in properties. */
    @Override
    public void init(Properties properties) {
        init();
    }

    @Override
    public synchronized void destroy() {
        table = RoutingTable.EMPTY;
        deployed = Set.of();
    }

    @Override
    public synchronized void applicationDeployed(List<String> names) {
        Set<String> next = new HashSet<>(deployed);
        next.addAll(names);
        deployed = Set.copyOf(next);
    }

    @Override
    public synchronized void applicationUndeployed(List<String> names) {
        Set<String> next = new HashSet<>(deployed);
        names.forEach(next::remove);
        deployed = Set.copyOf(next);
    }

    /**
     * Reads the routing file again when its size or modification time changed.
     * A file with a fault is logged once ({@code file:line: reason}) and leaves the
     * previous table in force; fixing the file loads it. Meant to be called about
     * once a second by the container's housekeeping thread.
     *
     * @return whether a new table was installed
     */
    public synchronized boolean reloadIfChanged() {
        Object seen = fingerprint();
        if (Objects.equals(seen, lastSeen)) {
            return false;
        }
        lastSeen = seen;
        if (seen == null) {
            LOG.warn("Routing file {} not found: no application will be selected", file);
            table = RoutingTable.EMPTY;
            lastError = null;
            return true;
        }
        try {
            table = RoutingFileParser.parse(file);
            lastError = null;
            LOG.info("Routing file {} loaded: {}", file, table.byMethod().keySet());
            return true;
        } catch (RoutingSyntaxException e) {
            lastError = e.error();
            LOG.error("{} (previous routing kept)", e.error());
            return false;
        }
    }

    /**
     * Reads the routing file now, whether it changed or not (the management command
     * {@code router.reload}); a fault leaves the previous table in force, as in
     * {@link #reloadIfChanged}.
     *
     * @return whether a new table was installed
     */
    public synchronized boolean reloadNow() {
        lastSeen = new Object();
        return reloadIfChanged();
    }

    private Object fingerprint() {
        return FileFingerprint.of(file);
    }

    /** @return the fault of the last load attempt, or null when the current file loaded cleanly */
    public RoutingError lastError() {
        return lastError;
    }

    /** @return the routing table in force */
    public RoutingTable table() {
        return table;
    }

    @Override
    public SipApplicationRouterInfo getNextApplication(SipServletRequest request, SipApplicationRoutingRegion region,
                                                       SipApplicationRoutingDirective directive,
                                                       SipTargetedRequestInfo targeted, Serializable stateInfo) {
        Objects.requireNonNull(request, "initialRequest");
        RoutingTable t = table;
        Set<String> apps = deployed;
        if (targeted != null) {
            return targetedInfo(t, request, targeted, apps);
        }
        String key;
        int from;
        if (stateInfo instanceof RouterState s && directive != SipApplicationRoutingDirective.NEW) {
            key = s.key();
            from = s.index() + 1;
        } else {
            key = t.keyFor(request.getMethod());
            from = 0;
        }
        List<RouteTuple> tuples = t.tuples(key);
        for (int i = from; i < tuples.size(); i++) {
            RouteTuple tuple = tuples.get(i);
            if ((tuple.routesOut() || apps.contains(tuple.application()))
                    && tuple.conditions().stream().allMatch(c -> c.test(request))) {
                if (LOG.isDebugEnabled()) {
                    LOG.debug(RoutingExplanation.of(request, key, tuples, from, i, apps));
                }
                return info(tuple, request, new RouterState(key, i));
            }
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug(RoutingExplanation.of(request, key, tuples, from, -1, apps));
        }
        return null;
    }

    private SipApplicationRouterInfo targetedInfo(RoutingTable t, SipServletRequest request,
                                                  SipTargetedRequestInfo targeted, Set<String> apps) {
        String app = targeted.getApplicationName();
        if (!apps.contains(app)) {
            return null;
        }
        String key = t.keyFor(request.getMethod());
        List<RouteTuple> tuples = t.tuples(key);
        for (int i = 0; i < tuples.size(); i++) {
            if (tuples.get(i).application().equals(app)) {
                RouteTuple tuple = tuples.get(i);
                return new SipApplicationRouterInfo(app, tuple.region(), subscriber(tuple.subscriber(), request),
                        NO_ROUTES, SipRouteModifier.NO_ROUTE, new RouterState(key, i));
            }
        }
        return new SipApplicationRouterInfo(app, SipApplicationRoutingRegion.NEUTRAL_REGION, null, NO_ROUTES,
                SipRouteModifier.NO_ROUTE, null);
    }

    private static SipApplicationRouterInfo info(RouteTuple t, SipServletRequest request, RouterState state) {
        String[] routes = t.route().isEmpty() ? NO_ROUTES : new String[] {t.route()};
        return new SipApplicationRouterInfo(t.application(), t.region(), subscriber(t.subscriber(), request), routes,
                t.modifier(), state);
    }

    /**
     * @return the subscriber URI: for {@code DAR:<header>} the URI of that header's
     *         first address (or its raw value when it is not an address), else the
     *         field itself; null when empty or absent
     */
    static String subscriber(String field, SipServletRequest request) {
        if (field.isEmpty()) {
            return null;
        }
        if (!field.regionMatches(true, 0, "DAR:", 0, 4)) {
            return field;
        }
        String header = field.substring(4).trim();
        try {
            Address a = request.getAddressHeader(header);
            if (a != null && a.getURI() != null) {
                return a.getURI().toString();
            }
        } catch (ServletParseException | RuntimeException e) {
            LOG.debug("Header {} is not an address: {}", header, e.toString());
        }
        return request.getHeader(header);
    }
}
