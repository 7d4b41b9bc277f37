package org.olelo.container.internal;

import jakarta.servlet.sip.SipSession;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.olelo.container.internal.deploy.AppRegistry;
import org.olelo.container.internal.deploy.DeployedApp;
import org.olelo.container.internal.deploy.VersionWork;
import org.olelo.container.internal.session.SessionManager;
import org.olelo.container.internal.session.SipApplicationSessionImpl;
import org.olelo.container.internal.session.SipSessionImpl;

/**
 * The deployed versions of the applications, as the container dispatches to them. Per name, the
 * newest version takes new application sessions (initial requests the router gives to the name);
 * every version, newest or draining, stays reachable from its sessions
 * ({@link DeployedAppContext#of}) and from its own container objects (by its class loader: the
 * {@code SipFactory} and {@code SipSessionsUtil} of a version create and find sessions of that
 * version) until the deployer destroys it.
 *
 * <p>Told about deployments by the registry on the deployer thread, and asked by the deployer
 * (as {@link VersionWork}) about what a retired version still holds; read lock-free from any
 * thread.
 */
final class AppVersions implements AppRegistry.Listener, VersionWork {

    private final ConcurrentHashMap<String, DeployedAppContext> newest = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<ClassLoader, DeployedAppContext> live = new ConcurrentHashMap<>();
    private final SessionManager sessions;
    private final Consumer<DeployedApp> onDeployed;

    /**
     * @param sessions   the session table
     * @param onDeployed told about each new version once it takes new sessions (deployer thread)
     */
    AppVersions(SessionManager sessions, Consumer<DeployedApp> onDeployed) {
        this.sessions = sessions;
        this.onDeployed = onDeployed;
    }

    /** The version of the application that takes new application sessions, or null when none does. */
    DeployedAppContext newest(String appName) {
        return appName == null ? null : newest.get(appName);
    }

    /** The newest version of every application. */
    Collection<DeployedAppContext> newestAll() {
        return List.copyOf(newest.values());
    }

    /**
     * The version whose class loader this is, until its destruction is over (its
     * {@code destroy()} and {@code contextDestroyed} have returned); else null.
     */
    DeployedAppContext ofLoader(ClassLoader loader) {
        return live.get(loader);
    }

    /** The live application sessions of every version of the application (any thread; a scrape's pace). */
    int liveSessions(String appName) {
        int n = 0;
        for (DeployedAppContext v : live.values()) {
            if (v.app().name().equals(appName)) {
                n += v.liveSessions();
            }
        }
        return n;
    }

    // ------------------------------------------------------------------ registry (deployer thread)

    @Override
    public void deployed(DeployedApp app) {
        DeployedAppContext v = new DeployedAppContext(app);
        live.put(app.classLoader(), v);
        newest.put(app.name(), v);
        onDeployed.accept(app);
    }

    @Override
    public void replaced(DeployedApp old, DeployedApp now) {
        deployed(now); // the old version stays live: it drains
    }

    @Override
    public void undeployed(DeployedApp app) {
        newest.computeIfPresent(app.name(), (k, v) -> v.app() == app ? null : v);
    }

    // ------------------------------------------------------------------ draining (deployer thread)

    @Override
    public int liveSessions(DeployedApp version) {
        DeployedAppContext v = live.get(version.classLoader());
        return v == null ? 0 : v.liveSessions();
    }

    @Override
    public Holdings holdings(DeployedApp version) {
        DeployedAppContext v = live.get(version.classLoader());
        int count = 0;
        int timers = 0;
        int dialogs = 0;
        if (v != null) {
            for (SipApplicationSessionImpl as : sessions.all()) {
                if (as.app() == v && as.isValid()) {
                    count++;
                    timers += as.activeTimerCount();
                    for (SipSessionImpl s : as.sipSessions()) {
                        SipSession.State st = s.getState();
                        dialogs += st == SipSession.State.EARLY || st == SipSession.State.CONFIRMED ? 1 : 0;
                    }
                }
            }
        }
        return new Holdings(count, timers, dialogs);
    }

    @Override
    public Tally end(DeployedApp version, boolean hangUp) {
        Tally tally = new Tally();
        DeployedAppContext v = live.get(version.classLoader());
        if (v != null) {
            for (SipApplicationSessionImpl as : sessions.all()) {
                if (as.app() == v) {
                    as.executor().execute(() -> SessionEnding.end(as, hangUp, tally));
                }
            }
        }
        return tally;
    }

    @Override
    public void destroying(DeployedApp version) {
        DeployedAppContext v = live.get(version.classLoader());
        if (v != null) {
            v.markClosing();
        }
    }

    @Override
    public void forget(DeployedApp version) {
        DeployedAppContext v = live.remove(version.classLoader());
        if (v != null) {
            v.markGone();
            newest.remove(version.name(), v);
        }
    }
}
