package org.olelo.container.internal.message;

import gov.nist.javax.sip.header.Route;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletConnection;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
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
import java.io.BufferedReader;
import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.RouteHeader;
import org.olelo.container.internal.address.AddressImpl;
import org.olelo.container.internal.address.Uris;
import org.olelo.container.internal.session.SipSessionImpl;
import org.olelo.core.transaction.ServerTransaction;
import org.olelo.core.transport.Transport;

/**
 * A SIP request as applications see it: a received request with its server transaction, or the
 * copy a proxy branch sends. Responses are created here and sent through the server transaction.
 *
 * <p>Application code uses it on its application session's executor; the container creates it on
 * a transport reader thread and hands it over.
 */
public final class SipServletRequestImpl extends SipServletMessageImpl implements SipServletRequest {

    private static final AtomicLong REQUEST_IDS = new AtomicLong();

    /** Creates the application's proxy for a request; supplied by the container. */
    public interface ProxyFactory {
        /** The proxy for this request. */
        Proxy create(SipServletRequestImpl request) throws TooManyHopsException;
    }

    private final SIPRequest request;
    private final ServerTransaction transaction;
    private final long requestId = REQUEST_IDS.incrementAndGet();
    private volatile boolean initial;
    private volatile Proxy proxy;
    private volatile ProxyFactory proxyFactory;
    private volatile ServletContext servletContext;
    private volatile SipServletResponse finalResponse;
    private volatile SipApplicationRoutingRegion region;
    private volatile URI subscriberURI;
    private volatile SipApplicationRoutingDirective directive = SipApplicationRoutingDirective.NEW;
    private final RouteHeader poppedRouteHeader;
    private Address poppedRoute;
    private volatile org.olelo.container.internal.ua.UserAgent userAgent;
    private volatile org.olelo.core.transaction.ClientTransaction clientTransaction;
    private volatile SipServletResponseImpl acknowledged;
    private volatile SipServletResponseImpl receivedFinal;
    private volatile SipServletRequestImpl cancels;
    private volatile SipServletRequestImpl linkedRequest;
    private volatile SipServletRequestImpl b2buaOrigin;
    private volatile boolean b2bua;
    private volatile boolean contactTemplate;
    private volatile jakarta.servlet.sip.AutomaticProcessingListener automatic;
    private volatile java.io.Serializable routerState;
    private volatile boolean internallyRouted;
    private volatile Address initialPoppedRoute;
    private volatile SipServletRequestImpl routingOrigin;

    /** A received request and its server transaction. */
    public SipServletRequestImpl(ServerTransaction st, SipSessionImpl session) {
        this(st.request(), st, session, st.transport(), st.source(), st.poppedRoute());
    }

