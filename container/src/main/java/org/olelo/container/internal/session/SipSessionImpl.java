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
    private final AttributeEvents events = new Events();
    private volatile long lastAccessed = created;
    private volatile State state = State.INITIAL;
    private volatile boolean valid = true;
    private volatile boolean invalidating;
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
    private volatile InetSocketAddress outboundInterface;
    private volatile Object proxiedDialog;
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
        Callbacks.each(parent.app(), SipSessionListener.class, l -> l.sessionCreated(new SipSessionEvent(this)));
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

    /** What a record-routing proxy keeps of the dialog it proxies, or null. */
    public Object proxiedDialog() {
        return proxiedDialog;
    }

    /** Records the proxied dialog (container use). */
    public void setProxiedDialog(Object d) {
        this.proxiedDialog = d;
    }

    /** The SIP core this session's messages travel through. */
    public org.olelo.core.SipCore core() {
        return manager.core();
    }

    /** The listening point requests of this session are sent from, or null for the resolver's choice. */
    public InetSocketAddress outboundInterface() {
        return outboundInterface;
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

    /**
     * Declares the session ready to invalidate (dialog over, transaction ended without a dialog,
     * ...). With invalidate-when-ready set, a check is queued behind the work running now: it
     * calls {@code sessionReadyToInvalidate} and, unless a listener cleared the flag, invalidates
     * the session. Any thread.
     */
    public void markReady() {
        ready = true;
        checkReadyLater();
    }

    boolean readyToInvalidate() {
        return ready || state == State.TERMINATED;
    }

    private void checkReadyLater() {
        if (valid && !invalidating && invalidateWhenReady) {
            parent.executor().execute(this::checkReady);
        }
    }

    private boolean shouldInvalidate() {
        return valid && !invalidating && invalidateWhenReady && readyToInvalidate();
    }

    private void checkReady() {
        if (!shouldInvalidate()) {
            return;
        }
        parent.runAsCurrent("readiness check of SIP session " + id, () -> {
            Callbacks.each(parent.app(), SipSessionListener.class, l -> l.sessionReadyToInvalidate(new SipSessionEvent(this)));
            if (shouldInvalidate()) {
                invalidateNow();
            }
        });
    }

    void invalidateFromParent() {
        invalidateNow();
    }

    /**
     * {@code sessionDestroyed} while the session is still readable, then its attributes removed
     * with their callbacks; then it is invalid, gone from the table and from its application
     * session, which checks whether it is ready in turn.
     */
    private void invalidateNow() {
        synchronized (this) {
            if (!valid || invalidating) {
                return;
            }
            invalidating = true;
        }
        Callbacks.each(parent.app(), SipSessionListener.class, l -> l.sessionDestroyed(new SipSessionEvent(this)));
        attributes.removeAll(events);
        valid = false;
        manager.removed(this);
        parent.sessionInvalidated(this);
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
        org.olelo.container.internal.proxy.ProxiedDialog.terminate(this, manager.core(), null, null);
    }

    @Override
    public void terminateProxiedDialog(AutomaticProcessingListener listener) {
        org.olelo.container.internal.proxy.ProxiedDialog.terminate(this, manager.core(), null, listener);
    }

    @Override
    public void terminateProxiedDialog(UAMode mode) {
        org.olelo.container.internal.proxy.ProxiedDialog.terminate(this, manager.core(), mode, null);
    }

    @Override
    public void terminateProxiedDialog(UAMode mode, AutomaticProcessingListener listener) {
        org.olelo.container.internal.proxy.ProxiedDialog.terminate(this, manager.core(), mode, listener);
    }

    @Override
    public void invalidate() {
        checkValid();
        invalidateNow();
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
        if (v && readyToInvalidate()) {
            checkReadyLater();
        }
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
        checkValid();
        return org.olelo.container.internal.ua.SessionDialogs.forkingContext(this);
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
        checkValid();
        this.outboundInterface = OutboundInterfaces.check(manager.core(), address);
    }

    @Override
    public void setOutboundInterface(InetAddress address) {
        checkValid();
        this.outboundInterface = OutboundInterfaces.check(manager.core(), address);
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
        checkValid();
        return org.olelo.container.internal.ua.SessionDialogs.activeInviteBranch(this);
    }

    @Override
    public void setAttribute(String name, Object value) {
        checkValid();
        attributes.set(name, value, events);
    }

    @Override
    public Object getAttribute(String name) {
        checkValid();
        return attributes.get(name);
    }

    @Override
    public void removeAttribute(String name) {
        checkValid();
        attributes.remove(name, events);
    }

    @Override
    public Set<String> getAttributeNameSet() {
        checkValid();
        return attributes.names();
    }

    @Override
    public void clearAttributes() {
        checkValid();
        attributes.removeAll(events);
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

    /** Binding and attribute callbacks of SIP-session attributes. */
    private final class Events implements AttributeEvents {

        private SipSessionBindingEvent event(String name) {
            return new SipSessionBindingEvent(SipSessionImpl.this, name);
        }

        @Override
        public void valueBound(String name, Object value) {
            if (value instanceof SipSessionBindingListener b) {
                Callbacks.one(parent.app(), b, l -> l.valueBound(event(name)));
            }
        }

        @Override
        public void valueUnbound(String name, Object value) {
            if (value instanceof SipSessionBindingListener b) {
                Callbacks.one(parent.app(), b, l -> l.valueUnbound(event(name)));
            }
        }

        @Override
        public void attributeAdded(String name) {
            Callbacks.each(parent.app(), SipSessionAttributeListener.class, l -> l.attributeAdded(event(name)));
        }

        @Override
        public void attributeReplaced(String name) {
            Callbacks.each(parent.app(), SipSessionAttributeListener.class, l -> l.attributeReplaced(event(name)));
        }

        @Override
        public void attributeRemoved(String name) {
            Callbacks.each(parent.app(), SipSessionAttributeListener.class, l -> l.attributeRemoved(event(name)));
        }
    }
}
