package org.olelo.container.internal.converged;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.sip.ConvergedHttpSession;
import jakarta.servlet.sip.SipApplicationSession;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The HTTP session of a converged application as the application sees it: Undertow's session,
 * plus its {@link SipApplicationSession} and URL encoding. Equal to another wrapper of the same
 * session. Any thread, as the underlying session.
 */
final class ConvergedSession implements ConvergedHttpSession {

    private final HttpSession session;
    private final SessionLinks links;

    ConvergedSession(HttpSession session, SessionLinks links) {
        this.session = session;
        this.links = links;
    }

    /** @return Undertow's session */
    HttpSession raw() {
        return session;
    }

    @Override
    public SipApplicationSession getApplicationSession() {
        return links.getOrCreate(this);
    }

    /** Adds {@code ;jsessionid=ID} to the path, before any query or fragment. */
    @Override
    public String encodeURL(String url) {
        int end = url.length();
        for (char c : new char[] {'?', '#'}) {
            int i = url.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return url.substring(0, end) + ";jsessionid=" + session.getId() + url.substring(end);
    }

    @Override
    public String encodeURL(String relativePath, String scheme) {
        if (!"http".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("unsupported scheme " + scheme + ": the HTTP listener serves http only");
        }
        String base = links.base();
        if (base == null) {
            throw new IllegalStateException("the server has no HTTP listener (http.listen is empty)");
        }
        String path = relativePath.startsWith("/") ? relativePath : "/" + relativePath;
        return encodeURL(base + path);
    }

    @Override
    public long getCreationTime() {
        return session.getCreationTime();
    }

    @Override
    public String getId() {
        return session.getId();
    }

    @Override
    public long getLastAccessedTime() {
        return session.getLastAccessedTime();
    }

    @Override
    public ServletContext getServletContext() {
        return session.getServletContext();
    }

    @Override
    public void setMaxInactiveInterval(int interval) {
        session.setMaxInactiveInterval(interval);
    }

    @Override
    public int getMaxInactiveInterval() {
        return session.getMaxInactiveInterval();
    }

    @Override
    public Object getAttribute(String name) {
        return session.getAttribute(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        List<String> names = Collections.list(session.getAttributeNames());
        names.remove(SessionLinks.ATTRIBUTE);
        return Collections.enumeration(names);
    }

    @Override
    public void setAttribute(String name, Object value) {
        session.setAttribute(name, value);
    }

    @Override
    public void removeAttribute(String name) {
        session.removeAttribute(name);
    }

    @Override
    public void invalidate() {
        session.invalidate();
    }

    @Override
    public boolean isNew() {
        return session.isNew();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConvergedSession c && c.getId().equals(getId())
                && c.session.getServletContext() == session.getServletContext();
    }

    @Override
    public int hashCode() {
        return getId().hashCode();
    }

    @Override
    public String toString() {
        return "ConvergedHttpSession[" + getId() + "]";
    }
}
