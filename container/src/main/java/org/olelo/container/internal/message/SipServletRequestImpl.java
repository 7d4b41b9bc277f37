package org.olelo.container.internal.message;

import gov.nist.javax.sip.header.Route;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletContext;
import jakarta.servlet.sip.Address;
import jakarta.servlet.sip.AuthInfo;
import jakarta.servlet.sip.B2buaHelper;
import jakarta.servlet.sip.InviteBranch;
import jakarta.servlet.sip.Proxy;
import jakarta.servlet.sip.ServletParseException;
import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.SipServletResponse;
import jakarta.servlet.sip.SipURI;
import jakarta.servlet.sip.TooManyHopsException;
import jakarta.servlet.sip.URI;
import jakarta.servlet.sip.ar.SipApplicationRoutingDirective;
import jakarta.servlet.sip.ar.SipApplicationRoutingRegion;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.RouteHeader;
import org.olelo.container.internal.address.AddressImpl;
import org.olelo.container.internal.address.Uris;
import org.olelo.core.transaction.ClientTransaction;
import org.olelo.core.transaction.ServerTransaction;
import org.olelo.core.transport.Transport;

/**
 * A SIP request as applications see it: a received request with its server transaction, a request
 * an application or the container creates, or the copy a proxy branch sends. Responses are created
 * here and sent through the server transaction. How application selection reached it is one
 * {@link RequestRouting} value; whatever depends on whether its session proxies or acts as a user
 * agent (proxying, sending, B2BUA, invite branches, digest answers) is asked of the session's
 * {@link MessageRole}.
 *
 * <p>Application code uses it on its application session's executor; the container creates it on
 * a transport reader thread and hands it over.
 */
public final class SipServletRequestImpl extends ServletRequestDefaults {

    private static final AtomicLong REQUEST_IDS = new AtomicLong();

    private final SIPRequest request;
    private final ServerTransaction transaction;
    private final long requestId = REQUEST_IDS.incrementAndGet();
    private final boolean initial;
    /** True for a request this server received (as opposed to one an application or the container made). */
    private final boolean received;
    private final RouteHeader poppedRouteHeader;
    private Address poppedRoute;
    /** How application selection reached this request's application; null for none. */
    private volatile RequestRouting routing;
    /** The proxy the session's role made for this request, once the application proxies it. */
    private volatile Proxy proxy;
    /** The final response sent (a received request) or received (a request the application sent). */
    private volatile SipServletResponse finalResponse;
    private volatile ClientTransaction clientTransaction;
    private volatile SipServletResponseImpl acknowledged;
    private volatile SipServletRequestImpl cancels;
    private volatile SipServletRequestImpl linkedRequest;
    private volatile boolean contactTemplate;

    private SipServletRequestImpl(SIPRequest request, ServerTransaction st, MessageSession session, Transport transport,
                                  InetSocketAddress remote, RouteHeader popped, boolean initial, boolean received) {
        super(request, session, transport, remote);
        this.request = request;
        this.transaction = st;
        this.poppedRouteHeader = popped;
        this.initial = initial;
        this.received = received;
        this.routing = received && session != null ? session.routing() : null;
    }

    /**
     * A request the core received, with its server transaction: an initial request (bound to its
     * session later, {@link #bind}) or one received in the session {@code s}, which takes the
     * session's routing.
     */
    public static SipServletRequestImpl received(ServerTransaction st, SIPRequest r, MessageSession s, boolean initial) {
        return new SipServletRequestImpl(r, st, s, st.transport(), st.source(), st.poppedRoute(), initial, true);
    }

    /** An ACK the core received for a 2xx (it has no transaction), in the session {@code s}. */
    public static SipServletRequestImpl receivedAck(SIPRequest ack, MessageSession s, Transport transport,
                                                    InetSocketAddress source, RouteHeader popped) {
        return new SipServletRequestImpl(ack, null, s, transport, source, popped, false, true);
    }

    /** A request an application or the container made, to be sent in the session {@code s} (or in none). */
    public static SipServletRequestImpl created(SIPRequest r, MessageSession s, boolean initial) {
        return new SipServletRequestImpl(r, null, s, null, null, null, initial, false);
    }

    /** A request the container sends to {@code to} over {@code transport}, such as a proxy branch's copy (either may be null before it is sent). */
    public static SipServletRequestImpl outgoing(SIPRequest r, MessageSession s, Transport transport, InetSocketAddress to) {
        return new SipServletRequestImpl(r, null, s, transport, to, null, false, false);
    }

