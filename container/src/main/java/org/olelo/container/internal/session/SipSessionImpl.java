package org.olelo.container.internal.session;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.sip.Address;
import jakarta.servlet.sip.AutomaticProcessingListener;
import jakarta.servlet.sip.Flow;
import jakarta.servlet.sip.ForkingContext;
import jakarta.servlet.sip.InviteBranch;
import jakarta.servlet.sip.SessionKeepAlive;
import jakarta.servlet.sip.SipApplicationSession;
import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.SipServletResponse;
import jakarta.servlet.sip.SipSession;
import jakarta.servlet.sip.SipSessionAttributeListener;
import jakarta.servlet.sip.SipSessionBindingEvent;
import jakarta.servlet.sip.SipSessionBindingListener;
import jakarta.servlet.sip.SipSessionEvent;
import jakarta.servlet.sip.SipSessionListener;
import jakarta.servlet.sip.UAMode;
import jakarta.servlet.sip.URI;
import jakarta.servlet.sip.ar.SipApplicationRoutingRegion;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;

/**
 * A SIP session: one dialog (or would-be dialog) of one application, as proxy or user agent. Holds
 * the dialog state (INITIAL, EARLY, CONFIRMED, TERMINATED), the parties, the handler servlet, the
 * routing region and subscriber of the application router, and attributes.
 *
 * <p>Mutated on the owning application session's serial executor; state reads are volatile.
 */
public final class SipSessionImpl implements SipSession {

    private final SessionManager manager;
    private final SipApplicationSessionImpl parent;
    private final String id;
    private final String callId;
    private final long created = System.currentTimeMillis();
    private final AttributeMap attributes = new AttributeMap();
    private volatile long lastAccessed = created;
    private volatile State state = State.INITIAL;
    private volatile boolean valid = true;
    private volatile boolean invalidateWhenReady = true;
    private volatile boolean ready;
    private volatile String handler;
    private volatile Address localParty;
    private volatile Address remoteParty;
    private volatile java.util.function.Supplier<Address> localSource;
    private volatile java.util.function.Supplier<Address> remoteSource;
    private volatile SipApplicationRoutingRegion region;
    private volatile URI subscriberURI;
    private volatile boolean proxy;
    private volatile boolean proxySupervised = true;
    private volatile org.olelo.container.internal.ua.DialogState dialog;
    private volatile SipSessionImpl derivedFrom;
    private volatile org.olelo.container.internal.message.SipServletRequestImpl initialRequest;

    SipSessionImpl(SessionManager manager, SipApplicationSessionImpl parent, String id, String callId) {
        this.manager = manager;
        this.parent = parent;
        this.id = id;
        this.callId = callId;
    }

    /** Fires sessionCreated to the application's listeners; called once the session is set up. */
    public void fireCreated() {
        List<SipSessionListener> ls = parent.app().listeners(SipSessionListener.class);
        if (!ls.isEmpty()) {
            SipSessionEvent e = new SipSessionEvent(this);
            ls.forEach(l -> l.sessionCreated(e));
        }
    }

    /** The owning application session (implementation type). */
    public SipApplicationSessionImpl parent() {
        return parent;
    }

    /** Sets parties, region and subscriber as learnt from the initial request. */
    public void setup(Address local, Address remote, SipApplicationRoutingRegion reg, URI subscriber) {
        this.localParty = local;
        this.remoteParty = remote;
        this.localSource = null;
        this.remoteSource = null;
        this.region = reg;
        this.subscriberURI = subscriber;
    }

    /**
     * Like {@link #setup(Address, Address, SipApplicationRoutingRegion, URI)}, with the parties
     * parsed only when an application asks for them (most proxied calls never do).
     */
    public void setupLazily(java.util.function.Supplier<Address> local, java.util.function.Supplier<Address> remote,
                            SipApplicationRoutingRegion reg, URI subscriber) {
        this.localSource = local;
        this.remoteSource = remote;
        this.region = reg;
        this.subscriberURI = subscriber;
    }

    /** The user-agent dialog state, or null for proxy sessions and sessions that have not acted as a UA. */
    public org.olelo.container.internal.ua.DialogState dialog() {
        return dialog;
    }

    /** Attaches the user-agent dialog state (container use). */
    public void setDialog(org.olelo.container.internal.ua.DialogState d) {
        this.dialog = d;
    }

    /** The session this one was derived from by a forked response, or null. */
    public SipSessionImpl derivedFrom() {
        return derivedFrom;
    }

    /** Records the session this one was derived from (container use). */
    public void setDerivedFrom(SipSessionImpl origin) {
        this.derivedFrom = origin;
    }

    /** True for a session derived from another by a forked response. */
    public boolean isDerived() {
        return derivedFrom != null;
    }

    /** The initial request this session received, or null. */
    public org.olelo.container.internal.message.SipServletRequestImpl initialRequest() {
        return initialRequest;
    }

