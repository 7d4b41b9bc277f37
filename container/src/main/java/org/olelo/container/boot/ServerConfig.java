package org.olelo.container.boot;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.olelo.container.internal.db.DatabaseSettings;
import org.olelo.container.internal.http.ManagementSettings;
import org.olelo.container.internal.security.AuthSettings;
import org.olelo.core.CoreConfig;
import org.olelo.core.transport.ListenAddress;

/**
 * Everything a running Olelo needs, typed, with defaults in {@link #defaults()}. Built by
 * {@link ConfigLoader} from, in rising precedence: defaults, the configuration file
 * ({@code deploy/olelo.properties}), environment variables ({@code OLELO_*}) and command-line flags.
 *
 * @param deployDir      folder holding the routing descriptor and {@code apps/}
 * @param dataDir        folder for databases and the extracted applications
 * @param core           SIP core settings (listening points, timers, buffers)
 * @param localDomains   domains this server is responsible for (requests for them that no
 *                       application takes get 404); the listening addresses are always local
 * @param unroutedPolicy what to do with an initial request for a foreign domain that no application
 *                       takes: {@code reject} (403, the default: no open relay) or {@code proxy}
 *                       (relay it statelessly to its Request-URI)
 * @param pollMillis     how often {@code deploy/apps/} and the routing descriptor are checked for changes
 * @param db             the container's database ({@code db.*})
 * @param auth           container authentication ({@code auth.*})
 * @param drainSeconds   how long a replaced or removed version of an application keeps its
 *                       application sessions (calls, timers) before what is left is ended; 0 ends
 *                       them at once
 * @param log            call log and SIP trace ({@code log.*}, {@code trace.*})
 * @param router         the {@code router.<name>} keys, by {@code <name>}: given to the application
 *                       router's {@code init(Properties)}
 * @param management     the HTTP listener and the management endpoints ({@code http.*},
 *                       {@code management.*}, {@code shutdown.*})
 * @param calls          the dialog table and the accounting ({@code dialog.*}, {@code acc.*})
 */
public record ServerConfig(Path deployDir, Path dataDir, CoreConfig core, Set<String> localDomains,
                           String unroutedPolicy, long pollMillis, DatabaseSettings db, AuthSettings auth,
                           long drainSeconds, LogSettings log, Map<String, String> router,
                           ManagementSettings management, CallSettings calls) {

    /** Copies the router properties, so that the record stays immutable. */
    public ServerConfig {
        router = Map.copyOf(router);
        java.util.Objects.requireNonNull(calls, "calls");
    }

    /** Default drain time: 4 hours, longer than the calls a carrier lets last. */
    public static final long DEFAULT_DRAIN_SECONDS = 14_400;

    /**
     * Defaults: {@code ./deploy}, {@code ./data}, UDP and TCP on 127.0.0.1:5060, the embedded
     * database, authentication on, replaced application versions drain for up to 4 hours, the call
     * log on, no SIP trace, and the management endpoints on 127.0.0.1:8080.
     */
    public static ServerConfig defaults() {
        return new ServerConfig(Path.of("deploy"), Path.of("data"), CoreConfig.defaults(),
                Set.of("localhost", "127.0.0.1"), "reject", 1000, DatabaseSettings.defaults(), AuthSettings.defaults(),
                DEFAULT_DRAIN_SECONDS, LogSettings.defaults(), Map.of(),
                ManagementSettings.defaults(), CallSettings.defaults());
    }

    /** A copy with other listening points. */
    public ServerConfig withListen(List<ListenAddress> listen) {
        return new ServerConfig(deployDir, dataDir, core.withListen(listen), localDomains, unroutedPolicy,
                pollMillis, db,
                auth, drainSeconds, log, router, management, calls);
    }

    /** A copy with other folders. */
    public ServerConfig withDirs(Path deploy, Path data) {
        return new ServerConfig(deploy, data, core, localDomains, unroutedPolicy, pollMillis, db, auth, drainSeconds,
                log, router, management, calls);
    }

    /** A copy with another core configuration. */
    public ServerConfig withCore(CoreConfig c) {
        return new ServerConfig(deployDir, dataDir, c, localDomains, unroutedPolicy, pollMillis, db, auth,
                drainSeconds, log, router, management, calls);
    }

    /** A copy with another poll interval. */
    public ServerConfig withPollMillis(long ms) {
        return new ServerConfig(deployDir, dataDir, core, localDomains, unroutedPolicy, ms, db, auth, drainSeconds,
                log, router, management, calls);
    }

    /** A copy with other database settings. */
    public ServerConfig withDb(DatabaseSettings d) {
        return new ServerConfig(deployDir, dataDir, core, localDomains, unroutedPolicy, pollMillis, d, auth,
                drainSeconds, log, router, management, calls);
    }

    /** A copy with other authentication settings. */
    public ServerConfig withAuth(AuthSettings a) {
        return new ServerConfig(deployDir, dataDir, core, localDomains, unroutedPolicy, pollMillis, db, a,
                drainSeconds, log, router, management, calls);
    }

    /** A copy with another drain time for replaced and removed application versions. */
    public ServerConfig withDrainSeconds(long seconds) {
        return new ServerConfig(deployDir, dataDir, core, localDomains, unroutedPolicy, pollMillis, db, auth,
                seconds, log, router, management, calls);
    }

    /** A copy with other call log and trace settings. */
    public ServerConfig withLog(LogSettings l) {
        return new ServerConfig(deployDir, dataDir, core, localDomains, unroutedPolicy, pollMillis, db, auth,
                drainSeconds, l, router, management, calls);
    }

    /** A copy with other application router properties ({@code router.<name>} keys, by {@code <name>}). */
    public ServerConfig withRouter(Map<String, String> properties) {
        return new ServerConfig(deployDir, dataDir, core, localDomains, unroutedPolicy, pollMillis, db, auth,
                drainSeconds,
                log, properties, management, calls);
    }

    /** A copy with other settings of the HTTP listener and the management endpoints. */
    public ServerConfig withManagement(ManagementSettings m) {
        return new ServerConfig(deployDir, dataDir, core, localDomains, unroutedPolicy, pollMillis, db, auth,
                drainSeconds, log, router, m, calls);
    }

    /** A copy with other dialog table and accounting settings. */
    public ServerConfig withCalls(CallSettings c) {
        return new ServerConfig(deployDir, dataDir, core, localDomains, unroutedPolicy, pollMillis, db, auth,
                drainSeconds, log, router, management, c);
    }

    /** The routing descriptor. */
    public Path routingFile() {
        return deployDir.resolve("routing.properties");
    }

    /** The folder of jars shared with the container, such as a custom application router's. */
    public Path libDir() {
        return deployDir.resolve("lib");
    }

    /** The applications folder. */
    public Path appsDir() {
        return deployDir.resolve("apps");
    }
}
