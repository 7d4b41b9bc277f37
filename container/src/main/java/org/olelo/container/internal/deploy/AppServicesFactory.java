package org.olelo.container.internal.deploy;

/**
 * Creates the container objects of each application; implemented by the
 * container core. Called on the deployer thread.
 */
public interface AppServicesFactory {

    /**
     * Creates the objects for an application about to be deployed.
     *
     * @param appName   the application's name
     * @param appLoader the application's class loader
     * @return the application's services
     */
    AppServices create(String appName, ClassLoader appLoader);

    /**
     * The application's context exists and holds the container's objects; its listeners have not
     * run yet. Puts further attributes in it (the application's management commands). Does
     * nothing by default.
     *
     * @param appName  the application's name
     * @param services what {@link #create} returned for it
     * @param context  its context
     */
    default void contextCreated(String appName, AppServices services, jakarta.servlet.ServletContext context) {
    }

    /**
     * Starts the HTTP side of an application that has one ({@link HttpApp#hasHttpParts()}), once
     * its SIP servlets are initialised and before it is registered. Returns what stops it, which
     * the application's shutdown calls after its SIP servlets are destroyed. Not a default method:
     * a factory that wraps another must pass it on (one that did not silently served no HTTP).
     *
     * @param app what the HTTP side is built from
     * @return what stops the HTTP side, or null when none was started
     * @throws DeploymentException when the HTTP side cannot be started; the deployment fails
     */
    AutoCloseable startHttp(HttpApp app) throws DeploymentException;

    /**
     * Releases what {@link #create} made, once the application is undeployed or its
     * deployment failed. Does nothing by default.
     *
     * @param appName  the application's name
     * @param services what {@link #create} returned
     */
    default void release(String appName, AppServices services) {
    }
}