    /** Records the initial request the session received (container use). */
    public void setInitialRequest(org.olelo.container.internal.message.SipServletRequestImpl r) {
        this.initialRequest = r;
    }

    /** Marks the session as acting as a proxy for its dialog. */
    public void setProxy(boolean p) {
        this.proxy = p;
    }

    /** Records whether the application wants to see responses to proxied requests of this dialog. */
    public void setProxySupervised(boolean s) {
        this.proxySupervised = s;
    }

    /** True when responses to proxied requests are shown to the application. */
    public boolean proxySupervised() {
        return proxySupervised;
    }

    /** True when the session proxies its dialog. */
    public boolean isProxy() {
        return proxy;
    }

    /** The servlet name that handles requests of this session. */
    public String handler() {
        return handler;
    }

    /** Sets the handler servlet without checks (container use). */
    public void setHandlerInternal(String servletName) {
        this.handler = servletName;
    }

    /** Marks the session used now (and its application session). */
    public void access() {
        lastAccessed = System.currentTimeMillis();
        parent.access();
    }

    /** Moves the dialog state; TERMINATED makes the session ready to invalidate. */
    public void setState(State s) {
        this.state = s;
        if (s == State.TERMINATED) {
            markReady();
        }
    }

    /** Declares the session ready to invalidate (dialog over, transaction failed, ...). */
    public void markReady() {
        ready = true;
        if (valid && invalidateWhenReady) {
            if (parent.executor().inExecutor()) {
                // JSR 289 §6.1.2: invalidated once the servlet that made it ready has returned
                parent.executor().execute(this::invalidateIfReady);
            } else {
                invalidateIfReady();
            }
        }
    }

    private void invalidateIfReady() {
        if (valid && ready && invalidateWhenReady) {
            invalidateQuietly();
            parent.sessionReady();
        }
    }

    boolean readyToInvalidate() {
        return ready || state == State.TERMINATED;
    }

    private void invalidateQuietly() {
        if (valid) {
            doInvalidate();
        }
    }

    void invalidateFromParent() {
        doInvalidate();
    }

    private void doInvalidate() {
        valid = false;
        List<SipSessionListener> ls = parent.app().listeners(SipSessionListener.class);
        if (!ls.isEmpty()) {
            SipSessionEvent e = new SipSessionEvent(this);
            ls.forEach(l -> l.sessionDestroyed(e));
        }
        for (String name : attributes.names()) {
            Object old = attributes.remove(name);
            if (old instanceof SipSessionBindingListener b) {
                b.valueUnbound(new SipSessionBindingEvent(this, name));
            }
        }
        manager.removed(this);
    }

