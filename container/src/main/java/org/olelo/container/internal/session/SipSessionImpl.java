package org.olelo.container.internal.session;

import gov.nist.javax.sip.header.SIPHeader;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.sip.Address;
import jakarta.servlet.sip.AutomaticProcessingListener;
import jakarta.servlet.sip.Flow;
import jakarta.servlet.sip.ForkingContext;
import jakarta.servlet.sip.InviteBranch;
import jakarta.servlet.sip.ServletParseException;
import jakarta.servlet.sip.SessionKeepAlive;
import jakarta.servlet.sip.SipApplicationSession;
import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.SipServletResponse;
import jakarta.servlet.sip.SipSession;
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
import javax.sip.header.HeaderAddress;
import org.olelo.container.internal.address.AddressImpl;
import org.olelo.container.internal.flow.FlowImpl;
import org.olelo.container.internal.message.MessageSession;
import org.olelo.container.internal.message.RequestRouting;
import org.olelo.container.internal.message.SipServletMessageImpl;
import org.olelo.container.internal.message.SipServletRequestImpl;

/**
 * A SIP session: one dialog (or would-be dialog) of one application. Holds the session's state
 * (INITIAL, EARLY, CONFIRMED, TERMINATED), the parties, the handler servlet, the routing of the
 * request that started it, attributes, and the {@link SessionRole} it plays now (undecided, user
 * agent, B2BUA leg or proxy), to which the dialog operations of the API and its messages delegate;
 * what a role keeps (dialog state, proxied dialog) is the role's, not the session's.
 *
 * <p>Mutated on the owning application session's serial executor; state and role reads are
 * volatile (the role is also read on transport reader threads to route requests in dialogs).
 */
public final class SipSessionImpl implements MessageSession {

    private final SessionManager manager;
    private final SipApplicationSessionImpl parent;
    private final String id;
    private final String callId;
    private final long created = System.currentTimeMillis();
    private final AttributeMap attributes = new AttributeMap();
    private final AttributeEvents events = new SipSessionEvents(this);
    private volatile long lastAccessed = created;
    private volatile State state = State.INITIAL;
    private volatile boolean valid = true;
    private volatile boolean invalidating;
    private volatile boolean invalidateWhenReady = true;
    private volatile boolean ready;
    private volatile String handler;
    private volatile Address localParty;
    private volatile Address remoteParty;
    /** The headers the parties are read from when an application first asks (most proxied calls never do). */
    private volatile HeaderAddress localSource;
    private volatile HeaderAddress remoteSource;
    private volatile RequestRouting routing;
    private volatile SessionRole role = SessionRole.NONE;
    private volatile InetSocketAddress outboundInterface;
    private volatile FlowImpl flow;
    private volatile org.olelo.core.transport.Transport receivedTransport;
    private volatile InetSocketAddress receivedFrom;

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

    /**
     * Sets the parties (read from these headers when an application asks) and the routing of the
     * request that started the session.
     *
     * @param local   the header that names this side (To of a received request, From of a sent one)
     * @param remote  the header that names the other side
     * @param routing how application selection reached the session's application, or null
     */
    public void setup(HeaderAddress local, HeaderAddress remote, RequestRouting routing) {
        this.localParty = null;
        this.remoteParty = null;
        this.localSource = local;
        this.remoteSource = remote;
        this.routing = routing;
    }

    /** The role the session plays now (never null). */
    @Override
    public SessionRole role() {
        return role;
    }

    /** The session plays {@code next} from now on (the application proxied, answered, linked it...). */
    public void takeRole(SessionRole next) {
        this.role = next;
    }

    /** The session of a message, or null. */
    public static SipSessionImpl of(SipServletMessageImpl m) {
        return (SipSessionImpl) m.session();
    }

    @Override
    public RequestRouting routing() {
        return routing;
    }

    /** The SIP core this session's messages travel through. */
    @Override
    public org.olelo.core.SipCore core() {
        return manager.core();
    }

    /** The listening point requests of this session are sent from, or null for the resolver's choice. */
    public InetSocketAddress outboundInterface() {
        return outboundInterface;
    }

    /**
     * Moves the session's state once the application answered a request of it: the initial request
     * (early, confirmed, or terminated by an error; done for requests outside dialogs) or a BYE.
     * Called by the roles that answer.
     */
    public void answered(SipServletRequestImpl req, int status) {
        boolean invite = req.getMethod().equals("INVITE");
        if (status >= 200) {
            if (req.isInitial()) {
                if (status >= 300) {
                    setState(State.TERMINATED);
                } else if (invite) {
                    setState(State.CONFIRMED);
                } else if (!req.getMethod().equals("SUBSCRIBE") && !req.getMethod().equals("REFER")) {
                    markReady();
                }
            } else if (req.getMethod().equals("BYE") && status < 300) {
                setState(State.TERMINATED);
            }
        } else if (invite && status > 100 && req.isInitial() && state == State.INITIAL) {
            setState(State.EARLY);
        }
    }

    /** Sets an attribute of a session restored from a copy, without callbacks (they ran where it was set). */
    public void restoreAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    /** The attributes as they are now (any thread; no validity check, for copies of the session). */
    public java.util.Map<String, Object> attributeValues() {
        return attributes.values();
    }

    /** The servlet name that handles requests of this session. */
    public String handler() {
        return handler;
    }

