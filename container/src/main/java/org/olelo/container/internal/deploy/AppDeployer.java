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
 *     swapping it in and shutting the old one down; if the new version fails, the
 *     <b>old version keeps running</b> and the failure is recorded;</li>
 * <li>a vanished source is undeployed.</li>
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

    /** Stops the poll thread and undeploys every application, newest first. */
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
            for (int i = sources.size() - 1; i >= 0; i--) {
                undeploy(sources.get(i));
            }
            tracked.clear();
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
    }

    private void deploy(Path source, Tracked t, AppFiles.Fingerprint fp) {
        t.attempted = fp;
        t.pending = null;
        Path work = newWorkDir(source);
        DeployedApp app;
        try {
            app = AppLifecycle.launch(source, work, services, containerLoader, name -> {
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
            old.shutdown();
            LOG.info("Redeployed {} from {}", app.name(), source);
        }
    }

    private void undeploy(Path source) {
        Tracked t = tracked.remove(source);
        failures.remove(source);
        if (t != null && t.app != null) {
            registry.remove(t.app);
            t.app.shutdown();
            LOG.info("Undeployed {} ({})", t.app.name(), source);
        }
    }

    private Path newWorkDir(Path source) {
        String base = AppFiles.baseName(source);
        Path p;
        do {
            p = workDir.resolve(base + "-" + counter.incrementAndGet());
        } while (Files.exists(p));
        return p;
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
