package org.olelo.container.internal.message;

import gov.nist.javax.sip.message.SIPMessage;
import jakarta.servlet.sip.Address;
import jakarta.servlet.sip.SessionKeepAlive;
import jakarta.servlet.sip.SipApplicationSession;
import jakarta.servlet.sip.SipSession;
import jakarta.servlet.sip.SipWebSocketContext;
import java.net.InetSocketAddress;
import java.security.Principal;
import java.text.ParseException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.olelo.core.message.SipMessages;
import org.olelo.core.transport.InternalTransport;
import org.olelo.core.transport.Transport;

/**
 * What requests and responses share as messages of the container: the session and the role it
 * plays now (which requests and responses delegate to), addressing (listening point, peer),
 * attributes, the authenticated user, Path, and session-timer preferences. Their headers and body
 * are {@link MessageText}'s.
 *
 * <p>Used by application code on its application session's executor; not safe for concurrent
 * modification by several threads, as the Servlet API specifies for messages.
 */
public abstract class SipServletMessageImpl extends MessageText {

    protected volatile MessageSession session;
    protected final Transport transport;
    protected final InetSocketAddress remote;
    private volatile java.util.Map<String, Object> attributes;
    private volatile Principal userPrincipal;
    private volatile Set<String> userRoles = Set.of();
    private volatile KeepAlivePreference keepAlivePreference;

    /** The session-timer preference, if the application asked for it. */
    public KeepAlivePreference keepAlivePreferenceIfAny() {
        return keepAlivePreference;
    }

    protected SipServletMessageImpl(SIPMessage message, MessageSession session, Transport transport, InetSocketAddress remote) {
        super(message);
        this.session = session;
        this.transport = transport;
        this.remote = remote;
    }

    /** The SIP session, possibly null (a request the container relays without an application). */
    public MessageSession session() {
        return session;
    }

    /** The role the message's session plays now, which decides what sending and answering do. */
    protected MessageRole role() {
        MessageSession s = session;
        return s == null ? MessageRole.NONE : s.role();
    }

    // ------------------------------------------------------------------ attributes

    public Object getAttribute(String name) {
        if (name == null) {
            throw new NullPointerException("attribute name");
        }
        java.util.Map<String, Object> m = attributes;
        Object v = m == null ? null : m.get(name);
        if (v == null && name.equals(PeerCertificates.ATTRIBUTE)) {
            v = PeerCertificates.of(transport, remote);
            if (v != null) {
                setAttribute(name, v);
            }
        }
        return v;
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        java.util.Map<String, Object> m = attributes;
        return Collections.enumeration(m == null ? List.of() : List.copyOf(m.keySet()));
    }

    public Set<String> getAttributeNameSet() {
        java.util.Map<String, Object> m = attributes;
        return m == null ? Set.of() : Set.copyOf(m.keySet());
    }

    public void setAttribute(String name, Object value) {
        if (name == null || value == null) {
            throw new NullPointerException("attribute name and value must not be null");
        }
        java.util.Map<String, Object> m = attributes;
        if (m == null) {
            synchronized (this) {
                if (attributes == null) {
                    attributes = new java.util.concurrent.ConcurrentHashMap<>();
                }
                m = attributes;
            }
        }
        m.put(name, value);
    }

    public void removeAttribute(String name) {
        java.util.Map<String, Object> m = attributes;
        if (m != null && name != null) {
            m.remove(name);
        }
    }

    public void clearAttributes() {
        java.util.Map<String, Object> m = attributes;
        if (m != null) {
            m.clear();
        }
    }

    // ------------------------------------------------------------------ sessions

    @Override
    public SipSession getSession() {
        return getSession(true);
    }

    @Override
    public SipSession getSession(boolean create) {
        return session;
    }

    @Override
    public SipApplicationSession getApplicationSession() {
        return getApplicationSession(true);
    }

    @Override
    public SipApplicationSession getApplicationSession(boolean create) {
        MessageSession s = session;
        return s == null ? null : s.getApplicationSession();
    }

    // ------------------------------------------------------------------ misc

    @Override
    public void pushPath(Address uri) {
        checkPathAllowed();
        if (uri == null) {
            throw new NullPointerException("Path address");
        }
        attach("Path", uri.toString(), true);
    }

