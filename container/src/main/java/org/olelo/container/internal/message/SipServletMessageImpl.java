package org.olelo.container.internal.message;

import gov.nist.javax.sip.header.ContentType;
import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.header.SIPHeaderList;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.StringMsgParser;
import jakarta.servlet.sip.Address;
import jakarta.servlet.sip.Parameterable;
import jakarta.servlet.sip.ServletParseException;
import jakarta.servlet.sip.SessionKeepAlive;
import jakarta.servlet.sip.SipApplicationSession;
import jakarta.servlet.sip.SipServletMessage;
import jakarta.servlet.sip.SipSession;
import jakarta.servlet.sip.SipWebSocketContext;
import java.io.UnsupportedEncodingException;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Set;
import javax.sip.header.ExpiresHeader;
import org.olelo.container.internal.address.AddressImpl;
import org.olelo.container.internal.address.ParameterableImpl;
import org.olelo.core.message.SipMessages;
import org.olelo.core.transport.Transport;

/**
 * What requests and responses share: headers (with compact forms and system-header protection),
 * address and parameterable headers, content, attributes, sessions and addressing. Backed by a
 * JAIN-SIP message, which is what goes on the wire.
 *
 * <p>Used by application code on its application session's executor; not safe for concurrent
 * modification by several threads, as the Servlet API specifies for messages.
 */
public abstract class SipServletMessageImpl implements SipServletMessage {

    protected final SIPMessage message;
    protected volatile MessageSession session;
    protected final Transport transport;
    protected final InetSocketAddress remote;
    private volatile java.util.Map<String, Object> attributes;
    private HeaderForm headerForm = HeaderForm.DEFAULT;
    protected volatile boolean committed;
    private volatile Principal userPrincipal;
    private volatile Set<String> userRoles = Set.of();
    private volatile KeepAlivePreference keepAlivePreference;

    /** The session-timer preference, if the application asked for it. */
    public KeepAlivePreference keepAlivePreferenceIfAny() {
        return keepAlivePreference;
    }

    protected SipServletMessageImpl(SIPMessage message, MessageSession session, Transport transport, InetSocketAddress remote) {
        this.message = message;
        this.session = session;
        this.transport = transport;
        this.remote = remote;
    }

