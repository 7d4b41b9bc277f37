package org.olelo.container.internal.converged;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import jakarta.servlet.sip.SipApplicationSession;
import jakarta.servlet.sip.SipFactory;
import jakarta.servlet.sip.SipServlet;
import jakarta.servlet.sip.SipSessionsUtil;
import org.olelo.container.internal.session.SipApplicationSessionImpl;

/**
 * The links between the HTTP sessions of one converged application version and its application
 * sessions. An HTTP session keeps the id of its application session in an attribute
 * ({@value #ATTRIBUTE}, hidden from the application's attribute names); the application session
 * lists its HTTP sessions ({@code getSessions("HTTP")}). A session that ends on either side
 * undoes the link: an application session invalidates its HTTP sessions, an HTTP session that is
 * invalidated or expires leaves its application session (heard as an {@link HttpSessionListener}).
 *
 * <p>Any thread (HTTP workers, the application session's executor); linking one HTTP session is
 * serialised by a lock chosen by its id.
 */
final class SessionLinks implements HttpSessionListener {

    /** The HTTP session attribute holding the id of its application session. */
    static final String ATTRIBUTE = "org.olelo.container.applicationSessionId";

    private final ServletContext sip;
    private final java.util.function.Supplier<String> base;
    private final Object[] locks = new Object[32];

    /**
     * @param sip  the application's SIP servlet context (its SipFactory and SipSessionsUtil)
     * @param base gives {@code http://host:port/context} of the application on the HTTP listener,
     *             or null while there is no listener
     */
    SessionLinks(ServletContext sip, java.util.function.Supplier<String> base) {
        this.sip = sip;
        this.base = base;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    /** @return {@code http://host:port/context}, or null when the server has no HTTP listener */
    String base() {
        return base.get();
    }

    /**
     * @param http an HTTP session of the application
     * @return its application session, or null when it has none (or it ended)
     */
    SipApplicationSession find(HttpSession http) {
        Object id = http.getAttribute(ATTRIBUTE);
        return id instanceof String s ? util().getApplicationSessionById(s) : null;
    }

    /**
     * @param http an HTTP session of the application
     * @return its application session, created and joined when it had none
     */
    SipApplicationSession getOrCreate(ConvergedSession http) {
        synchronized (lock(http)) {
            SipApplicationSession as = find(http.raw());
            if (as == null) {
                as = ((SipFactory) sip.getAttribute(SipServlet.SIP_FACTORY)).createApplicationSession();
                link(http, as);
            }
            return as;
        }
    }

    /**
     * @param applicationSessionId an id an encoded URL carried
     * @return the valid application session of this application with that id, or null
     */
    SipApplicationSession lookUp(String applicationSessionId) {
        return util().getApplicationSessionById(applicationSessionId);
    }

    /**
     * Joins an HTTP session to the application session of an encoded URL, leaving the one it had.
     *
     * @param http the request's HTTP session
     * @param as   the application session the URL named ({@link #lookUp})
     */
    void join(ConvergedSession http, SipApplicationSession as) {
        synchronized (lock(http)) {
            SipApplicationSession old = find(http.raw());
            if (old != as) {
                if (old instanceof SipApplicationSessionImpl o) {
                    o.removeHttpSession(http.getId());
                }
                link(http, as);
            }
        }
    }

    private static void link(ConvergedSession http, SipApplicationSession as) {
        http.raw().setAttribute(ATTRIBUTE, as.getId());
        if (as instanceof SipApplicationSessionImpl impl) {
            impl.addHttpSession(http);
        }
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent se) {
        Object id = se.getSession().getAttribute(ATTRIBUTE);
        if (id instanceof String s && util().getApplicationSessionById(s) instanceof SipApplicationSessionImpl as) {
            as.removeHttpSession(se.getSession().getId());
        }
    }

    private SipSessionsUtil util() {
        return (SipSessionsUtil) sip.getAttribute(SipServlet.SIP_SESSIONS_UTIL);
    }

    private Object lock(HttpSession http) {
        return locks[Math.floorMod(http.getId().hashCode(), locks.length)];
    }
}
