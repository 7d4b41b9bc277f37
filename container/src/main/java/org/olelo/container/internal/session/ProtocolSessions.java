package org.olelo.container.internal.session;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.sip.SipApplicationSession.Protocol;
import java.net.URL;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The protocol sessions of one {@link SipApplicationSessionImpl}: its SIP sessions by id and, for
 * a converged application, the HTTP sessions joined to it by HTTP session id (that table is made
 * when the first joins, so a SIP-only session never pays for it); and the encoding of the
 * application session's id into a URL ({@code encodeURL}).
 *
 * <p>Thread-safe: SIP sessions are added on the application session's executor, HTTP sessions
 * join and leave on the HTTP container's threads, and the lists are read on any thread.
 */
final class ProtocolSessions {

    private final ConcurrentHashMap<String, SipSessionImpl> sip = new ConcurrentHashMap<>(4);
    private volatile ConcurrentHashMap<String, HttpSession> http;

    void addSip(SipSessionImpl s) {
        sip.put(s.getId(), s);
    }

    void removeSip(SipSessionImpl s) {
        sip.remove(s.getId(), s);
    }

    /** @return the SIP session with this id, or null */
    SipSessionImpl sip(String id) {
        return sip.get(id);
    }

    /** @return the SIP sessions (a snapshot) */
    List<SipSessionImpl> sipSessions() {
        return List.copyOf(sip.values());
    }

    void joinHttp(HttpSession h) {
        ConcurrentHashMap<String, HttpSession> map = http;
        if (map == null) {
            synchronized (this) {
                map = http;
                if (map == null) {
                    map = new ConcurrentHashMap<>(2);
                    http = map;
                }
            }
        }
        map.put(h.getId(), h);
    }

    /** @return whether that HTTP session was joined */
    boolean leaveHttp(String httpSessionId) {
        Map<String, HttpSession> map = http;
        return map != null && map.remove(httpSessionId) != null;
    }

    /** @return whether no SIP session and no HTTP session is left */
    boolean isEmpty() {
        Map<String, HttpSession> map = http;
        return sip.isEmpty() && (map == null || map.isEmpty());
    }

    /** @return every SIP and HTTP session (a snapshot) */
    Set<Object> all() {
        Map<String, HttpSession> map = http;
        if (map == null) {
            return Set.copyOf(sip.values());
        }
        Set<Object> all = new HashSet<>(sip.values());
        all.addAll(map.values());
        return Set.copyOf(all);
    }

    /**
     * @param protocol {@code SIP} or {@code HTTP}, in any case
     * @return the sessions of that protocol (a snapshot)
     * @throws IllegalArgumentException for another protocol
     */
    Set<Object> all(String protocol) {
        if (protocol.equalsIgnoreCase("SIP")) {
            return Set.copyOf(sip.values());
        }
        if (protocol.equalsIgnoreCase("HTTP")) {
            Map<String, HttpSession> map = http;
            return map == null ? Set.of() : Set.copyOf(map.values());
        }
        throw new IllegalArgumentException("unknown protocol " + protocol + ": expected SIP or HTTP");
    }

    /** @return the session of that protocol with this id, or null */
    Object get(String id, Protocol protocol) {
        Map<String, HttpSession> map = http;
        return protocol == Protocol.SIP ? sip.get(id) : map == null ? null : map.get(id);
    }

    /**
     * Ends them all, for the application session's invalidation: each SIP session is invalidated
     * (with its callbacks), then each HTTP session (one already invalid is passed over).
     */
    void endAll() {
        for (SipSessionImpl s : sipSessions()) {
            s.invalidateFromParent();
        }
        Map<String, HttpSession> map = http;
        if (map != null) {
            for (HttpSession h : List.copyOf(map.values())) {
                try {
                    h.invalidate();
                } catch (IllegalStateException e) {
                    // already invalid
                }
            }
            map.clear();
        }
    }

    /**
     * The URL with the query parameter {@value SessionManager#ENCODED_URI_PARAM} naming an
     * application session, before any fragment.
     *
     * @throws IllegalArgumentException when the result is not a URL
     */
    static URL encode(URL url, String appSessionId) {
        String s = url.toString();
        int hash = s.indexOf('#');
        String fragment = hash < 0 ? "" : s.substring(hash);
        String base = hash < 0 ? s : s.substring(0, hash);
        String sep = base.indexOf('?') < 0 ? "?" : base.endsWith("?") || base.endsWith("&") ? "" : "&";
        try {
            return java.net.URI.create(base + sep + SessionManager.ENCODED_URI_PARAM + "="
                    + java.net.URLEncoder.encode(appSessionId, java.nio.charset.StandardCharsets.UTF_8) + fragment)
                    .toURL();
        } catch (java.net.MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot encode URL " + url + ": " + e.getMessage(), e);
        }
    }
}
