package org.olelo.container.internal.proxy;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import jakarta.servlet.sip.Flow;
import jakarta.servlet.sip.Proxy;
import jakarta.servlet.sip.ProxyBranch;
import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.SipServletResponse;
import jakarta.servlet.sip.SipURI;
import jakarta.servlet.sip.URI;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import javax.sip.InvalidArgumentException;
import javax.sip.header.MaxForwardsHeader;
import org.olelo.container.internal.address.SipURIImpl;
import org.olelo.container.internal.address.Uris;
import org.olelo.container.internal.log.CallLog;
import org.olelo.container.internal.message.SipServletRequestImpl;
import org.olelo.container.internal.message.SipServletResponseImpl;
import org.olelo.container.internal.runtime.InternalHop;
import org.olelo.container.internal.session.OutboundInterfaces;
import org.olelo.core.SipCore;
import org.olelo.core.message.lazy.Received;
import org.olelo.core.message.SipMessages;
import org.olelo.core.routing.Hop;
import org.olelo.core.routing.MaxForwardsRule;
import org.olelo.core.routing.NoSecureTransport;
import org.olelo.core.transaction.ClientTransaction;
import org.olelo.core.transaction.ClientTransactionListener;
import org.olelo.core.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One branch of a proxy: a copy of the request sent to one target in its own client transaction,
 * with Timer C (RFC 3261 §16.6 step 11, §16.8). The client-transaction callbacks arrive on
 * transport and timer threads and are re-dispatched to the application session's executor, where
 * all branch and proxy state is touched.
 */
