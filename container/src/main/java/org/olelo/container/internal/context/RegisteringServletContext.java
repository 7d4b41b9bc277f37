package org.olelo.container.internal.context;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import java.util.EventListener;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The dynamic registration part of an application's context, as the Servlet 6.1
 * {@code ServletContext} and JSR 359 {@code SipServletContext} define it for a SIP application:
 * servlets and SIP servlet POJOs ({@code addServlet}, {@code addServletPOJO}), listeners of SIP
 * types ({@code addListener}, see {@link ListenerTypes}) and security roles
 * ({@code declareRoles}) can be added only while the context is initialised, that is from the
 * {@code contextInitialized} of a declared {@code ServletContextListener}; afterwards they throw
 * {@link IllegalStateException}. A name already taken gives null. Instances the container creates
 * ({@code createServlet}, {@code createListener}, the class forms of {@code add...}) are injected
 * like declared ones and destroyed with the application. The servlet registrations list the
 * declared servlets and the added ones; what they would map to HTTP is refused.
 *
 * <p>This class checks phase, names and types; {@link Registrations} (the deployer) keeps what is
 * added. Registration runs on the deployer thread; look-ups and creation on any thread.
 */
abstract class RegisteringServletContext extends SipOnlyServletContext {

    private final String app;
    private volatile boolean initialized;
    private volatile Registrations registrations = Registrations.NONE;

    RegisteringServletContext(String appName) {
        super(appName);
        this.app = appName;
    }

    /** Ends the initialisation phase: nothing can be registered or declared from now on. */
    public void markInitialized() {
        initialized = true;
    }

    /** @return whether the initialisation phase is over */
    final boolean initialized() {
        return initialized;
    }

    /** @param registrations keeps what the application registers, and creates its instances */
    public void setRegistrations(Registrations registrations) {
        this.registrations = Objects.requireNonNull(registrations, "registrations");
    }

    private void checkPhase(String method) {
        if (initialized) {
            throw new IllegalStateException(method + ": '" + app + "' is already initialised");
        }
    }

    private void checkServlet(String method, String servletName) {
        checkPhase(method);
        if (servletName == null || servletName.isEmpty()) {
            throw new IllegalArgumentException(method + ": a servlet name is required");
        }
    }

    private Class<?> load(String method, String className) {
        if (className == null || className.isEmpty()) {
            throw new IllegalArgumentException(method + ": a class name is required");
        }
        try {
            return Class.forName(className, false, getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException(method + ": class " + className + " cannot be loaded: " + e, e);
        }
    }

    private <T> T instance(String method, Class<T> c) {
        try {
            return registrations.create(c);
        } catch (ServletException e) {
            throw new IllegalArgumentException(method + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ServletRegistration.Dynamic addServlet(String servletName, String className) {
        checkServlet("addServlet", servletName);
        if (registrations.registration(servletName) != null) {
            return null;
        }
        Class<?> c = load("addServlet", className);
        if (!Servlet.class.isAssignableFrom(c)) {
            throw new IllegalArgumentException("addServlet: " + className + " is not a Servlet");
        }
        return registrations.addServlet(servletName, instance("addServlet", c));
    }

    @Override
    public ServletRegistration.Dynamic addServlet(String servletName, Servlet servlet) {
        checkServlet("addServlet", servletName);
        return registrations.addServlet(servletName, Objects.requireNonNull(servlet, "servlet"));
    }

    @Override
    public ServletRegistration.Dynamic addServlet(String servletName, Class<? extends Servlet> servletClass) {
        checkServlet("addServlet", servletName);
        Objects.requireNonNull(servletClass, "servletClass");
        if (!Servlet.class.isAssignableFrom(servletClass)) {
            throw new IllegalArgumentException("addServlet: " + servletClass.getName() + " is not a Servlet");
        }
        if (registrations.registration(servletName) != null) {
            return null;
        }
        return registrations.addServlet(servletName, instance("addServlet", servletClass));
    }

    /**
     * Creates a servlet with the application's injection, to be registered with
     * {@link #addServlet(String, Servlet)}; any time, destroyed with the application.
     */
    @Override
    public <T extends Servlet> T createServlet(Class<T> clazz) throws ServletException {
        return registrations.create(Objects.requireNonNull(clazz, "clazz"));
    }

    /**
     * Registers a SIP servlet POJO while the context is initialised ({@code contextInitialized}):
     * it is initialised with the application's other servlets and can be made the main servlet.
     */
    @Override
    public ServletRegistration.Dynamic addServletPOJO(String servletName, Object pojo) {
        checkServlet("addServletPOJO", servletName);
        return registrations.addServlet(servletName, Objects.requireNonNull(pojo, "pojo"));
    }

    /** As {@link #addServletPOJO(String, Object)}, with an instance the container creates and injects. */
    @Override
    public ServletRegistration.Dynamic addServletPOJO(String servletName, Class<?> pojoClass) {
        checkServlet("addServletPOJO", servletName);
        Objects.requireNonNull(pojoClass, "pojoClass");
        if (registrations.registration(servletName) != null) {
            return null;
        }
        return registrations.addServlet(servletName, instance("addServletPOJO", pojoClass));
    }

    @Override
    public <T> T createServletPOJO(Class<T> clazz) throws ServletException {
        return registrations.create(Objects.requireNonNull(clazz, "clazz"));
    }

    @Override
    public ServletRegistration getServletRegistration(String servletName) {
        return servletName == null ? null : registrations.registration(servletName);
    }

    @Override
    public Map<String, ? extends ServletRegistration> getServletRegistrations() {
        return registrations.registrations();
    }

    @Override
    public void addListener(String className) {
        checkPhase("addListener");
        Class<?> c = load("addListener", className);
        ListenerTypes.check("addListener", c);
        registrations.addListener((EventListener) instance("addListener", c));
    }

    @Override
    public <T extends EventListener> void addListener(T listener) {
        checkPhase("addListener");
        ListenerTypes.check("addListener", Objects.requireNonNull(listener, "listener").getClass());
        registrations.addListener(listener);
    }

    @Override
    public void addListener(Class<? extends EventListener> listenerClass) {
        checkPhase("addListener");
        ListenerTypes.check("addListener", Objects.requireNonNull(listenerClass, "listenerClass"));
        registrations.addListener(instance("addListener", listenerClass));
    }

    /**
     * Creates a listener with the application's injection, to be added with
     * {@link #addListener(EventListener)}; any time, destroyed with the application.
     */
    @Override
    public <T extends EventListener> T createListener(Class<T> clazz) throws ServletException {
        ListenerTypes.check("createListener", Objects.requireNonNull(clazz, "clazz"));
        return registrations.create(clazz);
    }

    /** The roles join the declared security roles, which a constraint's {@code *} stands for. */
    @Override
    public void declareRoles(String... roleNames) {
        checkPhase("declareRoles");
        for (String r : roleNames) {
            if (r == null || r.isEmpty()) {
                throw new IllegalArgumentException("declareRoles: role names must not be null or empty");
            }
        }
        registrations.declareRoles(List.of(roleNames));
    }
}