    /** Any request: received (with transaction) or a copy sent by the container (without). */
    public SipServletRequestImpl(SIPRequest request, ServerTransaction st, SipSessionImpl session, Transport transport,
                                 InetSocketAddress remote, RouteHeader popped) {
        super(request, session, transport, remote);
        this.request = request;
        this.transaction = st;
        this.poppedRouteHeader = popped;
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

    /** The JAIN-SIP request. */
    public SIPRequest jainRequest() {
        return request;
    }

    /** The server transaction, or null for a request the container sends. */
    public ServerTransaction transaction() {
        return transaction;
    }

    /** Container setup for an initial request. */
    public void setInitial(boolean initial) {
        this.initial = initial;
    }

    /** Container setup: routing results and the application context. */
    public void setRouting(SipApplicationRoutingRegion region, URI subscriber, ServletContext ctx, ProxyFactory pf) {
        this.region = region;
        this.subscriberURI = subscriber;
        this.servletContext = ctx;
        this.proxyFactory = pf;
    }

    /**
     * Container setup: how application selection reached this request's application.
     *
     * @param state            the state info the application router returned with the application
     * @param internal         true when the request came from another application of this server
     * @param popped           the route to report as popped instead of the one the core removed, or null
     * @param initialPopped    the route popped when the request first entered this server (null: {@code popped})
     */
    public void setComposition(java.io.Serializable state, boolean internal, Address popped, Address initialPopped) {
        this.routerState = state;
        this.internallyRouted = internal;
        if (popped != null) {
            this.poppedRoute = popped;
        }
        this.initialPoppedRoute = initialPopped;
    }

    /** The application router's state info for the application this request was given to, or null. */
    public java.io.Serializable routerState() {
        return routerState;
    }

    @Override
    public boolean isInternallyRouted() {
        return internallyRouted;
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

    // ------------------------------------------------------------------ user-agent bookkeeping

    /** The user agent that sends this request or answers it, or null for requests only proxied. */
    public org.olelo.container.internal.ua.UserAgent userAgent() {
        return userAgent;
    }

    /** Attaches the user agent (container use). */
    public void setUserAgent(org.olelo.container.internal.ua.UserAgent ua) {
        this.userAgent = ua;
    }

    /** The client transaction of a sent request, or null. */
    public org.olelo.core.transaction.ClientTransaction clientTransaction() {
        return clientTransaction;
    }

    /** Records the client transaction of a sent request. */
    public void setClientTransaction(org.olelo.core.transaction.ClientTransaction ct) {
        this.clientTransaction = ct;
    }

    /** For an ACK: the 2xx response it acknowledges. */
    public SipServletResponseImpl acknowledges() {
        return acknowledged;
    }

    /** Records the 2xx response an ACK acknowledges. */
    public void setAcknowledged(SipServletResponseImpl r) {
        this.acknowledged = r;
    }

    /** Records the final response received for a sent request. */
    public void setReceivedFinal(SipServletResponseImpl r) {
        this.receivedFinal = r;
    }

    /** For a CANCEL: the INVITE it cancels. */
    public SipServletRequestImpl cancels() {
        return cancels;
    }

    /** B2BUA: the request on the other leg this one is linked to. */
    public SipServletRequestImpl linkedRequest() {
        return linkedRequest;
    }

    /** Links this request to one on the other leg. */
    public void setLinkedRequest(SipServletRequestImpl r) {
        this.linkedRequest = r;
    }

    /** B2BUA: the received request this new initial request was made from. */
    public SipServletRequestImpl b2buaOrigin() {
        return b2buaOrigin;
    }

    /** Records the received request a B2BUA made this one from. */
    public void setB2buaOrigin(SipServletRequestImpl r) {
        this.b2buaOrigin = r;
    }

    /** Marks a received request as handled by a B2BUA: it can no longer be proxied. */
    public void markB2bua() {
        if (proxy != null) {
            throw new IllegalStateException("the request is already proxied");
        }
        this.b2bua = true;
    }

    /** True when the application gave the Contact's user part and parameters (host and port are ours). */
    public boolean contactTemplate() {
        return contactTemplate;
    }

    /** Records that the Contact is the application's template. */
    public void setContactTemplate(boolean t) {
        this.contactTemplate = t;
    }

    /** For requests the container sends on its own (terminateDialog): who hears of the responses. */
    public jakarta.servlet.sip.AutomaticProcessingListener automatic() {
        return automatic;
    }

    /** Marks a request as sent by the container on the application's behalf. */
    public void setAutomatic(jakarta.servlet.sip.AutomaticProcessingListener l) {
        this.automatic = l;
    }

    /**
     * A response to this received request in the given session with the given To tag: the answer of
     * one of several dialogs (B2BUA forks, invite branches). Several 2xx responses may be sent this way.
     */
    public SipServletResponseImpl createResponseInSession(int status, String reason, SipSessionImpl s, String toTag) {
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
        SipServletResponseImpl resp = new SipServletResponseImpl(r, this, s, transport, remote, null, true);
        resp.setUserAgent(userAgent);
        return resp;
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
        if (b2bua) {
            throw new IllegalStateException("the request is handled as a B2BUA; it cannot also be proxied");
        }
        if (getMaxForwards() == 0) {
            throw new TooManyHopsException("Max-Forwards is 0");
        }
        synchronized (this) {
            if (proxy == null) {
                proxy = proxyFactory.create(this);
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
        SipServletResponseImpl resp = new SipServletResponseImpl(r, this, session, transport, remote, null, true);
        resp.setUserAgent(userAgent);
        return resp;
    }

    @Override
    public SipServletRequest createCancel() {
        if (transaction != null || !request.getMethod().equals("INVITE")) {
            throw new IllegalStateException("only an INVITE the application sent can be cancelled");
        }
        if (clientTransaction == null) {
            throw new IllegalStateException("the INVITE has not been sent");
        }
        if (receivedFinal != null) {
            throw new IllegalStateException("the INVITE already has a final response");
        }
        try {
            SipServletRequestImpl c = new SipServletRequestImpl(request.createCancelRequest(), null, session, null, null, null);
            c.cancels = this;
            c.userAgent = userAgent;
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
        if (userAgent == null) {
            throw new IllegalStateException("no user agent for this request");
        }
        if (transaction != null && initial) {
            b2bua = true;
        }
        return new org.olelo.container.internal.ua.B2buaHelperImpl(userAgent);
    }

    @Override
    public Address getPoppedRoute() {
        if (poppedRoute == null && poppedRouteHeader != null) {
            poppedRoute = toAddress(poppedRouteHeader); // parsed only when an application asks
        }
        return poppedRoute;
    }

    @Override
    public Address getInitialPoppedRoute() {
        Address a = initialPoppedRoute;
        return a != null || internallyRouted ? a : getPoppedRoute();
    }

    @Override
    public void setRoutingDirective(SipApplicationRoutingDirective d, SipServletRequest origRequest) {
        if (!initial) {
            throw new IllegalStateException("routing directives apply to initial requests only");
        }
        this.directive = d;
        this.routingOrigin = origRequest instanceof SipServletRequestImpl o ? o : null;
    }

    /** The request given with {@link #setRoutingDirective}, whose selection this one continues; or null. */
    public SipServletRequestImpl routingOrigin() {
        return routingOrigin;
    }

    @Override
    public SipApplicationRoutingDirective getRoutingDirective() {
        if (!initial) {
            throw new IllegalStateException("routing directives apply to initial requests only");
        }
        return directive;
    }

    @Override
    public SipApplicationRoutingRegion getRegion() {
        return region;
    }

    @Override
    public URI getSubscriberURI() {
        return subscriberURI;
    }

    @Override
    public void addAuthHeader(SipServletResponse challenge, AuthInfo authInfo) {
        org.olelo.container.internal.security.ClientDigest.authorize(this, (SipServletResponseImpl) challenge,
                (realm, status) -> ((org.olelo.container.internal.ua.AuthInfoImpl) authInfo).credentials(status, realm));
    }

    @Override
    public void addAuthHeader(SipServletResponse challenge, String username, String password) {
        org.olelo.container.internal.security.ClientDigest.authorize(this, (SipServletResponseImpl) challenge,
                (realm, status) -> new String[] {username, password});
    }

    @Override
    public SipServletResponse getFinalResponse() {
        return finalResponse != null ? finalResponse : receivedFinal;
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
        return org.olelo.container.internal.ua.SessionDialogs.createInviteBranch(this);
    }

    @Override
    public boolean isRequestUriInternal() {
        return false;
    }

    @Override
    public void send() throws java.io.IOException {
        if (transaction != null) {
            throw new IllegalStateException("a received request cannot be sent; proxy it instead");
        }
        if (userAgent == null) {
            throw new IllegalStateException("this request cannot be sent by the application");
        }
        userAgent.send(this);
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
    public ServletInputStream getInputStream() {
        return null;
    }

    @Override
    public BufferedReader getReader() {
        return null;
    }

    @Override
    public String getScheme() {
        return request.getRequestURI().getScheme();
    }

    @Override
    public Locale getLocale() {
        Locale l = getAcceptLanguage();
        return l == null ? Locale.getDefault() : l;
    }

    @Override
    public Enumeration<Locale> getLocales() {
        List<Locale> l = List.copyOf(getAcceptLanguageSet());
        return Collections.enumeration(l.isEmpty() ? List.of(Locale.getDefault()) : l);
    }

    @Override
    public long getContentLengthLong() {
        return getContentLength();
    }

    @Override
    public String getParameter(String name) {
        return null;
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.emptyEnumeration();
    }

    @Override
    public String[] getParameterValues(String name) {
        return null;
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return Map.of();
    }

    @Override
    public String getServerName() {
        return transport == null ? null : transport.advertisedHost();
    }

    @Override
    public int getServerPort() {
        return transport == null ? -1 : transport.advertisedPort();
    }

    @Override
    public String getRemoteHost() {
        return getRemoteAddr();
    }

    @Override
    public RequestDispatcher getRequestDispatcher(String name) {
        ServletContext ctx = servletContext;
        return ctx == null ? null : ctx.getNamedDispatcher(name);
    }

    @Override
    public String getLocalName() {
        return getLocalAddr();
    }

    @Override
    public ServletContext getServletContext() {
        return servletContext;
    }

    @Override
    public AsyncContext startAsync() {
        throw new IllegalStateException("SIP requests do not support asynchronous servlet processing");
    }

    @Override
    public AsyncContext startAsync(ServletRequest req, ServletResponse resp) {
        throw new IllegalStateException("SIP requests do not support asynchronous servlet processing");
    }

    @Override
    public boolean isAsyncStarted() {
        return false;
    }

    @Override
    public boolean isAsyncSupported() {
        return false;
    }

    @Override
    public AsyncContext getAsyncContext() {
        throw new IllegalStateException("no asynchronous context");
    }

    @Override
    public DispatcherType getDispatcherType() {
        return DispatcherType.REQUEST;
    }

    @Override
    public String getRequestId() {
        return getId();
    }

    @Override
    public String getProtocolRequestId() {
        return "";
    }

    @Override
    public ServletConnection getServletConnection() {
        String id = getRemoteAddr() + ":" + getRemotePort();
        boolean secure = isSecure();
        return new ServletConnection() {
            @Override
            public String getConnectionId() {
                return id;
            }

            @Override
            public String getProtocol() {
                return "sip";
            }

            @Override
            public String getProtocolConnectionId() {
                return "";
            }

            @Override
            public boolean isSecure() {
                return secure;
            }
        };
    }

    /** Sets the request line without checks (container use when relaying). */
    public void setRequestUriInternal(javax.sip.address.URI uri) {
        request.setRequestURI(uri);
    }
}