    /** Sets the handler servlet without checks (container use). */
    public void setHandlerInternal(String servletName) {
        this.handler = servletName;
    }

    /** Who hears of this session's dialog events. */
    public DialogObserver dialogObserver() {
        return manager.dialogObserver();
    }

    /** Marks the session used now (and its application session). */
    public void access() {
        lastAccessed = System.currentTimeMillis();
        parent.access();
    }

    /** Moves the dialog state; TERMINATED makes the session ready to invalidate. */
    public void setState(State s) {
        State before = this.state;
        this.state = s;
        parent.touch();
        if (before != s) {
            manager.dialogObserver().stateChanged(this, before, s);
        }
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
        manager.dialogObserver().invalidated(this);
        role.invalidated();
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
        role.terminateDialog(null);
    }

    @Override
    public void terminateDialog(AutomaticProcessingListener listener) {
        role.terminateDialog(listener);
    }

    @Override
    public void terminateProxiedDialog() {
        role.terminateProxiedDialog(null, null);
    }

    @Override
    public void terminateProxiedDialog(AutomaticProcessingListener listener) {
        role.terminateProxiedDialog(null, listener);
    }

    @Override
    public void terminateProxiedDialog(UAMode mode) {
        role.terminateProxiedDialog(mode, null);
    }

    @Override
    public void terminateProxiedDialog(UAMode mode, AutomaticProcessingListener listener) {
        role.terminateProxiedDialog(mode, listener);
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
        return role.forkingContext();
    }

    @Override
    public String getCallId() {
        return callId;
    }

    @Override
    public Address getLocalParty() {
        HeaderAddress src = localSource;
        if (localParty == null && src != null) {
            localParty = party(src);
        }
        return localParty;
    }

    @Override
    public Address getRemoteParty() {
        HeaderAddress src = remoteSource;
        if (remoteParty == null && src != null) {
            remoteParty = party(src);
        }
        return remoteParty;
    }

    /** A From or To header as a read-only Address, or null when it does not parse. */
    private static Address party(HeaderAddress h) {
        try {
            AddressImpl a = AddressImpl.parse(((SIPHeader) h).getHeaderValue());
            a.setReadOnly();
            return a;
        } catch (ServletParseException e) {
            return null;
        }
    }

    @Override
    public SipServletRequest createRequest(String method) {
        checkValid();
        return role.createRequest(method);
    }

    @Override
    public void setHandler(String name) throws ServletException {
        checkValid();
        if (name == null) {
            throw new ServletException("handler name is null");
        }
        if (!parent.app().hasServlet(name)) {
            throw new ServletException("application " + parent.getApplicationName() + " has no servlet named " + name);
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

    /**
     * Notes the listening point and peer the session's initial request came over, the flow
     * {@link #getFlow()} reports until the application sets another (made only when asked for).
     */
    public void receivedOver(org.olelo.core.transport.Transport transport, InetSocketAddress peer) {
        this.receivedTransport = transport;
        this.receivedFrom = peer;
    }

    /** Sends the session's requests over {@code flow} (one of this container's), or by routing when null. */
    @Override
    public void setFlow(Flow flow) {
        checkValid();
        this.flow = FlowImpl.require(flow);
    }

    @Override
    public Flow getFlow() {
        FlowImpl f = flow;
        if (f != null || receivedTransport == null) {
            return f;
        }
        return manager.flows().of(receivedTransport, receivedFrom);
    }

    /** The flow set with {@link #setFlow}, which the session's requests go over, or null. */
    public FlowImpl chosenFlow() {
        return flow;
    }

    @Override
    public boolean isValid() {
        return valid;
    }

    @Override
    public SipApplicationRoutingRegion getRegion() {
        checkValid();
        RequestRouting r = routing;
        return r == null ? null : r.region();
    }

    @Override
    public URI getSubscriberURI() {
        checkValid();
        RequestRouting r = routing;
        return r == null ? null : r.subscriber();
    }

    @Override
    public ServletContext getServletContext() {
        return parent.app().servletContext();
    }

    @Override
    public SessionKeepAlive getKeepAlive() {
        checkValid();
        return role.keepAlive();
    }

    @Override
    public SipServletRequest getActiveRequest(String requestId) {
        checkValid();
        return RoleMessages.activeRequest(role, requestId);
    }

    @Override
    public Collection<SipServletRequest> getActiveRequests(UAMode mode) {
        checkValid();
        return role.activeRequests(mode);
    }

    @Override
    public SipServletRequest getActiveInvite(UAMode mode) {
        checkValid();
        return RoleMessages.activeInvite(role, mode);
    }

    @Override
    public SipServletResponse getUnacknowledgedProvisionalResponse(String provisionalResponseId) {
        checkValid();
        return RoleMessages.unacknowledgedProvisional(role, provisionalResponseId);
    }

    @Override
    public Collection<SipServletResponse> getUnacknowledgedProvisionalResponses(UAMode mode) {
        checkValid();
        return role.unacknowledgedProvisionals(mode);
    }

    @Override
    public InviteBranch getActiveInviteBranch() {
        checkValid();
        return role.activeInviteBranch();
    }

    @Override
    public void setAttribute(String name, Object value) {
        checkValid();
        DistributableAttributes.check(parent.app(), name, value);
        parent.touch();
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
        parent.touch();
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
        parent.touch(); // as for set and remove: the session's copy is written again
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
}
