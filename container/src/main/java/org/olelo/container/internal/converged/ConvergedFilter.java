package org.olelo.container.internal.converged;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.sip.SipApplicationSession;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.olelo.container.internal.session.SessionManager;

/**
 * The first filter of every converged application: the request it passes on gives
 * {@link jakarta.servlet.sip.ConvergedHttpSession}s from {@code getSession}, and a request whose
 * query carries {@value SessionManager#ENCODED_URI_PARAM} (a URL from
 * {@code SipApplicationSession.encodeURL}) naming an application session of this application
 * joins its HTTP session to it. An unknown or ended id is ignored. Runs on HTTP worker threads;
 * reads only the query string, never the body.
 */
final class ConvergedFilter implements Filter {

    private final SessionLinks links;

    ConvergedFilter(SessionLinks links) {
        this.links = links;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http)) {
            chain.doFilter(request, response);
            return;
        }
        Request wrapped = new Request(http, links);
        String id = queryParameter(http.getQueryString(), SessionManager.ENCODED_URI_PARAM);
        if (id != null && !id.isEmpty()) {
            // an HTTP session is made only for an application session that exists
            SipApplicationSession as = links.lookUp(id);
            if (as != null) {
                links.join(wrapped.getSession(true), as);
            }
        }
        chain.doFilter(wrapped, response);
    }

    /** @return the first value of a parameter in a query string, decoded, or null */
    static String queryParameter(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&", 64)) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                try {
                    return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** The request the application sees: its sessions are converged. */
    private static final class Request extends HttpServletRequestWrapper {

        private final SessionLinks links;
        private ConvergedSession session;

        Request(HttpServletRequest request, SessionLinks links) {
            super(request);
            this.links = links;
        }

        @Override
        public ConvergedSession getSession(boolean create) {
            HttpSession s = super.getSession(create);
            if (s == null) {
                return null;
            }
            if (session == null || !session.raw().getId().equals(s.getId())) {
                session = new ConvergedSession(s, links);
            }
            return session;
        }

        @Override
        public ConvergedSession getSession() {
            return getSession(true);
        }
    }
}
