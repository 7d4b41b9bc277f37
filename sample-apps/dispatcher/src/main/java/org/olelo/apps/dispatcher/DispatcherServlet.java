package org.olelo.apps.dispatcher;

import jakarta.servlet.ServletException;
import jakarta.servlet.sip.Proxy;
import jakarta.servlet.sip.SipServlet;
import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.SipServletResponse;
import jakarta.servlet.sip.SipURI;
import jakarta.servlet.sip.URI;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Relays each initial request to a destination of the configured set, record-routed, and fails
 * over to the next one on 408, 5xx or no answer (Kamailio: {@code ds_select_domain()},
 * {@code t_relay()}, and {@code ds_next_domain()} in a failure route).
 *
 * <ul>
 *   <li>initial request: the set's algorithm orders its active destinations; the Request-URI keeps
 *       its user and gets the destination's host, port and transport; the first is tried;</li>
 *   <li>no active destination (or all at their {@code maxload}): {@code 503 Service Unavailable};</li>
 *   <li>final 408 or 5xx (also the 408 of a branch without answer) with failover on: the next
 *       active destination of the order; when none is left the response goes to the caller (with
 *       a single active destination the proxy is not supervised at all: nothing to fail over to,
 *       and the responses go upstream without a call into this servlet);</li>
 *   <li>requests in the dialog follow the recorded route (the container relays them); a BYE gives
 *       the call's load back;</li>
 *   <li>final responses to the probes go to the {@link Prober};</li>
 *   <li>as the front of a cluster ({@value DispatcherConfig#FRONT}), see {@link Front}: the
 *       Request-URI is kept and the node pushed as a Route, REGISTER goes to every active node, and
 *       a request of a dialog whose node is inactive goes to an active one.</li>
 * </ul>
 *
 * <p>Runs on the container's application executor, one message at a time per application
 * session; nothing here blocks.
 */
public class DispatcherServlet extends SipServlet {

    private static final long serialVersionUID = 1L;

    private transient DispatcherRuntime runtime;

    @Override
    public void init() throws ServletException {
        if (!(getServletContext().getAttribute(DispatcherRuntime.ATTRIBUTE) instanceof DispatcherRuntime r)) {
            throw new ServletException("dispatcher: not started; is " + DispatcherListener.class.getName()
                    + " declared as a <listener> in sip.xml?");
        }
        runtime = r;
    }

    @Override
    protected void doRequest(SipServletRequest req) throws ServletException, IOException {
        String method = req.getMethod();
        boolean front = runtime.dispatcher().config().front();
        if (!req.isInitial()) {
            if (front && !Front.inDialog(req, runtime.dispatcher().members()) && !method.equals("ACK")) {
                req.createResponse(SipServletResponse.SC_SERVICE_UNAVAILABLE).send();
                return;
            }
            if (method.equals("BYE")) {
                DispatchedCall call = DispatchedCall.of(req.getApplicationSession());
                if (call != null) {
                    call.release();
                }
            }
            return; // relayed by the container along the recorded route
        }
        if (method.equals("ACK") || method.equals("CANCEL")) {
            return;
        }
        Dispatcher dispatcher = runtime.dispatcher();
        if (front && Front.fromNode(req, dispatcher.members())) {
            Front.outbound(req);
            return;
        }
        if (front && method.equals("REGISTER")) {
            if (!Front.register(req, dispatcher.members())) {
                req.createResponse(SipServletResponse.SC_SERVICE_UNAVAILABLE).send();
            }
            return;
        }
        List<LiveDestination> order = dispatcher.select(new RequestKeys(req));
        boolean countsLoad = dispatcher.config().algorithm().countsLoad() && method.equals("INVITE");
        DispatchedCall call = new DispatchedCall(req, order, countsLoad);
        LiveDestination first = call.advance();
        if (first == null) {
            req.createResponse(SipServletResponse.SC_SERVICE_UNAVAILABLE).send();
            return;
        }
        Proxy proxy = req.getProxy();
        proxy.setRecordRoute(true);
        // supervision (every response through this servlet) only when a failover can happen or the load is counted
        boolean supervised = countsLoad || dispatcher.config().failover() && order.size() > 1;
        proxy.setSupervised(supervised);
        if (supervised) {
            req.getApplicationSession().setAttribute(DispatchedCall.ATTRIBUTE, call);
        }
        relay(proxy, req, first);
    }

    private void relay(Proxy proxy, SipServletRequest req, LiveDestination d) {
        if (runtime.dispatcher().config().front()) {
            Front.relay(proxy, req, d);
        } else {
            relayTo(proxy, req, d);
        }
    }

    /** Probe responses go to the prober; the others to the usual dispatch by status. */
    @Override
    protected void doResponse(SipServletResponse resp) throws ServletException, IOException {
        if (resp.getSession().getAttribute(Prober.PROBE) instanceof Prober.Probe probe) {
            if (resp.getStatus() >= 200 && runtime.prober() != null) {
                runtime.prober().answered(probe, resp.getStatus());
            }
            return;
        }
        super.doResponse(resp);
    }

    /** The final error response of the current attempt: fail over when it is 408 or 5xx. */
    @Override
    protected void doErrorResponse(SipServletResponse resp) throws ServletException, IOException {
        DispatchedCall call = DispatchedCall.of(resp.getApplicationSession());
        if (call == null || !resp.getMethod().equals(call.request.getMethod())) {
            return;
        }
        call.release();
        int status = resp.getStatus();
        if (!runtime.dispatcher().config().failover() || status != 408 && (status < 500 || status > 599)) {
            return;
        }
        LiveDestination next = call.advance();
        if (next == null) {
            return;
        }
        try {
            relay(call.request.getProxy(), call.request, next);
        } catch (IllegalStateException e) {
            call.release(); // the caller cancelled meanwhile: this response goes to the caller
        }
    }

    private static void relayTo(Proxy proxy, SipServletRequest req, LiveDestination d) {
        d.meters.calls().increment();
        proxy.proxyTo(target(req.getRequestURI(), d.uri));
    }

    /**
     * The Request-URI with the destination's host, port, transport and scheme (its user and other
     * parameters kept); the destination URI itself when the Request-URI is not a SIP URI or the
     * destination names a user.
     */
    static URI target(URI requestUri, SipURI destination) {
        if (!(requestUri instanceof SipURI r) || destination.getUser() != null) {
            return destination.clone();
        }
        SipURI t = (SipURI) r.clone();
        t.setSecure(destination.isSecure());
        t.setHost(destination.getHost());
        t.setPort(destination.getPort());
        t.removeParameter("transport");
        if (destination.getTransportParam() != null) {
            t.setTransportParam(destination.getTransportParam());
        }
        return t;
    }

    /** The hash inputs of a request, read only when an algorithm asks. */
    private record RequestKeys(SipServletRequest req) implements CallKeys {
        @Override
        public String callId() {
            return req.getCallId();
        }

        @Override
        public String fromUri() {
            return userHost(req.getFrom().getURI());
        }

        @Override
        public String toUri() {
            return userHost(req.getTo().getURI());
        }

        private static String userHost(URI uri) {
            if (uri instanceof SipURI s) {
                String host = s.getHost() == null ? "" : s.getHost().toLowerCase(Locale.ROOT);
                return s.getUser() == null ? host : s.getUser() + "@" + host;
            }
            return uri.toString();
        }
    }
}
