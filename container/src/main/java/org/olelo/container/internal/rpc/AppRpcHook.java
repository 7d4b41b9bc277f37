package org.olelo.container.internal.rpc;

import jakarta.servlet.ServletContext;
import java.util.IdentityHashMap;
import java.util.Map;
import org.olelo.api.rpc.RpcCommands;
import org.olelo.container.internal.deploy.AppRegistry;
import org.olelo.container.internal.deploy.AppServices;
import org.olelo.container.internal.deploy.AppServicesFactory;
import org.olelo.container.internal.deploy.ForwardingAppServicesFactory;
import org.olelo.container.internal.deploy.DeployedApp;

/**
 * Gives each deployed application version its own {@link AppRpcCommands}, in its context under
 * {@link RpcCommands#ATTRIBUTE} before its listeners run, and takes its commands away again: when
 * the version is undeployed or replaced (as it leaves the registry; the replacing version has by
 * then taken over the names it registered again), and when its deployment fails or it is destroyed
 * (release). Wraps the container's {@link AppServicesFactory}.
 *
 * <p>Called on the deployer thread; thread-safe.
 */
public final class AppRpcHook extends ForwardingAppServicesFactory implements AppRegistry.Listener {

    private final RpcRegistry registry;
    private final Map<AppServices, AppRpcCommands> byServices = new IdentityHashMap<>();

    /**
     * @param next     the container's factory
     * @param registry the server's command registry
     */
    public AppRpcHook(AppServicesFactory next, RpcRegistry registry) {
        super(next);
        this.registry = registry;
    }

    @Override
    public void contextCreated(String appName, AppServices services, ServletContext context) {
        super.contextCreated(appName, services, context);
        AppRpcCommands commands = new AppRpcCommands(registry, appName, context.getClassLoader());
        synchronized (byServices) {
            byServices.put(services, commands);
        }
        context.setAttribute(RpcCommands.ATTRIBUTE, commands);
    }

    @Override
    public void release(String appName, AppServices services) {
        AppRpcCommands commands;
        synchronized (byServices) {
            commands = byServices.remove(services);
        }
        if (commands != null) {
            commands.close();
        }
        super.release(appName, services);
    }

    @Override
    public void deployed(DeployedApp app) {
        // its commands were registered while its context was initialised
    }

    @Override
    public void undeployed(DeployedApp app) {
        closeCommands(app);
    }

    @Override
    public void replaced(DeployedApp old, DeployedApp now) {
        closeCommands(old);
    }

    private static void closeCommands(DeployedApp app) {
        if (app.servletContext().getAttribute(RpcCommands.ATTRIBUTE) instanceof AppRpcCommands c) {
            c.close();
        }
    }
}
