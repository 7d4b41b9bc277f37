package org.olelo.container.internal.proxy;

import jakarta.servlet.sip.Flow;
import jakarta.servlet.sip.Proxy;
import jakarta.servlet.sip.SipURI;
import jakarta.servlet.sip.URI;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.olelo.container.internal.address.SipURIImpl;
import org.olelo.container.internal.message.SipServletRequestImpl;
import org.olelo.container.internal.session.OutboundInterfaces;
import org.olelo.core.SipCore;

/**
 * What an application sets on a proxy before and while it runs (JSR 359 §10.2): record-routing and
 * its URI, Path and its URI, parallel or sequential search, supervision, recursion, the proxy
 * timeout, no-cancel, and the outbound interface. {@link ProxyImpl} forks and aggregates with
 * these. Used on the application session's executor, like the proxy.
 */
abstract class ProxySettings implements Proxy {

    private final SipCore core;
    private final SipServletRequestImpl original;
    private final boolean subsequent;
    private boolean recordRoute;
    private boolean parallel = true;
    private boolean supervised = true;
    private boolean recurse;
    private boolean addToPath;
    private boolean noCancel;
    private int proxyTimeout;
    private SipURIImpl recordRouteUri;
    private SipURIImpl pathUri;
    private InetSocketAddress outbound;
    private org.olelo.container.internal.flow.FlowImpl flow;

    /**
     * @param original            the proxied request (its listening point names the record-route and Path host)
     * @param proxyTimeoutSeconds the application's default proxy timeout
     * @param subsequent          true when relaying a request inside an established dialog (no record-route)
     */
    ProxySettings(SipCore core, SipServletRequestImpl original, int proxyTimeoutSeconds, boolean subsequent) {
        this.core = core;
        this.original = original;
        this.proxyTimeout = proxyTimeoutSeconds;
        this.subsequent = subsequent;
        this.recurse = !subsequent; // a request relayed in a dialog, or without an application, follows no redirect
    }

    /** True once a branch was started: record-routing can no longer change. */
    public abstract boolean started();

    /** The listening point the application chose for the proxy, or null. */
    InetSocketAddress chosenOutbound() {
        return outbound;
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
        if (started()) {
            throw new IllegalStateException("record-route must be chosen before the proxy starts");
        }
        if (subsequent && rr) {
            throw new IllegalStateException("subsequent requests are not record-routed");
        }
        this.recordRoute = rr;
    }

    @Override
    public boolean getParallel() {
        return parallel;
    }

    @Override
    public void setParallel(boolean parallel) {
        this.parallel = parallel;
    }

    @Override
    public boolean getStateful() {
        return true;
    }

    @Override
    public void setStateful(boolean stateful) {
        // Olelo proxies are always transaction-stateful (JSR 359 deprecates stateless proxying).
    }

    @Override
    public boolean getSupervised() {
        return supervised;
    }

    @Override
    public void setSupervised(boolean supervised) {
        this.supervised = supervised;
    }

    @Override
    public int getProxyTimeout() {
        return proxyTimeout;
    }

    @Override
    public int getSequentialSearchTimeout() {
        return proxyTimeout;
    }

    @Override
    public void setProxyTimeout(int seconds) {
        if (seconds <= 0) {
            throw new IllegalArgumentException("proxy timeout must be positive");
        }
        this.proxyTimeout = seconds;
    }

    @Override
    public void setSequentialSearchTimeout(int seconds) {
        setProxyTimeout(seconds);
    }

    @Override
    public SipURI getRecordRouteURI() {
        if (!recordRoute) {
            throw new IllegalStateException("record-routing is not enabled");
        }
        if (recordRouteUri == null) {
            recordRouteUri = new SipURIImpl(null, original.getTransport() == null ? "127.0.0.1" : original.getServerName());
        }
        return recordRouteUri;
    }

    /** Parameters the application added to the Record-Route URI (may be null). */
    SipURIImpl recordRouteUriIfAny() {
        return recordRouteUri;
    }

    @Override
    public void setOutboundInterface(InetSocketAddress address) {
        this.outbound = OutboundInterfaces.check(core, address);
    }

    @Override
    public void setOutboundInterface(InetAddress address) {
        this.outbound = OutboundInterfaces.check(core, address);
    }

    /** Sends the branches that have no flow of their own over {@code flow}; null routes them. */
    @Override
    public void setFlow(Flow flow) {
        this.flow = org.olelo.container.internal.flow.FlowImpl.require(flow);
    }

    @Override
    public Flow getFlow() {
        return flow;
    }

    /** The flow set with {@link #setFlow}, or null. */
    org.olelo.container.internal.flow.FlowImpl flow() {
        return flow;
    }

    @Override
    public boolean getAddToPath() {
        return addToPath;
    }

    @Override
    public void setAddToPath(boolean p) {
        this.addToPath = p;
    }

    @Override
    public SipURI getPathURI() {
        if (!addToPath) {
            throw new IllegalStateException("Path is not enabled");
        }
        if (pathUri == null) {
            pathUri = new SipURIImpl(null, original.getTransport() == null ? "127.0.0.1" : original.getServerName());
        }
        return pathUri;
    }

    /** Parameters the application added to the Path URI (may be null). */
    SipURIImpl pathUriIfAny() {
        return pathUri;
    }

    @Override
    public void setNoCancel(boolean noCancel) {
        this.noCancel = noCancel;
    }

    @Override
    public boolean getNoCancel() {
        return noCancel;
    }
}
