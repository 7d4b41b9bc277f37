package org.olelo.container.internal.deploy;

import jakarta.servlet.ServletContext;

/**
 * An {@link AppServicesFactory} that passes every call on to the one it wraps: the base of the
 * hooks that add something to each application (its commands, its connection events, its shared
 * maps) and override only the calls they add to, calling {@code super} to pass them on. Whatever
 * the factory interface gains is then passed on by every hook at once.
 *
 * <p>Threads: those of the wrapped factory (the deployer thread).
 */
public abstract class ForwardingAppServicesFactory implements AppServicesFactory {

    /** The factory every call is passed on to. */
    protected final AppServicesFactory next;

    /** @param next the factory every call is passed on to */
    protected ForwardingAppServicesFactory(AppServicesFactory next) {
        this.next = next;
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
    public AutoCloseable startHttp(HttpApp app) throws DeploymentException {
        return next.startHttp(app);
    }

    @Override
    public void release(String appName, AppServices services) {
        next.release(appName, services);
    }
}