    private static Address toAddress(RouteHeader r) {
        try {
            AddressImpl a = AddressImpl.parse(((Route) r).getHeaderValue());
            a.setReadOnly();
            return a;
        } catch (ServletParseException e) {
            return null;
        }
    }

    @Override
    protected boolean wasReceived() {
        return received;
    }

    /** The JAIN-SIP request. */
    public SIPRequest jainRequest() {
        return request;
    }

    /** The server transaction, or null for a request the container sends. */
    public ServerTransaction transaction() {
        return transaction;
    }

    /**
     * Binds a received initial request to the session the container made for it and records how
     * application selection reached it: one step, once (again only when the session it was bound
     * to ended before its application ran).
     */
    public void bind(MessageSession s, RequestRouting r) {
        MessageSession before = session;
        if (before != null && before.isValid()) {
            throw new IllegalStateException("the request is already bound to a session");
        }
        this.session = s;
        this.routing = r;
    }

    /** The application router's state info for the application this request was given to, or null. */
    public java.io.Serializable routerState() {
        RequestRouting r = routing;
        return initial && r != null ? r.stateInfo() : null;
    }

    /**
     * True for a request received from another application of this server: an initial request
     * application selection passed on, or one in a dialog that followed another application's
     * Record-Route (both come over the internal hop).
     */
    @Override
    public boolean isInternallyRouted() {
        RequestRouting r = routing;
        return received && (overInternalHop() || initial && r != null && r.internallyRouted());
    }

    /**
     * The network sender of a received request: its source for one that came from the network; for
     * an initial request another application of this server passed on, the sender that application
     * was told (null when it created the request); for another request over the internal hop, the
     * first Via entry this server did not write.
     */
    @Override
    public InitialSender initialSender() {
        if (!received) {
            return null;
        }
        RequestRouting r = routing;
        if (initial && r != null && r.internallyRouted()) {
            return r.initialSender();
        }
        if (!overInternalHop()) {
            return InitialSender.of(remote, transport);
        }
        MessageSession s = session;
        return InitialSender.fromVias(request, s == null ? null : s.core());
    }

    /** The proxy, if the application created one. */
    public Proxy proxyIfAny() {
        return proxy;
    }

    /** True once a final response was sent upstream for this request. */
    public boolean finalResponseSent() {
        return transaction != null && transaction.lastStatus() >= 200;
    }

    /** Records the final response sent through this request's transaction. */
    void finalSent(SipServletResponse r) {
        this.finalResponse = r;
        commit();
    }

    // ------------------------------------------------------------------ what the session's role records

    /** The client transaction of a sent request, or null. */
    public ClientTransaction clientTransaction() {
        return clientTransaction;
    }

    /** Records the client transaction a request the application sent went out on. */
    public void sentThrough(ClientTransaction ct) {
        this.clientTransaction = ct;
    }

    /** Records the final response received for a request the application sent. */
    public void finalReceived(SipServletResponseImpl r) {
        this.finalResponse = r;
    }

    /** For an ACK: the 2xx response it acknowledges. */
    public SipServletResponseImpl acknowledges() {
        return acknowledged;
    }

    /** Records the 2xx response an ACK acknowledges. */
    public void acknowledging(SipServletResponseImpl r) {
        this.acknowledged = r;
    }

    /** For a CANCEL: the INVITE it cancels. */
    public SipServletRequestImpl cancels() {
        return cancels;
    }

    /** B2BUA: the request on the other leg this one is linked to. */
    public SipServletRequestImpl linkedRequest() {
        return linkedRequest;
    }

    /** Links this request to one on the other leg of a B2BUA (and that one to this). */
    public void linkWith(SipServletRequestImpl other) {
        this.linkedRequest = other;
        other.linkedRequest = this;
    }

    /**
     * True when the application gave the Contact's user part and parameters through a B2BUA header
     * map, and the container fills in host and port when the request is sent.
     */
    public boolean contactTemplate() {
        return contactTemplate;
    }

    /** Records that the Contact is the application's template. */
    public void contactIsTemplate() {
        this.contactTemplate = true;
    }

