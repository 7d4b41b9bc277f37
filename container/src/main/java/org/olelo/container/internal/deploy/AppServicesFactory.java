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
     * Releases what {@link #create} made, once the application is undeployed or its
     * deployment failed. Does nothing by default.
     *
     * @param appName  the application's name
     * @param services what {@link #create} returned
     */
    default void release(String appName, AppServices services) {
    }
}
