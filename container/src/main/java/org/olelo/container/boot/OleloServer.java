package org.olelo.container.boot;

import jakarta.servlet.sip.ar.SipApplicationRouter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.stream.Collectors;
import org.olelo.container.internal.SipContainer;
import org.olelo.container.internal.db.DataFolder;
import org.olelo.container.internal.db.DatabaseService;
import org.olelo.container.internal.db.SubscriberStore;
import org.olelo.container.internal.deploy.AppDeployer;
import org.olelo.container.internal.deploy.AppServicesFactory;
import org.olelo.container.internal.deploy.AppRegistry;
import org.olelo.container.internal.deploy.DeployedApp;
import org.olelo.container.internal.log.CallLog;
import org.olelo.container.internal.net.AppConnectionsHook;
import org.olelo.container.internal.router.ApplicationRouterNotifier;
import org.olelo.container.internal.router.DefaultApplicationRouter;
import org.olelo.container.internal.router.LoadedRouter;
import org.olelo.container.internal.router.RouterLoadException;
import org.olelo.container.internal.router.RouterLoader;
import org.olelo.container.internal.router.RoutingNameCheck;
import org.olelo.container.internal.runtime.ContainerRuntime;
import org.olelo.container.internal.security.DigestAuthenticator;
import org.olelo.container.internal.security.InitialRequestGuard;
import org.olelo.container.internal.security.SharedNonceKey;
import org.olelo.container.internal.tls.SelfSignedTls;
import org.olelo.container.internal.trace.ConfiguredTrace;
import org.olelo.container.internal.trace.SipTrace;
import org.olelo.container.internal.trace.TraceSettings;
import org.olelo.core.SipCore;
import org.olelo.core.spi.Resolver;
import org.olelo.core.transport.InMemoryTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Olelo: the database, the SIP core, the container, the deployer of
 * {@code deploy/apps/} and the application router: a custom one from a
 * {@code SipApplicationRouterProvider} on the class path or in {@code deploy/lib/}, else the
 * default one of {@code deploy/routing.properties} ({@link RouterLoader}). Start order: database
 * (pools and the container's schema), router, applications, then the listening points, so that the
 * first request already finds every application deployed; the database is closed last.
 */
public final class OleloServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OleloServer.class);

    private final ServerConfig config;
    private final DatabaseService database;
    private final SipCore core;
    private final ContainerRuntime runtime;
    private final LoadedRouter loadedRouter;
    private final DefaultApplicationRouter router;
    private final AppRegistry registry;
    private final AppDeployer deployer;
    private final RoutingNameCheck routingNames;
    private final Thread routerWatcher;
    private final SipTrace trace;
    private final ConfiguredTrace configuredTrace;
    private final OperationsPlane operations;
    private final CallTracking calls;
    private final AppConnectionsHook connections;
    private final org.olelo.container.internal.cluster.ClusterWiring cluster;
    private volatile ConfigWatcher configWatcher;
    private volatile boolean closed;

    private OleloServer(ServerConfig config, DatabaseService database, Resolver resolver, boolean systemResolver,
                        List<InMemoryTransport> memory, long t0) throws Exception {
        this.config = config;
        this.database = database;
        org.olelo.container.internal.nat.ContactFix contactFix = org.olelo.container.internal.nat.ContactFix.parse(
                config.core().extensions().get(org.olelo.container.internal.nat.ContactFix.KEY)); // fails before anything opens
        core = new SipCore(SelfSignedTls.apply(config.core(), config.dataDir()), resolver);
        DnsLocators.install(core, config.core().extensions(), systemResolver);
        core.useRouteTokens(RouteKey.tokens(config));
        memory.forEach(core::addInMemory);
        runtime = new ContainerRuntime(core, config.localDomains());
        runtime.setContactFix(contactFix);
        try {
            loadedRouter = RouterLoader.load(System.getProperty(RouterLoader.PROVIDER_PROPERTY), config.libDir(),
                    config.routingFile(), RouterLoader.properties(config.deployDir(), config.routingFile(), config.router()),
                    OleloServer.class.getClassLoader());
        } catch (RouterLoadException e) {
            core.close();
            runtime.close();
            throw e;
        }
        router = loadedRouter.defaultRouter();
        registry = new AppRegistry();
        ApplicationRouterNotifier.attach(registry, loadedRouter.router());
        routingNames = router == null ? null : RoutingNameCheck.attach(router, registry, config.routingFile());
        SipContainer container = new SipContainer(runtime, loadedRouter.router(), registry,
                "proxy".equalsIgnoreCase(config.unroutedPolicy()), database.defaultPool(), guard(config, database, runtime));
        container.setCallLog(new CallLog(config.log().calls()));
        calls = CallTracking.start(config.calls(), runtime, database.defaultPool());
        operations = new OperationsPlane(config.management());
        // only with cluster.name set: otherwise no class of the cluster module is loaded
        cluster = config.core().extensions().getOrDefault("cluster.name", "").isBlank() ? null
                : ClusterStart.join(config, operations, runtime, () -> {
                    calls.close();
                    core.close();
                    loadedRouter.close();
                    runtime.close();
                });
        if (cluster != null) {
            cluster.takeOverOrphans(container::takeOverSessions); // the sessions of members that die
        }
        AppServicesFactory services = operations.appServices(container, registry);
        connections = new AppConnectionsHook(cluster == null ? services : cluster.appServices(services),
                core.connectionEvents());
        deployer = new AppDeployer(config.appsDir(), config.dataDir().resolve("work").resolve("apps"),
                connections, registry, config.pollMillis());
        deployer.drainWith(container.versionWork(), config.drainSeconds());
        // the container's commands first: applications cannot take their names
        operations.addContainerCommands(this, container.versionWork(), java.time.Instant.now());
        deployer.start();
        if (routingNames != null) {
            routingNames.start();
        }
        try {
            core.start(operations.gate(container, core, this::close));
        } catch (IOException | RuntimeException e) {
            if (routingNames != null) {
                routingNames.stop();
            }
            core.close();
            deployer.stop();
            if (cluster != null) {
                cluster.close();
            }
            calls.close();
            loadedRouter.close();
            runtime.close();
            throw e;
        }
        container.coreStarted();
        TraceSettings ts = config.log().trace();
        trace = new SipTrace(core, ts.fileIn(config.dataDir()), ts.hep(), ts.hepId());
        configuredTrace = new ConfiguredTrace(trace, config.dataDir());
        configuredTrace.apply(ts);
        routerWatcher = Thread.ofPlatform().daemon().name("olelo-routing-watch").start(this::watchRouting);
        try {
            operations.start();
        } catch (org.olelo.container.internal.http.HttpListenException e) {
            close();
            throw e;
        }
        long sinceProcess = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        String apps = registry.all().stream().map(DeployedApp::name).sorted().collect(Collectors.joining(", "));
        LOG.info("Olelo ready in {} ms ({} ms since process start) on {}; applications: [{}]",
                (System.nanoTime() - t0) / 1_000_000, sinceProcess, core.describeListeners(), apps);
    }

    private static InitialRequestGuard guard(ServerConfig config, DatabaseService db, ContainerRuntime runtime)
            throws IOException {
        if (!config.auth().enabled()) {
            LOG.warn("auth.enabled=false: the security constraints of applications are not enforced");
            return InitialRequestGuard.OPEN;
        }
        byte[] routeKey = RouteKey.shared(config);
        if (routeKey != null) {
            LOG.info("digest nonces are derived from cluster.route.key: every node with that key accepts them");
        }
        return new DigestAuthenticator(config.auth(), new SubscriberStore(db.defaultPool()), runtime.statistics().container(),
                routeKey == null ? null : SharedNonceKey.fromRouteKey(routeKey));
    }

    /** Starts a server with the operating system's resolver and socket transports only. */
    public static OleloServer start(ServerConfig config) throws Exception {
        return start(config, Resolver.system(), true, List.of());
    }

    /**
     * Starts a server with a given resolver and extra in-memory connectors (protocol tests run the
     * whole server path on them without sockets). RFC 3263 location (NAPTR, SRV) is used only when
     * {@code dns.servers} names a DNS server, so that such a server never asks the system's DNS.
     */
    public static OleloServer start(ServerConfig config, Resolver resolver, List<InMemoryTransport> memory) throws Exception {
        return start(config, resolver, false, memory);
    }

    private static OleloServer start(ServerConfig config, Resolver resolver, boolean systemResolver,
                                     List<InMemoryTransport> memory) throws Exception {
        long t0 = System.nanoTime();
        DataFolder.prepare(config.dataDir());
        DeployFolderCheck.run(config);
        DatabaseService database = DatabaseService.open(config.db(), config.dataDir());
        try {
            return new OleloServer(config, database, resolver, systemResolver, memory, t0);
        } catch (Exception | Error e) {
            database.close();
            throw e;
        }
    }

    private void watchRouting() {
        while (!closed) {
            try {
                Thread.sleep(config.pollMillis());
                if (router != null && router.reloadIfChanged()) {
                    routingNames.routingReloaded();
                }
                ConfigWatcher w = configWatcher;
                if (w != null) {
                    w.checkIfChanged();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("routing reload failed", e);
            }
        }
    }

    /**
     * Watches the configuration file from now on and applies changes of its {@code trace.*} keys
     * (see {@link ConfigWatcher}); replaces an earlier watch.
     *
     * @param file   the configuration file, which need not exist yet
     * @param reload loads the whole configuration again, from the places it was loaded from at start
     * @return the watcher
     */
    public ConfigWatcher watchConfiguration(java.nio.file.Path file, ConfigWatcher.Reload reload) {
        ConfigWatcher w = new ConfigWatcher(file, reload, config, configuredTrace);
        configWatcher = w;
        return w;
    }

    /** The operations plane: management commands, HTTP paths and listener, graceful shutdown. */
    public OperationsPlane operations() {
        return operations;
    }

    /** The routing lines that name applications not deployed, as checked now (empty with a custom router). */
    List<String> routingWarnings() {
        return routingNames == null ? List.of() : routingNames.routingReloaded();
    }

    /** The SIP message trace (start and stop traces while the server runs). */
    public SipTrace trace() {
        return trace;
    }

    /** The SIP core. */
    public SipCore core() {
        return core;
    }

    /** The configuration the server runs with. */
    public ServerConfig config() {
        return config;
    }

    /** The application deployer. */
    public AppDeployer deployer() {
        return deployer;
    }

    /** The default application router, or null when a custom one is in use ({@link #applicationRouter()}). */
    public DefaultApplicationRouter router() {
        return router;
    }

    /** The application router in use: the default one or the one a provider gave. */
    public SipApplicationRouter applicationRouter() {
        return loadedRouter.router();
    }

    /** The deployed applications. */
    public AppRegistry applications() {
        return registry;
    }

    /** The database service (connection pools). */
    public DatabaseService database() {
        return database;
    }

    /** The cluster (membership, shared caches), or null when {@code cluster.name} is empty. */
    public org.olelo.container.internal.cluster.ClusterWiring cluster() {
        return cluster;
    }

    /** The dialog table and the accounting. */
    public CallTracking calls() {
        return calls;
    }

    /** The container-wide services (sessions, timers). */
    public ContainerRuntime runtime() {
        return runtime;
    }

    /**
     * Stops the server: the applications are undeployed first, while the SIP core still runs, so
     * that what they send from {@code destroy()} and {@code contextDestroyed} (goodbye messages)
     * leaves; then the listening points close, then the router, the runtime and the database.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (routingNames != null) {
            routingNames.stop();
        }
        routerWatcher.interrupt();
        operations.close();
        // applications first, while the listening points still send: what a servlet's destroy() or
        // a contextDestroyed sends (goodbye messages) leaves before the sockets close
        deployer.stop();
        connections.close();
        if (cluster != null) {
            // the applications have stopped writing: leave the view while the others can take over
            cluster.close();
        }
        trace.close();
        core.close();
        calls.close();
        loadedRouter.close();
        runtime.close();
        database.close();
        LOG.info("Olelo stopped");
    }
}