    @Override
    public void pushLocalPath() {
        checkPathAllowed();
        if (transport == null && localPathTransport() == null) {
            throw new IllegalStateException("no listening point to name in a Path header");
        }
        Transport t = transport != null ? transport : localPathTransport();
        StringBuilder sb = new StringBuilder("sip:").append(t.advertisedHost()).append(':').append(t.advertisedPort());
        if (!t.name().equals("UDP")) {
            sb.append(";transport=").append(t.name().toLowerCase(Locale.ROOT));
        }
        sb.append(";lr");
        MessageSession s = session;
        org.olelo.core.SipCore core = s == null ? null : s.core();
        if (core == null) {
            attach("Path", "<" + sb + ">", true);
            return;
        }
        try {
            javax.sip.address.SipURI u = (javax.sip.address.SipURI) org.olelo.core.message.SipMessages.ADDRESSES.createURI(sb.toString());
            core.routeTokens().signPath(u); // this server wrote it (RouteTokens)
            attach("Path", "<" + u + ">", true);
        } catch (java.text.ParseException e) {
            throw new IllegalStateException("cannot write a Path entry for " + t, e);
        }
    }

    /** A listening point for messages not tied to one (requests an application creates). */
    protected Transport localPathTransport() {
        MessageSession s = session;
        org.olelo.core.SipCore core = s == null ? null : s.core();
        return core == null || core.transports().isEmpty() ? null : core.transports().get(0);
    }

    /** RFC 3327: Path goes on REGISTER requests that have not been sent. */
    private void checkPathAllowed() {
        checkModifiable();
        if (!(this instanceof jakarta.servlet.sip.SipServletRequest r) || !r.getMethod().equals("REGISTER")) {
            throw new IllegalStateException("Path is added to REGISTER requests only (RFC 3327)");
        }
    }

    @Override
    public boolean isSecure() {
        return false;
    }

    /**
     * Records who sent the message, once the container authenticated it (container use).
     *
     * @param principal the authenticated user
     * @param roles     the roles the user holds
     */
    public void setUser(Principal principal, java.util.Collection<String> roles) {
        this.userPrincipal = principal;
        this.userRoles = Set.copyOf(roles);
    }

    @Override
    public String getRemoteUser() {
        Principal p = userPrincipal;
        return p == null ? null : p.getName();
    }

    @Override
    public boolean isUserInRole(String role) {
        return userPrincipal != null && role != null && userRoles.contains(role);
    }

    @Override
    public Principal getUserPrincipal() {
        return userPrincipal;
    }

    @Override
    public SessionKeepAlive.Preference getSessionKeepAlivePreference() {
        KeepAlivePreference p = keepAlivePreference;
        if (p == null) {
            p = new KeepAlivePreference();
            keepAlivePreference = p;
        }
        return p;
    }

    @Override
    public String getLocalAddr() {
        return transport == null ? null : transport.localAddress().getAddress().getHostAddress();
    }

    @Override
    public int getLocalPort() {
        return transport == null ? -1 : transport.localAddress().getPort();
    }

    @Override
    public String getRemoteAddr() {
        return remote == null ? null : remote.getAddress().getHostAddress();
    }

    @Override
    public int getRemotePort() {
        return remote == null ? -1 : remote.getPort();
    }

    @Override
    public String getTransport() {
        return transport == null ? null : transport.name();
    }

    /**
     * Who sent the message to this server, however many applications of it the message passed
     * since; null when it was made here (or, for a response another application of this server
     * passed on, when that is not known).
     */
    protected abstract InitialSender initialSender();

    /** True when the message came over the internal hop: another application of this server sent it on. */
    protected final boolean overInternalHop() {
        return transport instanceof InternalTransport;
    }

    @Override
    public String getInitialRemoteAddr() {
        InitialSender s = initialSender();
        return s == null ? null : s.address();
    }

    @Override
    public int getInitialRemotePort() {
        InitialSender s = initialSender();
        return s == null ? -1 : s.port();
    }

    @Override
    public String getInitialTransport() {
        InitialSender s = initialSender();
        return s == null ? null : s.transport();
    }

    @Override
    public SipWebSocketContext getLocalSipWebSocketContext() {
        return null;
    }
}