final class ProxyBranchImpl implements ProxyBranch, ClientTransactionListener {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyBranchImpl.class);
    private final ProxyImpl proxy;
    private final URI target;
    /** The branch whose 3xx this one follows, or null for a branch the application made. */
    private final ProxyBranchImpl parent;
    private final List<ProxyBranch> recursed = new ArrayList<>(0);
    private int timeoutSeconds;
    private boolean recordRoute;
    private boolean recurse;
    private Boolean addToPath;
    private java.net.InetSocketAddress outbound;
    private org.olelo.container.internal.flow.FlowImpl flow;
    private boolean started;
    private boolean provisional;
    private boolean done;
    private boolean synthesized;
    private SIPResponse finalResponse;
    private SIPResponse lastResponse;
    private SIPRequest sent;
    private SipServletRequestImpl branchRequest;
    private ClientTransaction transaction;
    private ScheduledFuture<?> timerC;
    private Hop hop;
    /** The other RFC 3263 targets of the branch's URI, or null when it has one. */
    private BranchFailover failover;
    private boolean cancelled;

    /** A branch the application asked for, with the proxy's settings. */
    ProxyBranchImpl(ProxyImpl proxy, URI target) {
        this.proxy = proxy;
        this.target = target;
        this.parent = null;
        this.timeoutSeconds = proxy.getProxyTimeout();
        this.recordRoute = proxy.getRecordRoute();
        this.recurse = proxy.getRecurse();
    }

    /** A branch to a Contact of the 3xx that {@code parent} received, with the parent's settings. */
    ProxyBranchImpl(ProxyBranchImpl parent, URI target) {
        this.proxy = parent.proxy;
        this.target = target;
        this.parent = parent;
        this.timeoutSeconds = parent.timeoutSeconds;
        this.recordRoute = parent.recordRoute;
        this.recurse = parent.recurse;
        this.addToPath = parent.addToPath;
        this.outbound = parent.outbound;
        parent.recursed.add(this); // a recursed branch goes where its Contact says, not over the parent's flow
    }

    URI target() {
        return target;
    }

    /** True for a branch the application made (not one recursed from a 3xx). */
    boolean topLevel() {
        return parent == null;
    }

    /** The 3xx of this branch was recursed on entirely: it is no candidate for the best response (§16.7 step 4). */
    void withdrawFinalResponse() {
        finalResponse = null;
    }

    boolean pending() {
        return started && !done;
    }

    SIPResponse finalResponse() {
        return finalResponse;
    }

    boolean synthesized() {
        return synthesized;
    }

    InetSocketAddress hopAddress() {
        return hop == null ? null : hop.address();
    }

    /** The listening point the branch's responses come over (the upstream one before it was sent). */
    Transport hopTransport() {
        return hop == null ? proxy.transaction().transport() : hop.transport();
    }

    /** {@code nat.fix.contact}: the Contact of a user agent behind NAT becomes where it sent from. */
    private void fixContact(gov.nist.javax.sip.message.SIPMessage m, Transport from, InetSocketAddress source) {
        org.olelo.container.internal.nat.ContactFix fix = proxy.runtime().contactFix();
        if (fix != org.olelo.container.internal.nat.ContactFix.OFF
                && !(from instanceof org.olelo.core.transport.InternalTransport)) {
            fix.apply(m, source);
        }
    }

    /** Builds the branch request and sends it (RFC 3261 §16.6). */
    void start() {
        started = true;
        SipCore core = proxy.runtime().core();
        SIPRequest copy;
        try {
            copy = prepared();
            if (branchRequest != null) {
                branchRequest.commit();
            }
            if (recordRoute || copy.getToTag() != null) {
                fixContact(copy, proxy.transaction().transport(), proxy.transaction().source());
            }
            if (copy.getHeader(MaxForwardsHeader.NAME) == null) {
                Received.changed(copy);
                copy.setHeader(SipMessages.HEADERS.createMaxForwardsHeader(MaxForwardsRule.ABSENT));
            }
            InternalHop composed = proxy.compose(copy);
            String branch;
            String edgeFlow;
            if (composed != null) {
                hop = composed.hop();
                branch = composed.branch();
            } else if (flow != null || topLevel() && proxy.flow() != null) {
                hop = (flow != null ? flow : proxy.flow()).hop(); // RFC 5626 §5.3: over the flow, not by routing
                branch = SipCore.branch(proxy.transaction().loopHash());
            } else if ((edgeFlow = EdgeFlows.pathFlowToken(proxy, copy)) != null) {
                org.olelo.container.internal.flow.FlowImpl f = proxy.runtime().sessions().flows().find(edgeFlow);
                if (f == null) {
                    failLocally(430, "Flow Failed"); // RFC 5626 §5.3: the edge's flow to the UA is gone
                    return;
                }
                hop = f.hop();
                branch = SipCore.branch(proxy.transaction().loopHash());
            } else {
                List<Hop> all = core.resolveAll(BranchEntries.nextHopUri(copy), proxy.defaultTransport());
                hop = OutboundInterfaces.apply(core, all.get(0),
                        outbound != null ? outbound : proxy.outboundInterface());
                NoSecureTransport.require(copy.getRequestURI(), hop);
                branch = SipCore.branch(proxy.transaction().loopHash());
                failover = BranchFailover.of(all, copy);
            }
            send(copy, branch);
        } catch (NoSecureTransport e) {
            failWithDetail(416, "Unsupported URI Scheme", "no secure route to the next hop: " + e.getMessage(), null);
            return;
        } catch (org.olelo.core.spi.LookupFailedException e) {
            failWithDetail(504, "Server Time-out", "the next hop could not be looked up: " + e.getMessage(), null);
            return;
        } catch (UnknownHostException e) {
            failWithDetail(502, "Bad Gateway", "no route to the next hop: " + e.getMessage(), null);
            return;
        } catch (ParseException | InvalidArgumentException | javax.sip.SipException | RuntimeException e) {
            failWithDetail(500, "Server Internal Error", "cannot forward: " + e, e);
            return;
        }
    }

    /**
     * Adds what depends on the hop (Max-Forwards, Record-Route, Path, our Via) and sends the copy
     * in a new client transaction (or fails the branch with 483 when no hop is left).
     */
    private void send(SIPRequest copy, String branch) throws ParseException, javax.sip.SipException {
        SipCore core = proxy.runtime().core();
        if (!MaxForwardsRule.forHop(copy, hop)) {
            failLocally(483, "Too Many Hops");
            return;
        }
        if (recordRoute) {
            Received.changed(copy); // Record-Route entries are not recorded: the copy is encoded
            BranchEntries.addRecordRoute(proxy, copy, hop.transport());
        }
        if (getAddToPath() && copy.getMethod().equals("REGISTER")) {
            // RFC 3327 §4.3: this proxy asks to stay on the path of requests towards the registered UA
            gov.nist.javax.sip.header.ims.Path path = BranchEntries.entry("Path",
                    BranchEntries.rrValue(hop.transport(), BranchEntries.pathParams(proxy) + EdgeFlows.obParams(proxy)));
            core.routeTokens().signPath((javax.sip.address.SipURI) path.getAddress().getURI());
            Received.changed(copy);
            copy.addFirst(path);
        }
        gov.nist.javax.sip.header.Via via = core.newVia(hop.transport(), branch);
        copy.addFirst(via);
        Received.pushedVia(copy, via.getHeaderValue());
        if (proxy.isInvite()) {
            armTimerC();
        }
        transaction = core.transactions().sendRequest(copy, hop, this);
    }

    /**
     * RFC 3263 §4.3: after the current target failed (no connection, no answer, or 503 without
     * Retry-After), sends the request to the next target of the same URI in a new client
     * transaction with a new branch. False when there is none left, or the branch was cancelled.
     */
    private boolean failOver(String why) {
        if (failover == null || cancelled || done) {
            return false;
        }
        Hop next = failover.next();
        if (next == null) {
            return false;
        }
        SipCore core = proxy.runtime().core();
        String detail = "next hop " + hop + " " + why + "; trying " + next;
        LOG.debug("proxy branch to {}: {}", target, detail);
        CallLog.note(proxy.transaction(), detail);
        core.statistics().count(org.olelo.core.stats.CoreStatistics.Event.DNS_FAILOVER);
        hop = OutboundInterfaces.apply(core, next, outbound != null ? outbound : proxy.outboundInterface());
        try {
            send(failover.request(), SipCore.branch(proxy.transaction().loopHash()));
        } catch (ParseException | javax.sip.SipException | RuntimeException e) {
            failWithDetail(500, "Server Internal Error", "cannot forward: " + e, e);
        }
        return true;
    }

    /**
     * The branch's copy of the request with its target as Request-URI, made once; until the branch
     * starts the application may change it through {@link #getRequest()} (e.g. push a Route).
     */
    private SIPRequest prepared() {
        if (sent == null) {
            SIPRequest original = proxy.originalRequest();
            SIPRequest copy = (SIPRequest) original.clone();
            if (proxy.subsequent()) {
                Received.copy(original, copy); // in a dialog: sent as the received bytes plus edits when it can be
            }
            String uri = copy.getRequestURI().toString();
            copy.setRequestURI(Uris.toJain(target));
            if (!copy.getRequestURI().toString().equals(uri)) {
                Received.replacedRequestUri(copy, copy.getRequestURI().toString());
            }
            sent = copy;
        }
        return sent;
    }

    private void armTimerC() {
        if (timerC != null) {
            timerC.cancel(false);
        }
        timerC = proxy.runtime().timers().schedule(() -> proxy.executor().execute(this::timerC), timeoutSeconds * 1000L);
    }

    private void timerC() {
        if (done) {
            return;
        }
        if (provisional) {
            cancelBranch();
        } else {
            if (transaction != null) {
                transaction.cancel();
            }
            failLocally(408, "Request Timeout");
        }
    }

    /**
     * Ends the branch with a locally generated response whose reason phrase says nothing internal;
     * the detail goes to the log (WARN when {@code failure} is a fault of the server) and to the call log.
     */
    private void failWithDetail(int status, String reason, String detail, Throwable failure) {
        String callId = org.olelo.container.internal.log.LogText.callId(proxy.transaction());
        if (failure != null) {
            LOG.warn("proxy branch to {} failed (call-id {}): {}", target, callId, detail, failure);
        } else {
            LOG.debug("proxy branch to {}: {} (call-id {})", target, detail, callId);
        }
        CallLog.note(proxy.transaction(), detail);
        failLocally(status, reason);
    }

    /** Ends the branch with a locally generated response and tells the proxy. */
    private void failLocally(int status, String reason) {
        done = true;
        synthesized = true;
        finalResponse = proxy.transaction().createResponse(status, reason);
        stopTimer();
        proxy.onBranchFailed(this);
    }

    private void stopTimer() {
        if (timerC != null) {
            timerC.cancel(false);
            timerC = null;
        }
    }

    /** Sends CANCEL if the INVITE is still pending. */
    void cancelBranch() {
        cancelBranch(CancelReasons.NONE);
    }

    /** Sends CANCEL, with the given Reason header fields, if the INVITE is still pending. */
    void cancelBranch(CancelReasons reasons) {
        if (!started || done || transaction == null) {
            return;
        }
        cancelled = true;
        if (reasons.isEmpty() || sent == null) {
            transaction.cancel();
            return;
        }
        SIPRequest cancel;
        try {
            cancel = (SIPRequest) sent.createCancelRequest();
        } catch (javax.sip.SipException e) {
            transaction.cancel();
            return;
        }
        reasons.addTo(cancel);
        transaction.cancel(cancel);
    }

    /** Cancels this branch and the branches recursed from it, with the given Reasons. */
    void cancelTree(CancelReasons reasons) {
        cancelBranch(reasons);
        for (ProxyBranch b : recursed) {
            ((ProxyBranchImpl) b).cancelTree(reasons);
        }
    }

    // ------------------------------------------------------------------ client transaction callbacks

    @Override
    public void onResponse(ClientTransaction tx, SIPResponse response) {
        proxy.executor().execute(() -> handle(response));
    }

    private void handle(SIPResponse r) {
        if (hop != null && (recordRoute || proxy.originalRequest().getToTag() != null)) {
            fixContact(r, hop.transport(), hop.address());
        }
        int status = r.getStatusCode();
        if (status == 503 && r.getHeader("Retry-After") == null && failOver("answered 503")) {
            return;
        }
        lastResponse = r;
        if (status < 200) {
            if (status > 100) {
                provisional = true;
                if (proxy.isInvite() && !done) {
                    armTimerC();
                }
            }
        } else if (!done) {
            done = true;
            stopTimer();
            if (status >= 300) {
                finalResponse = r;
            }
        } else if (status >= 300 || synthesized) {
            return;
        }
        proxy.onBranchResponse(this, r);
    }

    @Override
    public ClientTransactionListener acceptedListener() {
        return proxy.acceptedListener(this);
    }

    @Override
    public void onTimeout(ClientTransaction tx) {
        proxy.executor().execute(() -> {
            if (tx == transaction && !done && !failOver("did not answer")) {
                failLocally(408, "Request Timeout");
            }
        });
    }

    @Override
    public void onTransportError(ClientTransaction tx, IOException error) {
        proxy.executor().execute(() -> {
            if (tx == transaction && !done && !failOver("cannot be reached (" + error.getMessage() + ")")) {
                failWithDetail(503, "Service Unavailable", "cannot send to " + hopAddress() + ": " + error.getMessage(), null);
            }
        });
    }

    // ------------------------------------------------------------------ ProxyBranch

    @Override
    public SipServletRequest getRequest() {
        if (branchRequest == null) {
            branchRequest = SipServletRequestImpl.outgoing(prepared(), proxy.session(),
                    hop == null ? null : hop.transport(), hop == null ? null : hop.address());
            if (started) {
                branchRequest.commit();
            }
        }
        return branchRequest;
    }

    @Override
    public void cancel() {
        cancelTree(CancelReasons.NONE);
    }

    @Override
    public void cancel(String[] protocol, int[] reasonCode, String[] reasonText) {
        cancelTree(CancelReasons.of(protocol, reasonCode, reasonText));
    }

    @Override
    public int getProxyBranchTimeout() {
        return timeoutSeconds;
    }

    @Override
    public void setProxyBranchTimeout(int seconds) {
        if (seconds <= 0) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        this.timeoutSeconds = seconds;
    }

    @Override
    public boolean getRecurse() {
        return recurse;
    }

    @Override
    public void setRecurse(boolean recurse) {
        this.recurse = recurse;
    }

    @Override
    public boolean getRecordRoute() {
        return recordRoute;
    }

    @Override
    public void setRecordRoute(boolean rr) {
        if (started) {
            throw new IllegalStateException("branch already started");
        }
        this.recordRoute = rr;
    }

    @Override
    public boolean getAddToPath() {
        return addToPath != null ? addToPath : proxy.getAddToPath();
    }

    @Override
    public void setAddToPath(boolean p) {
        if (started) {
            throw new IllegalStateException("branch already started");
        }
        this.addToPath = p;
    }

    @Override
    public SipURI getRecordRouteURI() {
        return proxy.getRecordRouteURI();
    }

    @Override
    public SipURI getPathURI() {
        if (!getAddToPath()) {
            throw new IllegalStateException("Path is not enabled");
        }
        return proxy.getAddToPath() ? proxy.getPathURI() : new SipURIImpl(null, "127.0.0.1");
    }

    @Override
    public void setOutboundInterface(InetSocketAddress address) {
        this.outbound = OutboundInterfaces.check(proxy.runtime().core(), address);
    }

    @Override
    public void setOutboundInterface(InetAddress address) {
        this.outbound = OutboundInterfaces.check(proxy.runtime().core(), address);
    }

    /** Sends this branch over {@code flow} (one of this container's) instead of routing it; null routes it. */
    @Override
    public void setFlow(Flow flow) {
        this.flow = org.olelo.container.internal.flow.FlowImpl.require(flow);
    }

    @Override
    public Flow getFlow() {
        return flow;
    }

    @Override
    public SipServletResponse getResponse() {
        SIPResponse r = finalResponse != null ? finalResponse : lastResponse;
        return r == null ? null : new SipServletResponseImpl(r, (SipServletRequestImpl) proxy.getOriginalRequest(),
                proxy.session(), hopTransport(), hopAddress(), this, false);
    }

    @Override
    public boolean isStarted() {
        return started;
    }

    @Override
    public List<ProxyBranch> getRecursedProxyBranches() {
        return new ArrayList<>(recursed);
    }

    @Override
    public Proxy getProxy() {
        return proxy;
    }
}
