package org.olelo.apps.lcr;

import jakarta.servlet.ServletException;
import jakarta.servlet.sip.Proxy;
import jakarta.servlet.sip.ProxyBranch;
import jakarta.servlet.sip.SipServlet;
import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.SipServletResponse;
import jakarta.servlet.sip.SipURI;
import jakarta.servlet.sip.TelURL;
import jakarta.servlet.sip.URI;
import org.olelo.apps.lcr.route.Gateway;
import org.olelo.apps.lcr.route.RouteTable;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Routes an initial INVITE to the gateways its number's rules give ({@link RouteTable}), one after
 * the other: a supervised, record-routing, sequential {@link Proxy} whose branch timeout is
 * {@code gw.timeout}. The container moves to the next gateway after a 3xx, 4xx or 5xx final
 * response or its own timeout (a CANCEL, then the gateway's 487), and stops at a 2xx or 6xx; this
 * servlet stops the search at a 3xx or a 4xx other than 408 ({@code Proxy.cancel()}), so that only
 * 408, 5xx and no answer fail over and other answers go back to the caller (the container's best
 * response, RFC 3261 §16.7). Gateways are counted, and their health updated
 * ({@link LcrRuntime#outcome}), as their answers arrive; those without an answer of their own
 * when the call's final response goes upstream.
 *
 * <p>Answers: no rule for the number, {@code notfound.code} (404); rules but no usable gateway,
 * 503; another method, 405. Declared twice in sip.xml: {@code lcr}, which the security constraint
 * covers, and {@code lcr-open}, the main servlet when {@code auth.required=false}.
 *
 * <p>Runs on the container's application executor, one message at a time per call; does not block.
 */
public class LcrServlet extends SipServlet {

    private static final long serialVersionUID = 1L;
    private static final String ATTEMPT = "org.olelo.apps.lcr.attempt";

    /** The gateways of one call, in branch order, and which of them are counted already. */
    private record Attempt(List<Gateway> gateways, boolean[] counted) {
    }

    @Override
    protected void doRequest(SipServletRequest req) throws ServletException, IOException {
        if (!req.isInitial() || req.getMethod().equals("ACK") || req.getMethod().equals("CANCEL")) {
            return;
        }
        if (!req.getMethod().equals("INVITE")) {
            SipServletResponse r = req.createResponse(SipServletResponse.SC_METHOD_NOT_ALLOWED);
            r.setHeader("Allow", "INVITE, ACK, CANCEL, BYE");
            r.send();
            return;
        }
        LcrRuntime rt = runtime();
        LcrRuntime.Snapshot s = rt.snapshot();
        String number = number(req.getRequestURI());
        boolean uris = s.table().usesUris();
        RouteTable.Choice c = number == null ? new RouteTable.Choice(false, List.of())
                : rt.choose(s, number, uris ? req.getFrom().getURI().toString() : "",
                        uris ? req.getRequestURI().toString() : "");
        if (c.gateways().isEmpty()) {
            if (number == null || !c.matched()) {
                req.createResponse(rt.config().notFoundCode(), "No route for this number").send();
            } else {
                req.createResponse(SipServletResponse.SC_SERVICE_UNAVAILABLE, "No gateway available").send();
            }
            return;
        }
        List<URI> targets = new ArrayList<>(c.gateways().size());
        for (Gateway g : c.gateways()) {
            targets.add(LcrRuntime.target(s, g, number));
        }
        req.setAttribute(ATTEMPT, new Attempt(c.gateways(), new boolean[c.gateways().size()]));
        Proxy proxy = req.getProxy();
        proxy.setRecordRoute(true);
        proxy.setSupervised(true);
        proxy.setParallel(false);
        proxy.setRecurse(false);
        proxy.setProxyTimeout(rt.config().gatewayTimeout());
        proxy.proxyTo(targets);
    }

    /** A gateway's 3xx-6xx: counted now; a 3xx or a 4xx other than 408 ends the search. */
    @Override
    protected void doBranchResponse(SipServletResponse resp) throws ServletException, IOException {
        Proxy proxy = resp.getProxy();
        Attempt a = attempt(proxy);
        int status = resp.getStatus();
        if (a == null) {
            return;
        }
        int i = branchIndex(proxy, resp.getProxyBranch());
        if (status == SipServletResponse.SC_REQUEST_TERMINATED) {
            return; // ours after the gateway timeout, or the caller's CANCEL: decided when the call ends
        }
        if (i >= 0 && !a.counted[i]) {
            a.counted[i] = true;
            runtime().outcome(a.gateways.get(i), failsOver(status) ? LcrRuntime.Outcome.FAILED
                    : LcrRuntime.Outcome.RESPONDED);
        }
        if (!failsOver(status) && status < 600) {
            proxy.cancel();
        }
    }

    /** The final answer of the call (2xx, or the best after the last gateway): the rest is counted. */
    @Override
    protected void doResponse(SipServletResponse resp) throws ServletException, IOException {
        if (resp.getStatus() < 200 || resp.getProxy() == null) {
            return;
        }
        if (resp.getStatus() >= 300 && resp.isBranchResponse()) {
            doBranchResponse(resp);
            return;
        }
        Proxy proxy = resp.getProxy();
        Attempt a = attempt(proxy);
        if (a == null) {
            return;
        }
        List<ProxyBranch> branches = proxy.getProxyBranches();
        int lastStarted = -1;
        for (int i = 0; i < branches.size() && i < a.counted.length; i++) {
            if (branches.get(i).isStarted()) {
                lastStarted = i;
            }
        }
        LcrRuntime rt = runtime();
        for (int i = 0; i <= lastStarted; i++) {
            ProxyBranch b = branches.get(i);
            if (a.counted[i] || !b.isStarted()) {
                continue;
            }
            a.counted[i] = true;
            SipServletResponse r = b.getResponse();
            int status = r == null ? SipServletResponse.SC_REQUEST_TIMEOUT : r.getStatus();
            LcrRuntime.Outcome o;
            if (status >= 200 && status < 300) {
                o = LcrRuntime.Outcome.ANSWERED;
            } else if (status == SipServletResponse.SC_REQUEST_TERMINATED) {
                // an earlier branch was cancelled by the gateway timeout; the last one may be the caller's CANCEL
                o = i < lastStarted ? LcrRuntime.Outcome.FAILED : LcrRuntime.Outcome.UNKNOWN;
            } else {
                o = failsOver(status) ? LcrRuntime.Outcome.FAILED : LcrRuntime.Outcome.RESPONDED;
            }
            rt.outcome(a.gateways.get(i), o);
        }
    }

    /** 408 and 5xx: the gateway failed, the next one is tried. */
    static boolean failsOver(int status) {
        return status == SipServletResponse.SC_REQUEST_TIMEOUT || status >= 500 && status < 600;
    }

    /** The number to route: the user part of a SIP URI, or the number of a tel URL; null for neither. */
    static String number(URI uri) {
        if (uri instanceof SipURI sip) {
            String u = sip.getUser();
            return u == null || u.isEmpty() ? null : u;
        }
        if (uri instanceof TelURL tel) {
            return tel.getPhoneNumber();
        }
        return null;
    }

    private static Attempt attempt(Proxy proxy) {
        return proxy.getOriginalRequest().getAttribute(ATTEMPT) instanceof Attempt a ? a : null;
    }

    private static int branchIndex(Proxy proxy, ProxyBranch branch) {
        List<ProxyBranch> all = proxy.getProxyBranches();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) == branch || all.get(i).equals(branch)) {
                return i;
            }
        }
        return -1;
    }

    private LcrRuntime runtime() throws ServletException {
        if (getServletContext().getAttribute(LcrRuntime.ATTRIBUTE) instanceof LcrRuntime r) {
            return r;
        }
        throw new ServletException("lcr: no runtime in the context; is " + LcrListener.class.getName()
                + " declared as a <listener> in sip.xml?");
    }
}
