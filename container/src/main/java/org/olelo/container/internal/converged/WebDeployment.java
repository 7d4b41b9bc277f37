package org.olelo.container.internal.converged;

import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.resource.PathResourceManager;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.servlet.api.FilterInfo;
import io.undertow.servlet.core.InMemorySessionManagerFactory;
import io.undertow.servlet.api.ListenerInfo;
import io.undertow.servlet.api.ServletContainer;
import io.undertow.servlet.api.ServletSessionConfig;
import io.undertow.servlet.api.ServletStackTraces;
import io.undertow.servlet.util.ImmediateInstanceFactory;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.http.HttpSessionListener;
import java.util.List;
import java.util.Set;
import org.olelo.container.internal.deploy.DeploymentException;
import org.olelo.container.internal.deploy.HttpApp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of one application version: an Undertow servlet deployment under the
 * application's context path, with the application's class loader, its CDI container creating the
 * servlets, filters and listeners ({@link CdiInstances}), its SIP context's attribute map and init
 * parameters, its static files (outside {@code WEB-INF} and {@code META-INF}), and
 * {@link ConvergedFilter} in front of its own filters. An exception of the application's code is
 * answered with a bare 500 page (no stack trace, even to loopback clients) and logged. Started and closed on the deployer thread
 * with the application's class loader as context class loader.
 */
final class WebDeployment implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebDeployment.class);
    private static final String FILTER = "olelo-converged-session";
    /** HTTP sessions one application version keeps at most (the least recently used one goes first). */
    static final int MAX_HTTP_SESSIONS = 100_000;

    private final ServletContainer container;
    private final DeploymentManager manager;
    private final DeploymentInfo info;
    private final HttpHandler handler;

    private WebDeployment(ServletContainer container, DeploymentManager manager, DeploymentInfo info, HttpHandler handler) {
        this.container = container;
        this.manager = manager;
        this.info = info;
        this.handler = handler;
    }

    /**
     * Deploys and starts the HTTP side (listeners run, load-on-startup servlets are initialised).
     *
     * @param app         the application
     * @param contextPath {@code /name}
     * @param container   Undertow's servlet container of the server
     * @param base        gives {@code http://host:port} of the listener, or null while there is none
     * @return the running HTTP side
     * @throws DeploymentException when a class is missing or a listener, filter or servlet fails to start
     */
    static WebDeployment start(HttpApp app, String contextPath, ServletContainer container,
                               java.util.function.Supplier<String> base)
            throws DeploymentException {
        SessionLinks links = new SessionLinks(app.context(), () -> {
            String b = base.get();
            return b == null ? null : b + contextPath;
        });
        DeploymentInfo info = Servlets.deployment()
                .setClassLoader(app.app().classLoader())
                .setContextPath(contextPath)
                .setDeploymentName(app.app().label())
                .setDisplayName(app.context().getServletContextName())
                .setServletContextAttributeBackingMap(app.context().attributeMap())
                .setClassIntrospecter(new CdiInstances(app.instances())) // for what the application adds itself
                .setResourceManager(new PathResourceManager(app.app().workDir()))
                .setServletSessionConfig(new ServletSessionConfig()
                        .setSessionTrackingModes(Set.of(SessionTrackingMode.COOKIE, SessionTrackingMode.URL)))
                .setEagerFilterInit(true)
                // an exception of the application's code becomes a bare 500, even for a loopback client
                .setServletStackTraces(ServletStackTraces.NONE);
        // HTTP sessions held in memory at most; past it the least recently used one is expired
        info.setSessionManagerFactory(new InMemorySessionManagerFactory(MAX_HTTP_SESSIONS));
        if (app.web().sessionTimeoutMinutes() > 0) {
            info.setDefaultSessionTimeout(app.web().sessionTimeoutMinutes() * 60);
        }
        for (String name : java.util.Collections.list(app.context().getInitParameterNames())) {
            info.addInitParameter(name, app.context().getInitParameter(name));
        }
        info.addFilter(new FilterInfo(FILTER, ConvergedFilter.class,
                new ImmediateInstanceFactory<>(new ConvergedFilter(links))).setAsyncSupported(true));
        info.addFilterUrlMapping(FILTER, "/*", DispatcherType.REQUEST);
        info.addListener(new ListenerInfo(HttpSessionListener.class, new ImmediateInstanceFactory<>(links)));
        List<String> servlets = WebParts.add(app, info);
        DeploymentManager manager = container.addDeployment(info);
        try {
            manager.deploy();
            HttpHandler handler = manager.start();
            LOG.info("HTTP side of {} at {}: servlets {}", app.app().label(), contextPath, servlets);
            return new WebDeployment(container, manager, info, handler);
        } catch (ServletException | RuntimeException e) {
            stop(container, manager, info);
            Throwable root = e.getCause() != null ? e.getCause() : e;
            throw new DeploymentException(app.app().source(), 0, "HTTP side failed to start: "
                    + root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage()));
        }
    }

    /** @return the handler of the deployment's requests (paths relative to the context path) */
    HttpHandler handler() {
        return handler;
    }

    /** Stops the HTTP side: servlets destroyed, listeners told, sessions ended, context attributes cleared. */
    @Override
    public void close() {
        stop(container, manager, info);
        LOG.debug("HTTP side of {} stopped", info.getDeploymentName());
    }

    private static void stop(ServletContainer container, DeploymentManager manager, DeploymentInfo info) {
        try {
            manager.stop();
        } catch (ServletException | RuntimeException e) {
            LOG.warn("HTTP side of {}: stop failed: {}", info.getDeploymentName(), e.toString());
        }
        try {
            manager.undeploy();
        } finally {
            container.removeDeployment(info);
        }
    }
}
