package org.olelo.container.internal.deploy;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.olelo.container.internal.context.ServletPojos;
import org.olelo.container.internal.pojo.PojoHandlers;
import org.olelo.container.internal.pojo.PojoServlet;

/**
 * The SIP servlet POJOs an application registers from its {@code SipServletContext} while it is
 * initialised ({@code addServletPOJO}): each joins the application's servlets as a
 * {@link PojoServlet}, with its {@link PojoRegistration}, and is initialised with the servlets of
 * the descriptor. Instances are created by the application's CDI container
 * ({@code createServletPOJO}).
 *
 * <p>{@link #add} runs on the deployer thread during {@code contextInitialized}; {@link #create}
 * on any thread (the creator is thread-safe).
 */
final class ServletPojoRegistry implements ServletPojos {

    private final Map<String, Servlet> servlets;
    private final Function<Class<?>, Object> creator;
    private final Path source;
    private final Map<String, PojoRegistration> added = new LinkedHashMap<>();

    /**
     * @param servlets the application's servlets by name, which registration adds to
     * @param creator  creates an injected, managed instance of a class
     * @param source   the application's source, for messages
     */
    ServletPojoRegistry(Map<String, Servlet> servlets, Function<Class<?>, Object> creator, Path source) {
        this.servlets = servlets;
        this.creator = creator;
        this.source = source;
    }

    @Override
    public ServletRegistration.Dynamic add(String servletName, Object pojo) {
        if (servlets.containsKey(servletName)) {
            return null;
        }
        Servlet servlet;
        if (pojo instanceof Servlet s) {
            servlet = s;
        } else {
            try {
                PojoHandlers handlers = AnnotationScanner.checkPojo(pojo.getClass(), source);
                servlet = new PojoServlet(pojo, handlers);
            } catch (DeploymentException e) {
                throw new IllegalArgumentException(e.problem().reason(), e);
            }
        }
        PojoRegistration r = new PojoRegistration(servletName, pojo.getClass().getName());
        servlets.put(servletName, servlet);
        added.put(servletName, r);
        return r;
    }

    @Override
    public <T> T create(Class<T> pojoClass) throws ServletException {
        try {
            return pojoClass.cast(creator.apply(pojoClass));
        } catch (RuntimeException | LinkageError e) {
            throw new ServletException("cannot create " + pojoClass.getName() + ": " + AppLifecycle.describe(e), e);
        }
    }

    /** The registration of a servlet added here, frozen from now on; null for one of the descriptor. */
    PojoRegistration registration(String servletName) {
        PojoRegistration r = added.get(servletName);
        if (r != null) {
            r.freeze();
        }
        return r;
    }
}