    /** The JAIN-SIP message behind this object. */
    public SIPMessage jain() {
        return message;
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

    /** Marks the message as sent or otherwise final. */
    public void commit() {
        committed = true;
    }

    protected void checkModifiable() {
        if (committed) {
            throw new IllegalStateException("message is committed and can no longer be modified");
        }
    }

    protected void checkNotSystem(String name) {
        if (HeaderNames.isSystem(name)) {
            throw new IllegalArgumentException(HeaderNames.canonical(name) + " is a system header: the container manages it");
        }
    }

    // ------------------------------------------------------------------ headers

    @Override
    public Address getFrom() {
        return parseAddress(((SIPHeader) message.getFrom()).getHeaderValue(), true);
    }

    @Override
    public Address getTo() {
        return parseAddress(((SIPHeader) message.getTo()).getHeaderValue(), true);
    }

    private static Address parseAddress(String value, boolean readOnly) {
        try {
            AddressImpl a = AddressImpl.parse(value);
            if (readOnly) {
                a.setReadOnly();
            }
            return a;
        } catch (ServletParseException e) {
            throw new IllegalStateException("unparsable address header: " + value, e);
        }
    }

    @Override
    public String getProtocol() {
        return "SIP/2.0";
    }

    @Override
    public String getHeader(String name) {
        ListIterator<SIPHeader> it = headers(name);
        return it != null && it.hasNext() ? value(it.next()) : null;
    }

    @SuppressWarnings("unchecked")
    private ListIterator<SIPHeader> headers(String name) {
        return (ListIterator<SIPHeader>) (ListIterator<?>) message.getHeaders(HeaderNames.canonical(name));
    }

    private static String value(SIPHeader h) {
        return h.getHeaderValue();
    }

    @Override
    public ListIterator<String> getHeaders(String name) {
        return getHeaderList(name).listIterator();
    }

    @Override
    public List<String> getHeaderList(String name) {
        List<String> out = new ArrayList<>(2);
        ListIterator<SIPHeader> it = headers(name);
        while (it != null && it.hasNext()) {
            out.add(value(it.next()));
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public Iterator<String> getHeaderNames() {
        return getHeaderNameList().iterator();
    }

    @Override
    public List<String> getHeaderNameList() {
        Set<String> names = new LinkedHashSet<>();
        for (Iterator<String> it = message.getHeaderNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return List.copyOf(names);
    }

    @Override
    public void setHeader(String name, String value) {
        checkModifiable();
        checkNotSystem(name);
        if (value == null) {
            throw new NullPointerException("header value");
        }
        message.removeHeader(HeaderNames.canonical(name));
        attach(name, value, false);
    }

    @Override
    public void addHeader(String name, String value) {
        checkModifiable();
        checkNotSystem(name);
        attach(name, value, false);
    }

    /** Parses and attaches a header without the system-header check (container use). */
    protected void attach(String name, String value, boolean top) {
        try {
            SIPHeader h = StringMsgParser.parseSIPHeader(HeaderNames.canonical(name) + ": " + value + "\r\n");
            message.attachHeader(h, false, top);
        } catch (ParseException e) {
            throw new IllegalArgumentException("bad value for header " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void removeHeader(String name) {
        checkModifiable();
        checkNotSystem(name);
        message.removeHeader(HeaderNames.canonical(name));
    }

    @Override
    public Address getAddressHeader(String name) throws ServletParseException {
        String v = getHeader(name);
        return v == null ? null : AddressImpl.parse(v);
    }

    @Override
    public ListIterator<Address> getAddressHeaders(String name) throws ServletParseException {
        return getAddressHeaderList(name).listIterator();
    }

    @Override
    public List<Address> getAddressHeaderList(String name) throws ServletParseException {
        List<Address> out = new ArrayList<>(2);
        for (String v : getHeaderList(name)) {
            out.add(AddressImpl.parse(v));
        }
        return out;
    }

    @Override
    public void setAddressHeader(String name, Address addr) {
        setHeader(name, addr.toString());
    }

    @Override
    public void addAddressHeader(String name, Address addr, boolean first) {
        checkModifiable();
        checkNotSystem(name);
        attach(name, addr.toString(), first);
    }

    @Override
    public Parameterable getParameterableHeader(String name) throws ServletParseException {
        String v = getHeader(name);
        return v == null ? null : ParameterableImpl.parse(v);
    }

    @Override
    public ListIterator<? extends Parameterable> getParameterableHeaders(String name) throws ServletParseException {
        return getParameterableHeaderList(name).listIterator();
    }

    @Override
    public List<? extends Parameterable> getParameterableHeaderList(String name) throws ServletParseException {
        List<Parameterable> out = new ArrayList<>(2);
        for (String v : getHeaderList(name)) {
            out.add(ParameterableImpl.parse(v));
        }
        return out;
    }

    @Override
    public void setParameterableHeader(String name, Parameterable param) {
        setHeader(name, param.toString());
    }

    @Override
    public void addParameterableHeader(String name, Parameterable param, boolean first) {
        checkModifiable();
        checkNotSystem(name);
        attach(name, param.toString(), first);
    }

    @Override
    public String getCallId() {
        return message.getCallId().getCallId();
    }

    @Override
    public int getExpires() {
        ExpiresHeader e = (ExpiresHeader) message.getHeader(ExpiresHeader.NAME);
        return e == null ? -1 : e.getExpires();
    }

    @Override
    public void setExpires(int seconds) {
        setHeader(ExpiresHeader.NAME, Integer.toString(seconds));
    }

    // ------------------------------------------------------------------ content

    @Override
    public String getCharacterEncoding() {
        ContentType ct = (ContentType) message.getContentTypeHeader();
        return ct == null ? null : ct.getCharset();
    }

    @Override
    public void setCharacterEncoding(String enc) throws UnsupportedEncodingException {
        checkModifiable();
        if (!Charset.isSupported(enc)) {
            throw new UnsupportedEncodingException(enc);
        }
        ContentType ct = (ContentType) message.getContentTypeHeader();
        if (ct != null) {
            try {
                ct.setParameter("charset", enc);
            } catch (ParseException e) {
                throw new UnsupportedEncodingException(enc);
            }
        }
    }

    @Override
    public int getContentLength() {
        byte[] b = message.getRawContent();
        return b == null ? 0 : b.length;
    }

    @Override
    public String getContentType() {
        ContentType ct = (ContentType) message.getContentTypeHeader();
        return ct == null ? null : ct.getHeaderValue();
    }

    @Override
    public byte[] getRawContent() {
        byte[] b = message.getRawContent();
        return b == null ? null : b.clone();
    }

    @Override
    public Object getContent() throws UnsupportedEncodingException {
        byte[] b = message.getRawContent();
        if (b == null) {
            return null;
        }
        ContentType ct = (ContentType) message.getContentTypeHeader();
        if (ct != null && isText(ct)) {
            String cs = ct.getCharset();
            try {
                return new String(b, cs == null ? StandardCharsets.UTF_8 : Charset.forName(cs));
            } catch (IllegalArgumentException e) {
                throw new UnsupportedEncodingException(cs);
            }
        }
        return b.clone();
    }

    private static boolean isText(ContentType ct) {
        String type = ct.getContentType() == null ? "" : ct.getContentType().toLowerCase(Locale.ROOT);
        String sub = ct.getContentSubType() == null ? "" : ct.getContentSubType().toLowerCase(Locale.ROOT);
        return type.equals("text") || sub.equals("sdp") || sub.endsWith("+xml") || sub.equals("xml") || sub.equals("json");
    }

    @Override
    public void setContent(Object content, String contentType) throws UnsupportedEncodingException {
        checkModifiable();
        if (content == null) {
            message.removeContent();
            message.removeHeader(javax.sip.header.ContentTypeHeader.NAME);
            return;
        }
        try {
            ContentType ct = contentType == null ? (ContentType) message.getContentTypeHeader()
                    : (ContentType) StringMsgParser.parseSIPHeader("Content-Type: " + contentType + "\r\n");
            byte[] bytes;
            if (content instanceof byte[] b) {
                bytes = b.clone();
            } else if (content instanceof String s) {
                String cs = ct == null ? null : ct.getCharset();
                bytes = s.getBytes(cs == null ? StandardCharsets.UTF_8 : Charset.forName(cs));
            } else {
                throw new IllegalArgumentException("content must be a String or byte[], not " + content.getClass().getName());
            }
            if (ct == null) {
                throw new IllegalStateException("content needs a content type");
            }
            message.setContent(bytes, ct);
        } catch (ParseException e) {
            throw new IllegalArgumentException("bad content type " + contentType, e);
        }
    }

    @Override
    public void setContentLength(int len) {
        throw new IllegalStateException("Content-Length is computed by the container");
    }

    @Override
    public void setContentType(String type) {
        checkModifiable();
        message.removeHeader(javax.sip.header.ContentTypeHeader.NAME);
        if (type != null) {
            attach("Content-Type", type, false);
        }
    }

    // ------------------------------------------------------------------ attributes

    public Object getAttribute(String name) {
        if (name == null) {
            throw new NullPointerException("attribute name");
        }
        java.util.Map<String, Object> m = attributes;
        return m == null ? null : m.get(name);
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

    // ------------------------------------------------------------------ languages

    @Override
    public Locale getAcceptLanguage() {
        Iterator<Locale> it = getAcceptLanguages();
        return it.hasNext() ? it.next() : null;
    }

    @Override
    public Iterator<Locale> getAcceptLanguages() {
        return getAcceptLanguageSet().iterator();
    }

    @Override
    public Set<Locale> getAcceptLanguageSet() {
        Set<Locale> out = new LinkedHashSet<>();
        for (String v : getHeaderList("Accept-Language")) {
            for (String part : v.split(",")) {
                String tag = part.split(";")[0].trim();
                if (!tag.isEmpty()) {
                    out.add(Locale.forLanguageTag(tag));
                }
            }
        }
        return out;
    }

    @Override
    public void setAcceptLanguage(Locale locale) {
        setHeader("Accept-Language", locale.toLanguageTag());
    }

    @Override
    public void addAcceptLanguage(Locale locale) {
        addHeader("Accept-Language", locale.toLanguageTag());
    }

    @Override
    public void setContentLanguage(Locale locale) {
        setHeader("Content-Language", locale.toLanguageTag());
    }

    @Override
    public Locale getContentLanguage() {
        String v = getHeader("Content-Language");
        return v == null ? null : Locale.forLanguageTag(v.trim());
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

    @Override
    public boolean isCommitted() {
        return committed;
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

    @Override
    public String getInitialRemoteAddr() {
        return getRemoteAddr();
    }

    @Override
    public int getInitialRemotePort() {
        return getRemotePort();
    }

    @Override
    public String getInitialTransport() {
        return getTransport();
    }

    @Override
    public SipWebSocketContext getLocalSipWebSocketContext() {
        return null;
    }

    @Override
    public boolean isInternallyRouted() {
        return false;
    }

    @Override
    public void setHeaderForm(HeaderForm form) {
        this.headerForm = form;
    }

    @Override
    public HeaderForm getHeaderForm() {
        return headerForm;
    }

    /** A new To tag for locally generated responses. */
    protected static String newTag() {
        return SipMessages.newTag();
    }

    /** Copies every header of a list header (container use). */
    protected static List<SIPHeader> elements(SIPHeader h) {
        List<SIPHeader> out = new ArrayList<>();
        if (h instanceof SIPHeaderList<?> l) {
            for (Object o : l) {
                out.add((SIPHeader) o);
            }
        } else if (h != null) {
            out.add(h);
        }
        return out;
    }

    @Override
    public String toString() {
        return message.encode();
    }
}
