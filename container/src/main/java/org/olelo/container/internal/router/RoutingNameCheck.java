package org.olelo.container.internal.router;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.olelo.container.internal.deploy.AppRegistry;
import org.olelo.container.internal.deploy.DeployedApp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns, one line per tuple, about routing lines that name an application that is not deployed
 * (a typo such as {@code registar}, or an archive missing from {@code apps/}), with the file, the
 * line, the name and the applications that are deployed. Such a tuple is skipped silently by the
 * router, so without this a request would just get 404 or 403.
 *
 * <p>Checked after the start-up deployment ({@link #start()}), after each reload of the routing
 * file ({@link #routingReloaded()}, which warns again about what is still wrong), and when the set
 * of deployed applications changes; then only a tuple that has newly become unresolved is
 * reported, so nothing repeats on every poll. Tuples that route out ({@code ROUTE},
 * {@code ROUTE_BACK} with a route) need no application and are not checked.
 *
 * <p>Threads: called on the deployer thread (registry changes), the routing watcher and the
 * starting thread; the methods are serialised on this object and only read lock-free snapshots.
 */
public final class RoutingNameCheck implements AppRegistry.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(RoutingNameCheck.class);

    private final DefaultApplicationRouter router;
    private final AppRegistry registry;
    private final Path file;
    private Set<String> reported = Set.of();
    private boolean started;

    private RoutingNameCheck(DefaultApplicationRouter router, AppRegistry registry, Path file) {
        this.router = Objects.requireNonNull(router, "router");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.file = Objects.requireNonNull(file, "file");
    }

    /**
     * Subscribes a check to the registry; it stays silent until {@link #start()}.
     *
     * @param router   the router whose table is checked
     * @param registry the deployed applications
     * @param file     the routing file, for messages
     * @return the check
     */
    public static RoutingNameCheck attach(DefaultApplicationRouter router, AppRegistry registry, Path file) {
        RoutingNameCheck c = new RoutingNameCheck(router, registry, file);
        registry.addListener(c, false);
        return c;
    }

    /**
     * Checks once the applications present at start are deployed, and from then on at every change.
     *
     * @return the warnings logged
     */
    public synchronized List<String> start() {
        started = true;
        reported = Set.of();
        return check();
    }

    /**
     * Checks a newly loaded routing table, warning again about every tuple still unresolved.
     *
     * @return the warnings logged
     */
    public synchronized List<String> routingReloaded() {
        reported = Set.of();
        return started ? check() : List.of();
    }

    /** Stops checking: the applications undeployed while the server stops are not warned about. */
    public synchronized void stop() {
        started = false;
    }

    @Override
    public void deployed(DeployedApp app) {
        changed();
    }

    @Override
    public void undeployed(DeployedApp app) {
        changed();
    }

    @Override
    public void replaced(DeployedApp old, DeployedApp now) {
        if (!old.name().equals(now.name())) {
            changed();
        }
    }

    private synchronized void changed() {
        if (started) {
            check();
        }
    }

    /** A tuple naming an application that is not deployed. */
    private record Miss(int line, String application, String method) {
    }

    private List<String> check() {
        Set<String> deployed = new TreeSet<>();
        registry.all().forEach(a -> deployed.add(a.name()));
        List<Miss> misses = new ArrayList<>();
        router.table().byMethod().forEach((method, tuples) -> tuples.stream()
                .filter(t -> !t.routesOut() && !deployed.contains(t.application()))
                .forEach(t -> misses.add(new Miss(t.line(), t.application(), method))));
        misses.sort(Comparator.comparingInt(Miss::line).thenComparing(Miss::application));
        Set<String> now = new HashSet<>();
        List<String> logged = new ArrayList<>();
        String names = deployed.isEmpty() ? "none" : String.join(", ", deployed);
        for (Miss m : misses) {
            String key = m.line() + " " + m.application();
            if (now.add(key) && !reported.contains(key)) {
                String w = file + ":" + m.line() + ": " + m.method() + " routes to application '" + m.application()
                        + "', which is not deployed (deployed: " + names + "); the router skips this tuple";
                LOG.warn(w);
                logged.add(w);
            }
        }
        reported = Set.copyOf(now);
        return logged;
    }
}
