package org.olelo.container.internal.deploy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The deployed applications by name. Reads ({@link #get}, {@link #all}) are
 * lock-free and safe from any thread; changes come from the deployer thread and
 * are reported to listeners on that thread, in registration order, after the map
 * has changed. A listener that throws is logged and does not stop the others.
 */
public final class AppRegistry {

    /** Told about deployments; called on the deployer thread. */
    public interface Listener {

        /** @param app an application just deployed under a new name */
        void deployed(DeployedApp app);

        /**
         * @param app an application just removed: it takes no new application sessions and drains
         *            ({@link AppDrainer}) before it is shut down
         */
        void undeployed(DeployedApp app);

        /**
         * An application was redeployed under the same name. By default reported as
         * {@link #undeployed} of the old one then {@link #deployed} of the new one.
         *
         * @param old the previous version, which now drains: it keeps its application sessions
         *            until they end, then it is shut down
         * @param now the new version, already taking new application sessions
         */
        default void replaced(DeployedApp old, DeployedApp now) {
            undeployed(old);
            deployed(now);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(AppRegistry.class);

    private final Map<String, DeployedApp> apps = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    /** @return the application of that name, or null */
    public DeployedApp get(String name) {
        return apps.get(name);
    }

    /** @return a snapshot of the deployed applications */
    public Collection<DeployedApp> all() {
        return List.copyOf(apps.values());
    }

    /**
     * @param listener the listener to add
     * @param replay   whether to report the applications already deployed to it first
     */
    public synchronized void addListener(Listener listener, boolean replay) {
        if (replay) {
            apps.values().forEach(a -> safely(() -> listener.deployed(a)));
        }
        listeners.add(listener);
    }

    /** @param listener the listener to remove */
    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /**
     * Registers an application, replacing one of the same name.
     *
     * @param app the application
     * @return the replaced application, or null
     */
    synchronized DeployedApp put(DeployedApp app) {
        DeployedApp old = apps.put(app.name(), app);
        for (Listener l : listeners) {
            safely(old == null ? () -> l.deployed(app) : () -> l.replaced(old, app));
        }
        return old;
    }

    /**
     * Removes an application if it is the one registered under its name.
     *
     * @param app the application
     * @return whether it was removed
     */
    synchronized boolean remove(DeployedApp app) {
        if (!apps.remove(app.name(), app)) {
            return false;
        }
        for (Listener l : listeners) {
            safely(() -> l.undeployed(app));
        }
        return true;
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.error("Deployment listener failed: {}", e.toString(), e);
        }
    }
}
