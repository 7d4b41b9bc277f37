package org.olelo.container.internal.context;

import jakarta.servlet.ServletContextAttributeListener;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRequestAttributeListener;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import jakarta.servlet.sip.SipApplicationSessionActivationListener;
import jakarta.servlet.sip.SipApplicationSessionAttributeListener;
import jakarta.servlet.sip.SipApplicationSessionListener;
import jakarta.servlet.sip.SipErrorListener;
import jakarta.servlet.sip.SipServletListener;
import jakarta.servlet.sip.SipSessionActivationListener;
import jakarta.servlet.sip.SipSessionAttributeListener;
import jakarta.servlet.sip.SipSessionListener;
import jakarta.servlet.sip.TimerListener;
import java.util.List;

/**
 * Which listener classes an application may add to its context
 * ({@code ServletContext.addListener}, {@code createListener}): those implementing a SIP listener
 * interface the container calls, or {@link ServletContextAttributeListener}. The HTTP listener
 * types the Servlet specification also allows are refused with
 * {@link UnsupportedOperationException}: the HTTP side of a converged application is declared
 * (web.xml, {@code @WebListener}) and cannot be added to at run time; a
 * {@link ServletContextListener} may be added only from a {@code ServletContainerInitializer}
 *, which Olelo does not run, so it is refused like a class that is no
 * listener, with {@link IllegalArgumentException}.
 *
 * <p>Stateless; any thread.
 */
final class ListenerTypes {

    /** The interfaces of which an added listener must implement at least one. */
    static final List<Class<?>> SIP = List.of(SipApplicationSessionListener.class,
            SipApplicationSessionAttributeListener.class, SipApplicationSessionActivationListener.class,
            SipSessionListener.class, SipSessionAttributeListener.class, SipSessionActivationListener.class,
            SipServletListener.class, TimerListener.class, SipErrorListener.class,
            ServletContextAttributeListener.class, jakarta.servlet.sip.FlowListener.class);

    private static final List<Class<?>> HTTP = List.of(ServletRequestListener.class,
            ServletRequestAttributeListener.class, HttpSessionListener.class, HttpSessionAttributeListener.class,
            HttpSessionIdListener.class);

    private ListenerTypes() {
    }

    /**
     * Checks that a class may be added as a listener.
     *
     * @param method the context method, for messages
     * @param c      the listener's class
     * @throws IllegalArgumentException      when it implements no SIP listener interface
     * @throws UnsupportedOperationException when it implements only HTTP listener interfaces
     */
    static void check(String method, Class<?> c) {
        if (SIP.stream().anyMatch(t -> t.isAssignableFrom(c))) {
            return;
        }
        if (HTTP.stream().anyMatch(t -> t.isAssignableFrom(c))) {
            throw new UnsupportedOperationException("ServletContext." + method + ": " + c.getName()
                    + " listens to HTTP requests or sessions: declare it in web.xml or with @WebListener");
        }
        if (ServletContextListener.class.isAssignableFrom(c)) {
            throw new IllegalArgumentException("ServletContext." + method + ": " + c.getName()
                    + " is a ServletContextListener, which only a ServletContainerInitializer may add;"
                    + " declare it in sip.xml or with @SipListener");
        }
        throw new IllegalArgumentException("ServletContext." + method + ": " + c.getName()
                + " implements no SIP listener interface");
    }
}
