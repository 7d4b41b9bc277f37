package org.olelo.container.internal.converged;

import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.ServletContainer;
import jakarta.servlet.ServletContext;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.olelo.container.internal.deploy.AppRegistry;
import org.olelo.container.internal.deploy.AppServices;
import org.olelo.container.internal.deploy.AppServicesFactory;
import org.olelo.container.internal.deploy.DeployedApp;
import org.olelo.container.internal.deploy.DeploymentException;
import org.olelo.container.internal.deploy.HttpApp;
import org.olelo.container.internal.http.HttpRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the HTTP side of converged applications on the server's HTTP listener. Wraps the
 * container's {@link AppServicesFactory}: an application with HTTP servlets, filters, listeners or
 * a web.xml gets a {@link WebDeployment} under the context path {@code /<application name>} once
 * its SIP side is initialised; the path is mounted ({@link AppSlot}) when the version is
 * registered, handed to the next version when it is replaced, and removed when it is undeployed
 * (its requests get 404 from then on). A name whose path the server's management endpoints use
 * ({@code /rpc}, {@code /metrics}, {@code /console/}...) or that is not a plain URL segment fails
 * the deployment.
 *
 * <p>Deployer thread only (the registry reports on it too).
 */
public final class ConvergedHttp implements AppServicesFactory, AppRegistry.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(ConvergedHttp.class);
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._~-]+");

    private final AppServicesFactory next;
    private final HttpRoutes routes;
    private final Supplier<String> base;
    private final ServletContainer container = Servlets.newContainer();
    private final Map<DeployedApp, WebDeployment> byApp = new IdentityHashMap<>();
    private final Map<String, AppSlot> slots = new HashMap<>();

    /**
     * @param next   the factory this one wraps
     * @param routes the HTTP listener's paths
     * @param base   {@code http://host:port} of the listener once it runs, else null
     */
    public ConvergedHttp(AppServicesFactory next, HttpRoutes routes, Supplier<String> base) {
        this.next = next;
        this.routes = routes;
        this.base = base;
    }

    @Override
    public AppServices create(String appName, ClassLoader appLoader) {
        return next.create(appName, appLoader);
    }

    @Override
    public void contextCreated(String appName, AppServices services, ServletContext context) {
        next.contextCreated(appName, services, context);
    }

    @Override
    public void release(String appName, AppServices services) {
        next.release(appName, services);
    }

    @Override
    public synchronized AutoCloseable startHttp(HttpApp app) throws DeploymentException {
        String name = app.app().name();
        String path = "/" + name;
        if (!SEGMENT.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new DeploymentException(app.app().source(), 0, "application name '" + name
                    + "' cannot be a URL path for its HTTP servlets: use letters, digits, '.', '_', '~' or '-'");
        }
        for (Map.Entry<String, Boolean> m : routes.mounted().entrySet()) {
            String taken = m.getKey().endsWith("/") ? m.getKey().substring(0, m.getKey().length() - 1) : m.getKey();
            if (m.getValue() && taken.equals(path)) {
                LOG.error("Deployment of {} refused: its HTTP context path {} is the server's management path {}",
                        name, path, m.getKey());
                throw new DeploymentException(app.app().source(), 0, "HTTP context path " + path
                        + " is a management path of the server; give the application another name");
            }
        }
        WebDeployment web = WebDeployment.start(app, path, container, base);
        byApp.put(app.app(), web);
        return () -> {
            synchronized (this) {
                byApp.remove(app.app());
            }
            web.close();
        };
    }

    @Override
    public synchronized void deployed(DeployedApp app) {
        WebDeployment web = byApp.get(app);
        if (web != null) {
            slots.computeIfAbsent(app.name(), n -> {
                AppSlot slot = new AppSlot();
                routes.open("/" + n + "/", slot);
                return slot;
            }).serve(web);
        }
    }

    @Override
    public synchronized void replaced(DeployedApp old, DeployedApp now) {
        if (byApp.containsKey(now)) {
            deployed(now);
        } else {
            undeployed(old);
        }
    }

    @Override
    public synchronized void undeployed(DeployedApp app) {
        AppSlot slot = slots.remove(app.name());
        if (slot != null) {
            slot.serve(null);
            routes.unmount("/" + app.name() + "/");
            LOG.info("HTTP paths of {} removed", app.label());
        }
    }
}
