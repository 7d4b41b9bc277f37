package org.olelo.container.internal.proxy;

import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPResponse;
import jakarta.servlet.sip.ProxyBranch;
import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.URI;
import jakarta.servlet.sip.ar.SipApplicationRoutingDirective;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import org.olelo.container.internal.message.SipServletRequestImpl;
import org.olelo.container.internal.message.SipServletResponseImpl;
import org.olelo.container.internal.runtime.ContainerRuntime;
import org.olelo.container.internal.runtime.InternalHop;
import org.olelo.container.internal.runtime.NextApplication;
import org.olelo.container.internal.session.SipSessionImpl;
import org.olelo.core.message.lazy.Received;
import org.olelo.core.routing.DialogTransport;
import org.olelo.core.transaction.ServerTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stateful proxy of one received request (JSR 359 §10, RFC 3261 §16). Branches are client
 * transactions; responses are aggregated by RFC 3261 §16.7: provisionals and 2xx are forwarded at
 * once (every 2xx of a forked INVITE), a 2xx or 6xx cancels the other branches, and when every
 * branch has failed the best final response goes upstream. Parallel and sequential search, Timer C
 * per branch ({@code setProxyTimeout}), record-routing, and upstream CANCEL are handled here.
 *
 * <p>Threads: every method runs on the application session's serial executor, including the
 * response callbacks of the branches (they are re-dispatched there), so the proxy needs no locks.
 */
