package org.olelo.container.internal.deploy;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.EventListener;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.olelo.container.internal.context.Registrations;
import org.olelo.container.internal.pojo.PojoHandlers;
import org.olelo.container.internal.pojo.PojoServlet;

/**
 * What an application registers from its context while it is initialised, kept where the rest of
 * the container finds it: servlets and SIP servlet POJOs (a POJO wrapped in a {@link PojoServlet})
 * join the application's servlets and are initialised with the declared ones; listeners and
 * security roles join those of the {@link DeployedApp}. Every servlet, declared or added, has an
 * {@link AppServletRegistration} whose init parameters its {@code init} receives. Instances are
 * created by the application's CDI container.
 *
 * <p>The adding methods run on the deployer thread during {@code contextInitialized}; the
 * look-ups and {@link #create} on any thread.
 */
final class AppRegistrations implements Registrations {

    private final Map<String, Servlet> servlets;
    private final DeployedApp app;
    private final Function<Class<?>, Object> creator;
    private final Path source;
    private final Map<String, AppServletRegistration> byName = Collections.synchronizedMap(new LinkedHashMap<>());

    /**
     * @param servlets the application's servlets by name, which registration adds to
     * @param app      the application, whose listeners and roles registration adds to
     * @param creator  creates an injected, managed instance of a class
     * @param source   the application's source, for messages
     */
    AppRegistrations(Map<String, Servlet> servlets, DeployedApp app, Function<Class<?>, Object> creator, Path source) {
        this.servlets = servlets;
        this.app = app;
        this.creator = creator;
        this.source = source;
        for (String name : servlets.keySet()) {
            ServletDef def = app.descriptor().servlet(name).orElseThrow();
            AppServletRegistration r = new AppServletRegistration(name, def.className(), def.initParams());
            r.setLoadOnStartup(def.loadOnStartup());
            byName.put(name, r);
        }
    }

    @Override
    public ServletRegistration.Dynamic addServlet(String servletName, Object servlet) {
        if (servlets.containsKey(servletName)) {
            return null;
        }
        Servlet s;
        if (servlet instanceof Servlet given) {
            s = given;
        } else {
            try {
                PojoHandlers handlers = AnnotationScanner.checkPojo(servlet.getClass(), source);
                s = new PojoServlet(servlet, handlers);
            } catch (DeploymentException e) {
                throw new IllegalArgumentException(e.problem().reason(), e);
            }
        }
        AppServletRegistration r = new AppServletRegistration(servletName, servlet.getClass().getName(), Map.of());
        servlets.put(servletName, s);
        byName.put(servletName, r);
        return r;
    }

    @Override
    public <T> T create(Class<T> type) throws ServletException {
        try {
            return type.cast(creator.apply(type));
        } catch (RuntimeException | LinkageError e) {
            throw new ServletException("cannot create " + type.getName() + ": " + AppLifecycle.describe(e), e);
        }
    }

    @Override
    public ServletRegistration registration(String servletName) {
        return byName.get(servletName);
    }

    @Override
    public Map<String, ServletRegistration> registrations() {
        synchronized (byName) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(byName));
        }
    }

    @Override
    public void addListener(EventListener listener) {
        app.addListener(listener);
    }

    @Override
    public void declareRoles(Collection<String> roles) {
        app.declareRoles(roles);
    }

    /** The servlets are being initialised: no registration can change from now on. */
    void freeze() {
        synchronized (byName) {
            byName.values().forEach(AppServletRegistration::freeze);
        }
    }

    /** @return the registration of a servlet of the application (declared or added) */
    AppServletRegistration of(String servletName) {
        return byName.get(servletName);
    }
}
