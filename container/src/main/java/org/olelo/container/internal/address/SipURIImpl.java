package org.olelo.container.internal.address;

import jakarta.servlet.sip.ServletParseException;
import jakarta.servlet.sip.SipURI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * The container's {@link SipURI}. Components are kept unescaped and escaped again when the URI
 * is written; {@link #equals(Object)} follows RFC 3261 section 19.1.4.
 */
public final class SipURIImpl extends AbstractURI implements SipURI {

    private static final long serialVersionUID = 1L;

    boolean secure;
    String user;
    String password;
    String host;
    int port = -1;
    /** URI headers; flagged as quoted so that values compare case-sensitively. */
    ParamList headers = new ParamList();

    SipURIImpl() {
    }

    /**
     * Creates a {@code sip} URI for a user at a host.
     *
     * @param user the unescaped user, or {@code null} for none
     * @param host the host; an IPv6 address may be given without brackets
     * @throws IllegalArgumentException if the host is not valid
     */
    public SipURIImpl(String user, String host) {
        this.user = user == null || user.isEmpty() ? null : user;
        this.host = SipUriParser.checkHost(host);
    }

    /**
     * Parses a {@code sip} or {@code sips} URI.
     *
     * @param text the URI text
     * @return the parsed URI
     * @throws ServletParseException if the text is not a valid SIP or SIPS URI
     */
    public static SipURIImpl parse(String text) throws ServletParseException {
        if (text == null) {
            throw new ServletParseException("cannot parse a null SIP URI");
        }
        try {
            return SipUriParser.parse(text.trim());
        } catch (IllegalArgumentException e) {
            throw new ServletParseException("invalid SIP URI: " + e.getMessage(), e);
        }
    }

    @Override
    public String getScheme() {
        return secure ? "sips" : "sip";
    }

    @Override
    public boolean isSipURI() {
        return true;
    }

    @Override
    public String getUser() {
        return user;
    }

    @Override
    public void setUser(String user) {
        checkWritable();
        this.user = user == null || user.isEmpty() ? null : user;
        if (this.user == null) {
            password = null;
        }
    }

    @Override
    public String getUserPassword() {
        return password;
    }

    @Override
    public void setUserPassword(String password) {
        checkWritable();
        this.password = password;
    }

    @Override
    public String getHost() {
        return host;
    }

    @Override
    public void setHost(String host) {
        checkWritable();
        this.host = SipUriParser.checkHost(host);
    }

    @Override
    public int getPort() {
        return port;
    }

    @Override
    public void setPort(int port) {
        checkWritable();
        if (port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        this.port = port < 0 ? -1 : port;
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public void setSecure(boolean b) {
        checkWritable();
        secure = b;
    }

    private void setOrRemove(String name, String value) {
        checkWritable();
        if (value == null) {
            params.remove(name);
        } else {
            params.set(name, value);
        }
    }

    @Override
    public String getTransportParam() {
        return params.get("transport");
    }

    @Override
    public void setTransportParam(String transport) {
        setOrRemove("transport", transport);
    }

    @Override
    public String getMAddrParam() {
        return params.get("maddr");
    }

    @Override
    public void setMAddrParam(String maddr) {
        setOrRemove("maddr", maddr);
    }

    @Override
    public String getMethodParam() {
        return params.get("method");
    }

    @Override
    public void setMethodParam(String method) {
        setOrRemove("method", method);
    }

    @Override
    public int getTTLParam() {
        String ttl = params.get("ttl");
        try {
            return ttl == null ? -1 : Integer.parseInt(ttl);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void setTTLParam(int ttl) {
        if (ttl > 255) {
            throw new IllegalArgumentException("ttl must be within 0..255: " + ttl);
        }
        setOrRemove("ttl", ttl < 0 ? null : Integer.toString(ttl));
    }

    @Override
    public String getUserParam() {
        return params.get("user");
    }

    @Override
    public void setUserParam(String user) {
        setOrRemove("user", user);
    }

    @Override
    public boolean getLrParam() {
        return params.has("lr");
    }

    @Override
    public void setLrParam(boolean flag) {
        setOrRemove("lr", flag ? "" : null);
    }

    @Override
    public String getHeader(String name) {
        return headers.get(name);
    }

    @Override
    public void setHeader(String name, String value) {
        checkWritable();
        headers.set(name, Objects.requireNonNull(value, "header value"), true);
    }

    @Override
    public void removeHeader(String name) {
        checkWritable();
        headers.remove(name);
    }

    @Override
    public Iterator<String> getHeaderNames() {
        return headers.names();
    }

    @Override
    public List<String> getHeaderNameList() {
        return Collections.unmodifiableList(new ArrayList<>(headers.nameSet()));
    }

    @Override
    public javax.sip.address.SipURI toJain() {
        return (javax.sip.address.SipURI) super.toJain();
    }

    @Override
    public SipURIImpl clone() {
        SipURIImpl c = finishClone((SipURIImpl) shallowClone());
        c.headers = headers.copy();
        return c;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(64).append(getScheme()).append(':');
        if (user != null) {
            sb.append(Escapes.escape(user, Escapes.USER));
            if (password != null) {
                sb.append(':').append(Escapes.escape(password, Escapes.PASSWORD));
            }
            sb.append('@');
        }
        sb.append(host);
        if (port >= 0) {
            sb.append(':').append(port);
        }
        params.encodeUri(sb);
        char sep = '?';
        for (var h : headers.entries()) {
            sb.append(sep).append(Escapes.escape(h.getKey(), Escapes.HEADER)).append('=')
                    .append(Escapes.escape(h.getValue(), Escapes.HEADER));
            sep = '&';
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof SipURIImpl u && SipUriEquality.equivalent(this, u);
    }

    @Override
    public int hashCode() {
        return SipUriEquality.hash(this);
    }
}