    /**
     * A response to this received request in the given session with the given To tag: the answer of
     * one of several dialogs (B2BUA forks, invite branches). Several 2xx responses may be sent this way.
     */
    public SipServletResponseImpl createResponseInSession(int status, String reason, MessageSession s, String toTag) {
        if (transaction == null) {
            throw new IllegalStateException("responses can only be created for received requests");
        }
        if (status < 100 || status > 699) {
            throw new IllegalArgumentException("status code " + status + " outside 100-699");
        }
        SIPResponse r = transaction.createResponse(status, reason);
        if (status > 100 && toTag != null) {
            try {
                r.getTo().setTag(toTag);
            } catch (java.text.ParseException e) {
                throw new IllegalArgumentException(e);
            }
        }
        return new SipServletResponseImpl(r, this, s, transport, remote, null, true);
    }

    // ------------------------------------------------------------------ SipServletRequest

    @Override
    public URI getRequestURI() {
        return Uris.fromJain(request.getRequestURI());
    }

    @Override
    public void setRequestURI(URI uri) {
        checkModifiable();
        if (uri == null) {
            throw new NullPointerException("Request-URI");
        }
        request.setRequestURI(Uris.toJain(uri));
    }

    @Override
    public void pushRoute(SipURI uri) {
        pushRouteValue("<" + uri + ">");
    }

    @Override
    public void pushRoute(Address uri) {
        pushRouteValue(uri.toString());
    }

    private void pushRouteValue(String v) {
        checkModifiable();
        attach("Route", v, true);
    }

    @Override
    public int getMaxForwards() {
        MaxForwardsHeader mf = (MaxForwardsHeader) request.getHeader(MaxForwardsHeader.NAME);
        return mf == null ? -1 : mf.getMaxForwards();
    }