public final class ProxyImpl extends ProxySettings {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyImpl.class);

    private final ContainerRuntime rt;
    private final SipServletRequestImpl original;
    private final ServerTransaction transaction;
    private final ProxyRole role;
    private final SipSessionImpl session;
    private final Executor executor;
    private final ResponseDelivery delivery;
    private final boolean invite;
    private final boolean subsequent;
    private final List<ProxyBranchImpl> branches = new ArrayList<>();
    private final Deque<ProxyBranchImpl> waiting = new ArrayDeque<>();
    private boolean started;
    /** True while a batch of branches starts: a branch that fails at once does not end the search. */
    private boolean starting;
    private boolean bestSent;
    private boolean success;
    private boolean cancelled;
    /** True once the application or a 6xx stopped the search: no more recursion. */
    private boolean stopped;
    private NextApplication composer = NextApplication.NONE;

    /**
     * @param role       the proxy role of the SIP session, or null for a container relay
     * @param subsequent true when relaying a request inside an established dialog (no record-route)
     */
    public ProxyImpl(ContainerRuntime rt, SipServletRequestImpl original, ProxyRole role, Executor executor,
                     ResponseDelivery delivery, int proxyTimeoutSeconds, boolean subsequent) {
        super(rt.core(), original, proxyTimeoutSeconds, subsequent);
        this.rt = rt;
        this.original = original;
        this.transaction = original.transaction();
        this.role = role;
        this.session = role == null ? null : role.session();
        this.executor = executor;
        this.delivery = delivery;
        this.invite = original.getMethod().equals("INVITE");
        this.subsequent = subsequent;
        original.jainRequest(); // the request stays the one the transaction received
    }

    /** Lets the branches of an initial request ask the application router for the next application. */
    public void setComposer(NextApplication composer) {
        this.composer = composer;
    }

    /**
     * Application selection for one branch of an initial request (directive CONTINUE): the internal
     * hop to the next application of this server, or null when the branch goes to the network
     * (routes the router returned may have been pushed onto {@code wire}).
     */
    InternalHop compose(gov.nist.javax.sip.message.SIPRequest wire) {
        if (subsequent || session == null || !original.isInitial()) {
            return null;
        }
        return composer.beforeSendInitial(wire, SipApplicationRoutingDirective.CONTINUE, original);
    }

    ContainerRuntime runtime() {
        return rt;
    }

    Executor executor() {
        return executor;
    }

    SipSessionImpl session() {
        return session;
    }

    boolean isInvite() {
        return invite;
    }

    ServerTransaction transaction() {
        return transaction;
    }

    /**
     * The transport for a next hop that names none: for a request inside a dialog, the one of our
     * Record-Route entry for the side it goes to ({@link DialogTransport}); else the inbound one.
     */
    String defaultTransport() {
        String inbound = transaction.transport().name();
        return subsequent ? DialogTransport.of(transaction.poppedRoute(), inbound) : inbound;
    }

    /** The proxied request as received, which each branch copies. */
    /** True when relaying a request inside an established dialog. */
    boolean subsequent() {
        return subsequent;
    }

    gov.nist.javax.sip.message.SIPRequest originalRequest() {
        return original.jainRequest();
    }

    /**
     * The listener an INVITE branch's client transaction keeps for its Accepted state: a relay of
     * further 2xx upstream, which hands them to this branch first while the application supervises
     * the proxy and the session lives (the application sees every 2xx).
     */
    org.olelo.core.transaction.ClientTransactionListener acceptedListener(ProxyBranchImpl branch) {
        if (!supervised() || role == null) {
            return new AcceptedRelay(transaction);
        }
        AcceptedRelay relay = new AcceptedRelay(transaction, branch);
        role.accepted(relay);
        return relay;
    }

    /** True once a branch was started (the request can no longer be answered by the application). */
    @Override
    public boolean started() {
        return started;
    }

    @Override
    public SipServletRequest getOriginalRequest() {
        return original;
    }

    /** The proxied request. */
    SipServletRequestImpl original() {
        return original;
    }

    @Override
    public void proxyTo(URI uri) {
        proxyTo(List.of(uri));
    }

    @Override
    public void proxyTo(List<? extends URI> uris) {
        if (uris == null || uris.isEmpty()) {
            throw new IllegalArgumentException("no target to proxy to");
        }
        checkOpen();
        List<ProxyBranch> created = createProxyBranches(uris);
        startBranches(created);
    }

    private void checkOpen() {
        if (original.finalResponseSent()) {
            throw new IllegalStateException("a final response was already sent for the proxied request");
        }
    }

    @Override
    public void cancel() {
        stopped = true;
        cancelAll(null, CancelReasons.NONE);
    }

    /** Like {@link #cancel()}; every CANCEL sent carries the RFC 3326 Reason header fields given. */
    @Override
    public void cancel(String[] protocol, int[] reasonCode, String[] reasonText) {
        CancelReasons reasons = CancelReasons.of(protocol, reasonCode, reasonText);
        stopped = true;
        cancelAll(null, reasons);
    }

    /** Cancels every pending branch and stops the search. */
    void cancelAll(ProxyBranchImpl except) {
        cancelAll(except, CancelReasons.NONE);
    }

    private void cancelAll(ProxyBranchImpl except, CancelReasons reasons) {
        waiting.clear();
        for (ProxyBranchImpl b : branches) {
            if (b != except) {
                b.cancelBranch(reasons);
            }
        }
    }

    /** An upstream CANCEL for the proxied INVITE (the core already answered the CANCEL). */
    public void cancelFromUpstream() {
        cancelled = true;
        stopped = true;
        cancelAll(null);
        if (!started && !original.finalResponseSent()) {
            sendUpstream(transaction.createResponse(487, "Request Terminated"));
        }
    }

    /** True when the application sees the responses (it supervises, and someone delivers them). */
    boolean supervised() {
        return getSupervised() && delivery != ResponseDelivery.NONE;
    }

    @Override
    public List<ProxyBranch> createProxyBranches(List<? extends URI> targets) {
        checkOpen();
        List<ProxyBranch> out = new ArrayList<>(targets.size());
        for (URI u : targets) {
            ProxyBranchImpl b = new ProxyBranchImpl(this, u.clone());
            branches.add(b);
            out.add(b);
        }
        return out;
    }

    /** The top-level branch to {@code uri}; recursed branches are reached through their parent. */
    @Override
    public ProxyBranch getProxyBranch(URI uri) {
        for (ProxyBranchImpl b : branches) {
            if (b.topLevel() && b.target().equals(uri)) {
                return b;
            }
        }
        return null;
    }

    /** The branches the application made; those recursed from a 3xx are their parents' {@code getRecursedProxyBranches()}. */
    @Override
    public List<ProxyBranch> getProxyBranches() {
        return new ArrayList<>(branches.stream().filter(ProxyBranchImpl::topLevel).toList());
    }

    @Override
    public void startProxy() {
        startBranches(notStarted());
    }

    @Override
    public void startProxy(ProxyBranch.Callback callback) {
        List<ProxyBranch> list = notStarted();
        for (ProxyBranch b : list) {
            callback.handle(b);
        }
        startBranches(list);
    }

    /** The application's branches that are neither started nor waiting for their turn. */
    private List<ProxyBranch> notStarted() {
        return new ArrayList<>(branches.stream().filter(b -> b.topLevel() && !b.isStarted() && !waiting.contains(b)).toList());
    }

    private void startBranches(List<ProxyBranch> list) {
        checkOpen();
        if (list.isEmpty()) {
            throw new IllegalStateException("no branch to start");
        }
        if (getParallel()) {
            startAll(list);
        } else {
            for (ProxyBranch b : list) {
                waiting.add((ProxyBranchImpl) b);
            }
            if (branches.stream().noneMatch(ProxyBranchImpl::pending)) {
                startNext();
            }
        }
    }

    private void startOne(ProxyBranchImpl b) {
        started = true;
        b.start();
    }

    /** Starts branches in parallel; the outcome is looked at once all are on their way. */
    private void startAll(List<? extends ProxyBranch> list) {
        boolean outer = starting;
        starting = true;
        try {
            for (ProxyBranch b : list) {
                startOne((ProxyBranchImpl) b);
            }
        } finally {
            starting = outer;
        }
        maybeFinish();
    }

    /**
     * Recursion on a 3xx of branch {@code b} (RFC 3261 §16.7 step 4): its Contacts not yet in the
     * target set become branches recursed from {@code b}, started at once in a parallel search or
     * next, best q-value first, in a sequential one. A 3xx whose Contacts were all taken is no
     * candidate for the best response.
     *
     * @return false when no Contact was left to try (the 3xx is then a final response like others)
     */
    private boolean recurse(ProxyBranchImpl b, SIPResponse r) {
        List<URI> tried = branches.stream().map(ProxyBranchImpl::target).toList();
        List<URI> targets = Redirects.take(r, tried, Redirects.MAX_TARGETS - branches.size(),
                original.getRequestURI() instanceof jakarta.servlet.sip.SipURI su && su.isSecure());
        if (targets.isEmpty()) {
            return false;
        }
        if (Redirects.exhausted(r)) {
            b.withdrawFinalResponse();
        }
        List<ProxyBranchImpl> children = new ArrayList<>(targets.size());
        for (URI u : targets) {
            ProxyBranchImpl c = new ProxyBranchImpl(b, u);
            branches.add(c);
            children.add(c);
        }
        if (getParallel()) {
            startAll(children);
        } else {
            for (int i = children.size() - 1; i >= 0; i--) {
                waiting.addFirst(children.get(i));
            }
            startNext();
        }
        return true;
    }

    private void startNext() {
        while (!waiting.isEmpty() && !cancelled && !success) {
            ProxyBranchImpl b = waiting.poll();
            startOne(b);
            if (b.pending()) {
                return;
            }
        }
        maybeFinish();
    }

    /** The listening point branches send from: the proxy's choice, else the session's, else null. */
    InetSocketAddress outboundInterface() {
        InetSocketAddress chosen = chosenOutbound();
        if (chosen != null) {
            return chosen;
        }
        return session == null ? null : session.outboundInterface();
    }

    // ------------------------------------------------------------------ response aggregation

    /** A response arrived on a branch; runs on the application session's executor. */
    void onBranchResponse(ProxyBranchImpl b, SIPResponse r) {
        int status = r.getStatusCode();
        if (status == 100) {
            return;
        }
        SipServletResponseImpl resp = supervised()
                ? new SipServletResponseImpl(r, original, session, b.hopTransport(), b.hopAddress(), b, false)
                : null;
        if (status < 200) {
            if (bestSent || success && !invite) {
                return;
            }
            updateSession(status, r);
            if (supervised()) {
                delivery.deliver(resp);
            }
            forward(r);
            return;
        }
        if (status < 300) {
            boolean first = !success;
            success = true;
            if (invite && first && !getNoCancel()) {
                cancelAll(b);
            }
            if (!invite && !first) {
                return;
            }
            updateSession(status, r);
            if (supervised()) {
                delivery.deliver(resp);
            }
            forward(r);
            bestSent = true;
            return;
        }
        // 3xx-6xx: the branch is done.
        if (status >= 600 && invite) {
            stopped = true;
            cancelAll(b);
        }
        if (supervised()) {
            resp.setBranchResponse(true);
            delivery.deliver(resp);
            resp.setBranchResponse(false);
        }
        if (status < 400 && b.getRecurse() && !stopped && !success && !bestSent && recurse(b, r)) {
            return;
        }
        if (!getParallel() && !waiting.isEmpty() && status < 600) {
            startNext();
            return;
        }
        maybeFinish();
    }

    /** Called when a branch failed without a response (timeout, transport error). */
    void onBranchFailed(ProxyBranchImpl b) {
        if (!getParallel() && !waiting.isEmpty()) {
            startNext();
            return;
        }
        maybeFinish();
    }

    private void maybeFinish() {
        if (bestSent || success || starting) {
            return;
        }
        for (ProxyBranchImpl b : branches) {
            if (b.pending()) {
                return;
            }
        }
        if (!waiting.isEmpty() && !cancelled) {
            return;
        }
        List<SIPResponse> finals = new ArrayList<>();
        for (ProxyBranchImpl b : branches) {
            if (b.finalResponse() != null) {
                finals.add(b.finalResponse());
            }
        }
        SIPResponse best = BestResponse.choose(finals);
        if (best == null) {
            if (!started) {
                return;
            }
            best = transaction.createResponse(cancelled ? 487 : 408, cancelled ? "Request Terminated" : "Request Timeout");
            sendFinal(best, null);
            return;
        }
        sendFinal(best, branchOf(best));
    }

    private ProxyBranchImpl branchOf(SIPResponse r) {
        for (ProxyBranchImpl b : branches) {
            if (b.finalResponse() == r) {
                return b;
            }
        }
        return null;
    }

    private void sendFinal(SIPResponse best, ProxyBranchImpl from) {
        int before = branches.size();
        if (supervised() && from != null) {
            SipServletResponseImpl resp = new SipServletResponseImpl(best, original, session, from.hopTransport(),
                    from.hopAddress(), from, false);
            delivery.deliver(resp);
            if (branches.size() > before || !waiting.isEmpty()) {
                return; // the application proxied to more targets in doResponse
            }
        }
        if (best.getStatusCode() == 503 && !(from != null && from.synthesized())) {
            try {
                Received.changed(best);
                best.setStatusCode(500);
                best.setReasonPhrase("Server Internal Error");
            } catch (java.text.ParseException e) {
                throw new IllegalStateException(e);
            }
        }
        updateSession(best.getStatusCode(), best);
        bestSent = true;
        if (from != null && !from.synthesized()) {
            forward(best);
        } else {
            sendUpstream(best);
        }
    }

    /** Removes our Via and sends the response through the server transaction. */
    private void forward(SIPResponse r) {
        Via top = r.getTopmostVia();
        if (top != null) {
            r.removeFirst(Via.NAME);
            Received.poppedVia(r);
        }
        if (r.getTopmostVia() == null) {
            return;
        }
        sendUpstream(r);
    }

    private void sendUpstream(SIPResponse r) {
        try {
            transaction.sendResponse(r);
            if (r.getStatusCode() >= 200) {
                original.commit();
            }
        } catch (IllegalStateException e) {
            LOG.debug("response {} not forwarded: {}", r.getStatusCode(), e.getMessage());
        }
    }

    private void updateSession(int status, SIPResponse r) {
        if (role != null) {
            role.forwarded(original, subsequent, getRecordRoute(), status, r);
        }
    }
}
