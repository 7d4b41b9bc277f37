package org.olelo.container.internal.deploy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Deploys the applications found in a folder and keeps them in step with it.
 *
 * <p>Each {@code .sar}/{@code .war} archive or sub-folder of the apps folder is
 * one application. {@link #start()} deploys what is there, then one daemon
 * platform thread ({@code olelo-deployer}) scans the folder every
 * {@code pollMillis}:
 * <ul>
 * <li>a new or changed source (archive: size, modification time, inode; folder:
 *     file count, total size, newest modification time under WEB-INF) is acted on
 *     once it has looked the same on two consecutive scans, so that half-copied
 *     files are left alone;</li>
 * <li>a changed source is redeployed by deploying the new version first and then
 *     swapping it in: new application sessions go to the new version, while the
 *     old one is retired and drains ({@link AppDrainer}: it keeps its sessions
 *     until they end or the drain time passes, then it is shut down); if the new
 *     version fails, the <b>old version keeps running</b> and the failure is
 *     recorded;</li>
 * <li>a vanished source is undeployed: its version drains the same way.</li>
 * </ul>
 * A failure is logged as one ERROR line {@code file:line: reason} (stack trace at
 * DEBUG), kept in {@link #failures()} and retried only when the source changes.
 * Other applications are not affected.
 *
 * <p>All scanning, deploying and undeploying runs under one lock: on the poll
 * thread, or on the caller of {@link #start()}, {@link #scanNow()} and
 * {@link #stop()}.
 */
public final class AppDeployer {

    private static final Logger LOG = LoggerFactory.getLogger(AppDeployer.class);

    private final Path appsDir;
    private final Path workDir;
    private final AppServicesFactory services;
    private final AppRegistry registry;
    private final ClassLoader containerLoader = AppDeployer.class.getClassLoader();
    private final Map<Path, Tracked> tracked = new HashMap<>();
    private final Map<Path, DeployProblem> failures = new ConcurrentHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();
    private final Object lock = new Object();
    private final AppDrainer drainer = new AppDrainer();
    private volatile long pollMillis;
    private volatile Thread poller;

    /** What the deployer remembers of one source. */
    private static final class Tracked {
        AppFiles.Fingerprint attempted;
        AppFiles.Fingerprint pending;
        DeployedApp app;
    }

    /**
     * @param appsDir    the folder to watch ({@code deploy/apps})
     * @param workDir    where private copies go ({@code <data-dir>/work/apps})
     * @param services   creates each application's container objects
     * @param registry   where deployed applications are published
     * @param pollMillis the scan period
     */
    public AppDeployer(Path appsDir, Path workDir, AppServicesFactory services, AppRegistry registry, long pollMillis) {
        this.appsDir = Objects.requireNonNull(appsDir, "appsDir");
        this.workDir = Objects.requireNonNull(workDir, "workDir");
        this.services = Objects.requireNonNull(services, "services");
        this.registry = Objects.requireNonNull(registry, "registry");
        setPollMillis(pollMillis);
    }

    /**
     * Same as the five-argument constructor with a scan period of 1000 ms.
     *
     * @param appsDir  the folder to watch ({@code deploy/apps})
     * @param workDir  where private copies go ({@code <data-dir>/work/apps})
     * @param services creates each application's container objects
     * @param registry where deployed applications are published
     */
    public AppDeployer(Path appsDir, Path workDir, AppServicesFactory services, AppRegistry registry) {
        this(appsDir, workDir, services, registry, 1000);
    }

    /** @param millis the scan period, at least 10 ms; applies from the next scan */
    public void setPollMillis(long millis) {
        if (millis < 10) {
            throw new IllegalArgumentException("pollMillis must be at least 10: " + millis);
        }
        this.pollMillis = millis;
    }

    /**
     * Lets retired versions drain: until this is called, a retired version is shut down at once.
     * Call before {@link #start()}.
     *
     * @param work         the container's view of each version's sessions
     * @param drainSeconds how long a retired version keeps its sessions at most; 0 ends them at once
     */
    public void drainWith(VersionWork work, long drainSeconds) {
        synchronized (lock) {
            drainer.configure(Objects.requireNonNull(work, "work"), drainSeconds);
        }
    }

    /** @return the versions that were replaced or removed and still drain, oldest first */
    public List<DeployedApp> draining() {
        synchronized (lock) {
            return drainer.draining();
        }
    }

    /** @return the registry the deployer publishes to */
    public AppRegistry registry() {
        return registry;
    }

    /**
     * Removes copies left by an earlier run, deploys every application present
     * (without waiting for stability) and starts the poll thread.
     *
     * @throws IOException when the work folder cannot be prepared
     */
    public void start() throws IOException {
        Files.createDirectories(workDir);
        cleanWorkDir();
        synchronized (lock) {
            scan(true);
        }
        Thread t = Thread.ofPlatform().daemon().name("olelo-deployer").unstarted(this::pollLoop);
        poller = t;
        t.start();
    }

    /** Runs one scan now, on the calling thread (see the class comment for what a scan does). */
    public void scanNow() {
        synchronized (lock) {
            scan(false);
        }
    }

    /**
     * Stops the poll thread and undeploys every application, newest first, with the versions that
     * still drain: their sessions are invalidated, then they are shut down.
     */
    public void stop() {
        Thread t = poller;
        poller = null;
        if (t != null) {
            t.interrupt();
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (lock) {
            List<Path> sources = new ArrayList<>(tracked.keySet());
            List<DeployedApp> running = new ArrayList<>();
            for (int i = sources.size() - 1; i >= 0; i--) {
                Tracked gone = tracked.remove(sources.get(i));
                if (gone != null && gone.app != null) {
                    registry.remove(gone.app);
                    running.add(gone.app);
                    LOG.info("Undeployed {} ({})", gone.app.label(), sources.get(i));
                }
            }
            failures.clear();
            drainer.stop(running);
        }
    }

    /** @return the last deployment failure of each source that currently fails */
    public Map<Path, DeployProblem> failures() {
        return Map.copyOf(failures);
    }

    private void pollLoop() {
        while (poller == Thread.currentThread()) {
            try {
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                return;
            }
            try {
                synchronized (lock) {
                    if (poller == Thread.currentThread()) {
                        scan(false);
                    }
                }
            } catch (RuntimeException | LinkageError e) {
                LOG.error("Scan of {} failed: {}", appsDir, e.toString(), e);
            } catch (StackOverflowError e) {
                LOG.error("Scan of {} failed: {}", appsDir, e.toString());
            }
        }
    }

    private void scan(boolean initial) {
        List<Path> present = new ArrayList<>();
        if (Files.isDirectory(appsDir)) {
            try (Stream<Path> list = Files.list(appsDir)) {
                present = list.filter(AppFiles::isAppSource).sorted().toList();
            } catch (IOException e) {
                LOG.warn("Cannot list {}: {}", appsDir, e.toString());
                return;
            }
        }
        for (Path gone : new ArrayList<>(tracked.keySet())) {
            if (!present.contains(gone)) {
                undeploy(gone);
            }
        }
        for (Path source : present) {
            AppFiles.Fingerprint fp;
            try {
                fp = AppFiles.Fingerprint.of(source);
            } catch (IOException e) {
                continue;
            }
            Tracked t = tracked.computeIfAbsent(source, s -> new Tracked());
            if (fp.equals(t.attempted)) {
                t.pending = null;
            } else if (initial || fp.equals(t.pending)) {
                deploy(source, t, fp);
            } else {
                t.pending = fp;
            }
        }
        drainer.advance();
    }

    private void deploy(Path source, Tracked t, AppFiles.Fingerprint fp) {
        t.attempted = fp;
        t.pending = null;
        int number;
        Path work;
        do {
            number = counter.incrementAndGet();
            work = workDir.resolve(AppFiles.baseName(source) + "-" + number);
        } while (Files.exists(work));
        DeployedApp app;
        try {
            app = AppLifecycle.launch(source, work, number, services, containerLoader, name -> {
                DeployedApp other = registry.get(name);
                return other != null && !other.source().equals(source);
            });
        } catch (DeploymentException e) {
            failures.put(source, e.problem());
            LOG.error("Deployment failed{}: {}", t.app != null ? " (previous version kept)" : "", e.problem());
            LOG.debug("Deployment failure of {}", source, e);
            return;
        }
        failures.remove(source);
        DeployedApp old = t.app;
        t.app = app;
        if (old != null && !old.name().equals(app.name())) {
            registry.remove(old);
        }
        registry.put(app);
        if (old != null) {
            LOG.info("Redeployed {} from {}: new application sessions go to {}", app.name(), source, app.label());
            drainer.retire(old, "replaced by " + app.label());
        }
    }

    private void undeploy(Path source) {
        Tracked t = tracked.remove(source);
        failures.remove(source);
        if (t != null && t.app != null) {
            registry.remove(t.app);
            LOG.info("Undeployed {} ({}): it takes no new application sessions", t.app.label(), source);
            drainer.retire(t.app, "its source was removed");
        }
    }

    private void cleanWorkDir() throws IOException {
        try (Stream<Path> list = Files.list(workDir)) {
            for (Path p : list.toList()) {
                if (p.getFileName().toString().matches(".+-\\d+") && Files.isDirectory(p.resolve("WEB-INF"))) {
                    AppFiles.deleteTree(p);
                }
            }
        }
    }
}