    @Override
    public void setMaxForwards(int n) {
        checkModifiable();
        if (n < 0 || n > 255) {
            throw new IllegalArgumentException("Max-Forwards must be 0-255, not " + n);
        }
        try {
            request.setHeader(org.olelo.core.message.SipMessages.HEADERS.createMaxForwardsHeader(n));
        } catch (javax.sip.InvalidArgumentException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public int getMaxBreadth() {
        String v = getHeader("Max-Breadth");
        return v == null ? -1 : Integer.parseInt(v.trim());
    }

    @Override
    public void setMaxBreadth(int n) {
        setHeader("Max-Breadth", Integer.toString(n));
    }

    @Override
    public boolean isInitial() {
        return initial;
    }

    @Override
    public Proxy getProxy() throws TooManyHopsException {
        return getProxy(true);
    }

    @Override
    public Proxy getProxy(boolean create) throws TooManyHopsException {
        Proxy p = proxy;
        if (p != null || !create) {
            return p;
        }
        if (transaction == null) {
            throw new IllegalStateException("only a received request can be proxied");
        }
        if (finalResponse != null || finalResponseSent()) {
            throw new IllegalStateException("a final response was already sent for this request");
        }
        if (getMaxForwards() == 0) {
            throw new TooManyHopsException("Max-Forwards is 0");
        }
        synchronized (this) {
            if (proxy == null) {
                proxy = role().proxy(this); // the session takes the proxy role
            }
            return proxy;
        }
    }

    @Override
    public SipServletResponse createResponse(int status) {
        return createResponse(status, null);
    }

    @Override
    public SipServletResponse createResponse(int status, String reason) {
        if (transaction == null) {
            throw new IllegalStateException("responses can only be created for received requests");
        }
        if (request.getMethod().equals("ACK")) {
            throw new IllegalStateException("ACK is never answered");
        }
        if (status < 100 || status > 699) {
            throw new IllegalArgumentException("status code " + status + " outside 100-699");
        }
        if (finalResponseSent()) {
            throw new IllegalStateException("a final response was already sent for this request");
        }
        SIPResponse r = transaction.createResponse(status, reason);
        return new SipServletResponseImpl(r, this, session, transport, remote, null, true);
    }

    @Override
    public SipServletRequest createCancel() {
        if (transaction != null || !request.getMethod().equals("INVITE")) {
            throw new IllegalStateException("only an INVITE the application sent can be cancelled");
        }
        if (clientTransaction == null) {
            throw new IllegalStateException("the INVITE has not been sent");
        }
        if (finalResponse != null) {
            throw new IllegalStateException("the INVITE already has a final response");
        }
        try {
            SipServletRequestImpl c = created(request.createCancelRequest(), session, false);
            c.cancels = this;
            return c;
        } catch (javax.sip.SipException e) {
            throw new IllegalStateException("cannot build CANCEL: " + e.getMessage(), e);
        }
    }

    @Override
    public B2buaHelper getB2buaHelper() {
        if (proxy != null) {
            throw new IllegalStateException("the request is proxied; it cannot also be handled as a B2BUA");
        }
        return role().b2buaHelper(this);
    }

    @Override
    public Address getPoppedRoute() {
        RequestRouting r = routing;
        if (initial && r != null && r.poppedRoute() != null) {
            return r.poppedRoute(); // an internal route the application router returned
        }
        if (poppedRoute == null && poppedRouteHeader != null) {
            poppedRoute = toAddress(poppedRouteHeader); // parsed only when an application asks
        }
        return poppedRoute;
    }

    @Override
    public Address getInitialPoppedRoute() {
        RequestRouting r = routing;
        Address a = initial && r != null ? r.initialPoppedRoute() : null;
        return a != null || isInternallyRouted() ? a : getPoppedRoute();
    }

    @Override
    public void setRoutingDirective(SipApplicationRoutingDirective d, SipServletRequest origRequest) {
        if (!initial) {
            throw new IllegalStateException("routing directives apply to initial requests only");
        }
        RequestRouting r = routing;
        routing = (r == null ? RequestRouting.NONE : r).withDirective(d,
                origRequest instanceof SipServletRequestImpl o ? o : null);
    }

    /** The request given with {@link #setRoutingDirective}, whose selection this one continues; or null. */
    public SipServletRequestImpl routingOrigin() {
        RequestRouting r = routing;
        return r == null ? null : r.origin();
    }

    @Override
    public SipApplicationRoutingDirective getRoutingDirective() {
        if (!initial) {
            throw new IllegalStateException("routing directives apply to initial requests only");
        }
        RequestRouting r = routing;
        return r == null ? SipApplicationRoutingDirective.NEW : r.directive();
    }

    @Override
    public SipApplicationRoutingRegion getRegion() {
        RequestRouting r = routing;
        return r == null ? null : r.region();
    }

    @Override
    public URI getSubscriberURI() {
        RequestRouting r = routing;
        return r == null ? null : r.subscriber();
    }

    @Override
    public void addAuthHeader(SipServletResponse challenge, AuthInfo authInfo) {
        role().authorize(this, (SipServletResponseImpl) challenge,
                (realm, status) -> ((AuthInfoImpl) authInfo).credentials(status, realm));
    }

    @Override
    public void addAuthHeader(SipServletResponse challenge, String username, String password) {
        role().authorize(this, (SipServletResponseImpl) challenge, (realm, status) -> new String[] {username, password});
    }

    @Override
    public SipServletResponse getFinalResponse() {
        return finalResponse;
    }

    @Override
    public SipServletResponse getAcknowledgedResponse() {
        if (!request.getMethod().equals("ACK") && !request.getMethod().equals("PRACK")) {
            throw new IllegalStateException("only ACK and PRACK acknowledge a response");
        }
        return acknowledged;
    }

    @Override
    public InviteBranch createInviteBranch() {
        return role().createInviteBranch(this);
    }

    /** True when the Request-URI is a SIP URI naming one of this server's listening points. */
    @Override
    public boolean isRequestUriInternal() {
        MessageSession s = session;
        org.olelo.core.SipCore core = s == null ? null : s.core();
        return core != null && request.getRequestURI() instanceof javax.sip.address.SipURI u && core.isLocal(u);
    }

    @Override
    public void send() throws java.io.IOException {
        if (transaction != null) {
            throw new IllegalStateException("a received request cannot be sent; proxy it instead");
        }
        role().send(this);
    }

    @Override
    public String getMethod() {
        return request.getMethod();
    }

    // ------------------------------------------------------------------ ServletRequest


    @Override
    public String getId() {
        return Long.toString(requestId);
    }

    @Override
    public String getScheme() {
        return request.getRequestURI().getScheme();
    }

    @Override
    public RequestDispatcher getRequestDispatcher(String name) {
        ServletContext ctx = getServletContext();
        return ctx == null ? null : ctx.getNamedDispatcher(name);
    }

    @Override
    public ServletContext getServletContext() {
        MessageSession s = session;
        return received && s != null ? s.getServletContext() : null;
    }

    /** Sets the request line without checks (container use when relaying). */
    public void setRequestUriInternal(javax.sip.address.URI uri) {
        org.olelo.core.message.lazy.Received.changed(request);
        request.setRequestURI(uri);
    }
}