    @Override
    public long getCreationTime() {
        checkValid();
        return created;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public long getLastAccessedTime() {
        return lastAccessed;
    }

    @Override
    public void terminateDialog() {
        org.olelo.container.internal.ua.SessionDialogs.terminateDialog(this, null);
    }

    @Override
    public void terminateDialog(AutomaticProcessingListener listener) {
        org.olelo.container.internal.ua.SessionDialogs.terminateDialog(this, listener);
    }

    @Override
    public void terminateProxiedDialog() {
        throw new UnsupportedOperationException("SipSession.terminateProxiedDialog is not implemented yet");
    }

    @Override
    public void terminateProxiedDialog(AutomaticProcessingListener listener) {
        throw new UnsupportedOperationException("SipSession.terminateProxiedDialog is not implemented yet");
    }

    @Override
    public void terminateProxiedDialog(UAMode mode) {
        throw new UnsupportedOperationException("SipSession.terminateProxiedDialog is not implemented yet");
    }

    @Override
    public void terminateProxiedDialog(UAMode mode, AutomaticProcessingListener listener) {
        throw new UnsupportedOperationException("SipSession.terminateProxiedDialog is not implemented yet");
    }

    @Override
    public void invalidate() {
        checkValid();
        doInvalidate();
        parent.sessionReady();
    }

    @Override
    public boolean isReadyToInvalidate() {
        checkValid();
        return readyToInvalidate();
    }

    @Override
    public void setInvalidateWhenReady(boolean v) {
        checkValid();
        invalidateWhenReady = v;
    }

    @Override
    public boolean getInvalidateWhenReady() {
        checkValid();
        return invalidateWhenReady;
    }

    @Override
    public SipApplicationSession getApplicationSession() {
        return parent;
    }

    @Override
    public ForkingContext getForkingContext() {
        throw new UnsupportedOperationException("SipSession.getForkingContext is not implemented yet");
    }

    @Override
    public String getCallId() {
        return callId;
    }

    @Override
    public Address getLocalParty() {
        java.util.function.Supplier<Address> src = localSource;
        if (localParty == null && src != null) {
            localParty = src.get();
        }
        return localParty;
    }

    @Override
    public Address getRemoteParty() {
        java.util.function.Supplier<Address> src = remoteSource;
        if (remoteParty == null && src != null) {
            remoteParty = src.get();
        }
        return remoteParty;
    }

    @Override
    public SipServletRequest createRequest(String method) {
        checkValid();
        return org.olelo.container.internal.ua.SessionDialogs.createRequest(this, method);
    }

    @Override
    public void setHandler(String name) throws ServletException {
        checkValid();
        if (name == null) {
            throw new ServletException("handler name is null");
        }
        this.handler = name;
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        checkValid();
        return attributes.enumeration();
    }

    @Override
    public State getState() {
        checkValid();
        return state;
    }

    @Override
    public void setOutboundInterface(InetSocketAddress address) {
        throw new UnsupportedOperationException("SipSession.setOutboundInterface is not implemented yet");
    }

    @Override
    public void setOutboundInterface(InetAddress address) {
        throw new UnsupportedOperationException("SipSession.setOutboundInterface is not implemented yet");
    }

    @Override
    public void setFlow(Flow flow) {
        throw new UnsupportedOperationException("SipSession.setFlow is not implemented yet");
    }

    @Override
    public Flow getFlow() {
        return null;
    }

    @Override
    public boolean isValid() {
        return valid;
    }

    @Override
    public SipApplicationRoutingRegion getRegion() {
        checkValid();
        return region;
    }

    @Override
    public URI getSubscriberURI() {
        checkValid();
        return subscriberURI;
    }

    @Override
    public ServletContext getServletContext() {
        return parent.app().servletContext();
    }

    @Override
    public SessionKeepAlive getKeepAlive() {
        checkValid();
        return org.olelo.container.internal.ua.SessionDialogs.keepAlive(this);
    }

    @Override
    public SipServletRequest getActiveRequest(String requestId) {
        checkValid();
        return org.olelo.container.internal.ua.SessionDialogs.activeRequest(this, requestId);
    }

    @Override
    public Collection<SipServletRequest> getActiveRequests(UAMode mode) {
        checkValid();
        return org.olelo.container.internal.ua.SessionDialogs.activeRequests(this, mode);
    }

    @Override
    public SipServletRequest getActiveInvite(UAMode mode) {
        checkValid();
        return org.olelo.container.internal.ua.SessionDialogs.activeInvite(this, mode);
    }

    @Override
    public SipServletResponse getUnacknowledgedProvisionalResponse(String provisionalResponseId) {
        checkValid();
        return org.olelo.container.internal.ua.SessionDialogs.unacknowledgedProvisional(this, provisionalResponseId);
    }

    @Override
    public Collection<SipServletResponse> getUnacknowledgedProvisionalResponses(UAMode mode) {
        checkValid();
        return org.olelo.container.internal.ua.SessionDialogs.unacknowledgedProvisionals(this, mode);
    }

    @Override
    public InviteBranch getActiveInviteBranch() {
        throw new UnsupportedOperationException("SipSession.getActiveInviteBranch is not implemented yet");
    }

    @Override
    public void setAttribute(String name, Object value) {
        checkValid();
        Object old = attributes.put(name, value);
        if (old != value) {
            if (old instanceof SipSessionBindingListener b) {
                b.valueUnbound(new SipSessionBindingEvent(this, name));
            }
            if (value instanceof SipSessionBindingListener b) {
                b.valueBound(new SipSessionBindingEvent(this, name));
            }
        }
        List<SipSessionAttributeListener> ls = parent.app().listeners(SipSessionAttributeListener.class);
        if (!ls.isEmpty()) {
            SipSessionBindingEvent e = new SipSessionBindingEvent(this, name);
            for (SipSessionAttributeListener l : ls) {
                if (old == null) {
                    l.attributeAdded(e);
                } else {
                    l.attributeReplaced(e);
                }
            }
        }
    }

    @Override
    public Object getAttribute(String name) {
        checkValid();
        return attributes.get(name);
    }

    @Override
    public void removeAttribute(String name) {
        checkValid();
        Object old = attributes.remove(name);
        if (old != null) {
            if (old instanceof SipSessionBindingListener b) {
                b.valueUnbound(new SipSessionBindingEvent(this, name));
            }
            SipSessionBindingEvent e = new SipSessionBindingEvent(this, name);
            parent.app().listeners(SipSessionAttributeListener.class).forEach(l -> l.attributeRemoved(e));
        }
    }

    @Override
    public Set<String> getAttributeNameSet() {
        checkValid();
        return attributes.names();
    }

    @Override
    public void clearAttributes() {
        checkValid();
        for (String n : attributes.names()) {
            removeAttribute(n);
        }
    }

    private void checkValid() {
        if (!valid) {
            throw new IllegalStateException("SIP session " + id + " was invalidated");
        }
    }

    @Override
    public String toString() {
        return "SipSession[" + id + ", " + state + "]";
    }
}
