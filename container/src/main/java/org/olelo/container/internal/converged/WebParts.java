package org.olelo.container.internal.converged;

import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.FilterInfo;
import io.undertow.servlet.api.ListenerInfo;
import io.undertow.servlet.api.ServletInfo;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.annotation.WebInitParam;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.annotation.WebServlet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.olelo.container.internal.deploy.DeploymentException;
import org.olelo.container.internal.deploy.HttpApp;
import org.olelo.container.internal.deploy.WebDescriptor;

/**
 * Puts an application's HTTP servlets, filters and listeners into an Undertow
 * {@link DeploymentInfo}: first those of {@code web.xml}, then the {@code @WebServlet},
 * {@code @WebFilter} and {@code @WebListener} classes the deployment's scan found (a servlet or
 * filter that web.xml declares under the same name keeps web.xml's declaration). Deployer thread.
 */
final class WebParts {

    private WebParts() {
    }

    /**
     * @param app  the application
     * @param into the deployment to fill
     * @return the names of the servlets added
     * @throws DeploymentException when a class is missing or is not what its declaration says
     */
    static List<String> add(HttpApp app, DeploymentInfo into) throws DeploymentException {
        CdiInstances cdi = new CdiInstances(app.instances());
        List<String> servlets = new ArrayList<>();
        Set<String> filters = new HashSet<>();
        WebDescriptor web = app.web();
        for (WebDescriptor.Servlet s : web.servlets()) {
            Class<? extends Servlet> c = load(app, s.className(), Servlet.class, "servlet " + s.name());
            ServletInfo info = new ServletInfo(s.name(), c, cdi.createInstanceFactory(c))
                    .addMappings(s.urlPatterns()).setAsyncSupported(s.async());
            if (s.loadOnStartup() >= 0) {
                info.setLoadOnStartup(s.loadOnStartup());
            }
            s.initParams().forEach(info::addInitParam);
            into.addServlet(info);
            servlets.add(s.name());
        }
        for (WebDescriptor.Filter f : web.filters()) {
            Class<? extends Filter> c = load(app, f.className(), Filter.class, "filter " + f.name());
            FilterInfo info = new FilterInfo(f.name(), c, cdi.createInstanceFactory(c))
                    .setAsyncSupported(f.async());
            f.initParams().forEach(info::addInitParam);
            into.addFilter(info);
            f.urlPatterns().forEach(p -> into.addFilterUrlMapping(f.name(), p, DispatcherType.REQUEST));
            f.servletNames().forEach(n -> into.addFilterServletNameMapping(f.name(), n, DispatcherType.REQUEST));
            filters.add(f.name());
        }
        for (String l : web.listeners()) {
            Class<? extends java.util.EventListener> c = load(app, l, java.util.EventListener.class, "listener");
            into.addListener(new ListenerInfo(c, cdi.createInstanceFactory(c)));
        }
        for (String className : app.webAnnotated()) {
            Class<?> c = load(app, className, Object.class, "annotated class");
            annotated(c, into, servlets, filters, cdi);
        }
        return servlets;
    }

    @SuppressWarnings("unchecked")
    private static void annotated(Class<?> c, DeploymentInfo into, List<String> servlets, Set<String> filters,
                                  CdiInstances cdi) {
        WebServlet ws = c.getAnnotation(WebServlet.class);
        if (ws != null && Servlet.class.isAssignableFrom(c)) {
            String name = ws.name().isEmpty() ? c.getName() : ws.name();
            if (!servlets.contains(name)) {
                Class<? extends Servlet> sc = (Class<? extends Servlet>) c;
                ServletInfo info = new ServletInfo(name, sc, cdi.createInstanceFactory(sc))
                        .addMappings(ws.urlPatterns().length > 0 ? ws.urlPatterns() : ws.value())
                        .setAsyncSupported(ws.asyncSupported());
                if (ws.loadOnStartup() >= 0) {
                    info.setLoadOnStartup(ws.loadOnStartup());
                }
                for (WebInitParam p : ws.initParams()) {
                    info.addInitParam(p.name(), p.value());
                }
                into.addServlet(info);
                servlets.add(name);
            }
        }
        WebFilter wf = c.getAnnotation(WebFilter.class);
        if (wf != null && Filter.class.isAssignableFrom(c)) {
            String name = wf.filterName().isEmpty() ? c.getName() : wf.filterName();
            if (filters.add(name)) {
                Class<? extends Filter> fc = (Class<? extends Filter>) c;
                FilterInfo info = new FilterInfo(name, fc, cdi.createInstanceFactory(fc)).setAsyncSupported(wf.asyncSupported());
                for (WebInitParam p : wf.initParams()) {
                    info.addInitParam(p.name(), p.value());
                }
                into.addFilter(info);
                for (String p : wf.urlPatterns().length > 0 ? wf.urlPatterns() : wf.value()) {
                    for (DispatcherType t : wf.dispatcherTypes()) {
                        into.addFilterUrlMapping(name, p, t);
                    }
                }
                for (String n : wf.servletNames()) {
                    for (DispatcherType t : wf.dispatcherTypes()) {
                        into.addFilterServletNameMapping(name, n, t);
                    }
                }
            }
        }
        if (c.isAnnotationPresent(WebListener.class) && java.util.EventListener.class.isAssignableFrom(c)) {
            Class<? extends java.util.EventListener> lc = (Class<? extends java.util.EventListener>) c;
            into.addListener(new ListenerInfo(lc, cdi.createInstanceFactory(lc)));
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> Class<? extends T> load(HttpApp app, String className, Class<T> type, String what)
            throws DeploymentException {
        Class<?> c;
        try {
            c = Class.forName(className, false, app.app().classLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new DeploymentException(app.app().source(), 0, what + ": class " + className
                    + " not found or not loadable: " + e.getMessage());
        }
        if (!type.isAssignableFrom(c)) {
            throw new DeploymentException(app.app().source(), 0, what + ": class " + className + " is not a "
                    + type.getSimpleName());
        }
        return (Class<? extends T>) c;
    }
}
