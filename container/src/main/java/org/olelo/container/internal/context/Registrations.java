package org.olelo.container.internal.context;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import java.util.Collection;
import java.util.EventListener;
import java.util.Map;

/**
 * Where a {@link SipServletContextImpl} registers what its application adds while it is
 * initialised (servlets and SIP servlet POJOs, listeners, security roles) and creates injected
 * instances: implemented by the deployer, which owns the application's servlets, listeners, class
 * loader and CDI container. The context checks the phase, names and types before it calls here.
 * {@link #NONE} refuses everything.
 *
 * <p>The adding methods run on the deployer thread while the context is initialised;
 * {@link #create} and the look-ups on any thread.
 */
public interface Registrations {

    /** No registration possible (a context not made by the deployer). */
    Registrations NONE = new Registrations() {
        @Override
        public ServletRegistration.Dynamic addServlet(String servletName, Object servlet) {
            throw new IllegalStateException("servlets cannot be registered in this context");
        }

        @Override
        public <T> T create(Class<T> type) throws ServletException {
            throw new ServletException("objects cannot be created in this context");
        }

        @Override
        public ServletRegistration registration(String servletName) {
            return null;
        }

        @Override
        public Map<String, ServletRegistration> registrations() {
            return Map.of();
        }

        @Override
        public void addListener(EventListener listener) {
            throw new IllegalStateException("listeners cannot be registered in this context");
        }

        @Override
        public void declareRoles(Collection<String> roles) {
            throw new IllegalStateException("roles cannot be declared in this context");
        }
    };

    /**
     * Registers a servlet, or a SIP servlet POJO, as a servlet of the application.
     *
     * @param servletName a non-empty name
     * @param servlet     a {@code Servlet}, or an object whose annotated methods handle messages
     * @return its registration, or null when the application already has a servlet of that name
     * @throws IllegalArgumentException when the object is neither a servlet nor a SIP servlet POJO
     */
    ServletRegistration.Dynamic addServlet(String servletName, Object servlet);

    /**
     * Creates an instance with the application's injection ({@code @Inject}, {@code @Resource},
     * {@code @PostConstruct}); it is destroyed with the application.
     *
     * @throws ServletException when the class cannot be instantiated
     */
    <T> T create(Class<T> type) throws ServletException;

    /** @return the registration of a servlet, declared or added, or null when there is none */
    ServletRegistration registration(String servletName);

    /** @return a copy of the registrations of every servlet, declared then added, by name */
    Map<String, ServletRegistration> registrations();

    /** Adds a listener the context has checked to be of a SIP listener type; it is called like a declared one. */
    void addListener(EventListener listener);

    /** Adds roles to the application's declared security roles (what {@code *} means in a constraint). */
    void declareRoles(Collection<String> roles);
}
