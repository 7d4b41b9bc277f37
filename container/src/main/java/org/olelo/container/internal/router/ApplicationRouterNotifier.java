package org.olelo.container.internal.router;

import jakarta.servlet.sip.ar.SipApplicationRouter;
import org.olelo.container.internal.deploy.AppRegistry;
import org.olelo.container.internal.deploy.DeployedApp;

import java.util.List;
import java.util.Objects;

/**
 * Feeds an application router with the deployments of an {@link AppRegistry}:
 * {@code applicationDeployed} / {@code applicationUndeployed} with the
 * application's name. A redeployment under the same name is not reported (the
 * name stays routable throughout). A removal is reported at once, while the
 * removed version still drains: the router gives it no new request, and its
 * existing calls never ask the router. Runs on the thread that changes the
 * registry (the deployer thread).
 */
public final class ApplicationRouterNotifier implements AppRegistry.Listener {

    private final SipApplicationRouter router;

    /** @param router the router to keep informed */
    public ApplicationRouterNotifier(SipApplicationRouter router) {
        this.router = Objects.requireNonNull(router, "router");
    }

    /**
     * Subscribes a notifier for {@code router} to {@code registry} and reports the
     * applications already deployed.
     *
     * @param registry the registry
     * @param router   the router
     * @return the subscribed notifier
     */
    public static ApplicationRouterNotifier attach(AppRegistry registry, SipApplicationRouter router) {
        ApplicationRouterNotifier n = new ApplicationRouterNotifier(router);
        registry.addListener(n, true);
        return n;
    }

    @Override
    public void deployed(DeployedApp app) {
        router.applicationDeployed(List.of(app.name()));
    }

    @Override
    public void undeployed(DeployedApp app) {
        router.applicationUndeployed(List.of(app.name()));
    }

    @Override
    public void replaced(DeployedApp old, DeployedApp now) {
        // same name: nothing changes for routing
    }
}
