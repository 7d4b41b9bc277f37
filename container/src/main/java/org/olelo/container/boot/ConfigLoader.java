package org.olelo.container.boot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.olelo.container.internal.acc.AccSettings;
import org.olelo.container.internal.db.DatabaseSettings;
import org.olelo.container.internal.dialog.DialogSettings;
import org.olelo.container.internal.http.ManagementSettings;
import org.olelo.container.internal.security.AuthSettings;
import org.olelo.container.internal.trace.TraceSettings;
import org.olelo.core.CoreConfig;
import org.olelo.core.flood.Cidr;
import org.olelo.core.flood.FloodSettings;
import org.olelo.core.transaction.TimerSettings;
import org.olelo.core.transport.TcpLimits;

/**
 * Builds a {@link ServerConfig} from, in rising precedence: the defaults, the configuration file,
 * environment variables {@code OLELO_<KEY>} and command-line flags. The keys are those of
 * {@link ConfigKey}.
 *
 * <p>The configuration file is the one given with {@code --config} (or {@code OLELO_CONFIG}); it
 * must then exist. Otherwise it is {@code <deploy dir>/olelo.properties} if present, where the
 * deploy folder comes from {@code --deploy-dir}, {@code OLELO_DEPLOY_DIR} or the default
 * {@code deploy}. Unknown keys in the file and unknown {@code OLELO_*} variables are reported as
 * warnings with their line; a value that cannot be used fails the whole load. Keys
 * {@code router.<name>} ({@code OLELO_ROUTER_<NAME>}) are collected unchecked for the application
 * router ({@link ServerConfig#router()}).
 *
 * <p>Not thread-safe: one loader per start.
 */
public final class ConfigLoader {

    /** Environment variable naming the configuration file. */
    public static final String CONFIG_ENV = "OLELO_CONFIG";
    /** Environment variable naming the deploy folder. */
    public static final String DEPLOY_DIR_ENV = "OLELO_DEPLOY_DIR";
    /** Environment variable read by the logging configuration for the log level. */
    public static final String LOG_LEVEL_ENV = "OLELO_LOG_LEVEL";
    /**
     * Variables that {@code bin/olelo} reads before the JVM starts (Java options, heap, jar); they
     * reach the server's environment too and are not configuration keys, so they are not warned about.
     */
    public static final Set<String> LAUNCHER_ENV = Set.of("OLELO_JAVA_OPTS", "OLELO_HEAP", "OLELO_JAR");
    /** Environment variables read by the logging configuration (logback.xml), not by this loader. */
    static final Set<String> LOGGING_ENV = Set.of("OLELO_LOG_FORMAT", "OLELO_LOG_LIBRARIES", "OLELO_LOG_CALLS_FILE");
    /** Name of the configuration file inside the deploy folder. */
    public static final String FILE_NAME = "olelo.properties";

    private final Map<String, String> env;
    private final List<Setting> flags = new ArrayList<>();
    private Setting deployDirFlag;
    private Setting configFlag;

    /**
     * @param env the environment to read {@code OLELO_*} variables from, normally {@link System#getenv()}
     */
    public ConfigLoader(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /**
     * The outcome of a load.
     *
     * @param config   the configuration to start with
     * @param file     the configuration file that was read, or null when there was none
     * @param warnings one line each, e.g. unknown keys with their file and line
     */
    public record Result(ServerConfig config, Path file, List<String> warnings) {
    }

    /**
     * Sets a key from a command-line option.
     *
     * @param option the option as typed, for messages, e.g. {@code --listen}
     * @param key    a key of {@link ConfigKey}
     * @param value  the value as given
     * @return this loader
     * @throws ConfigException when the key is unknown
     */
    public ConfigLoader flag(String option, String key, String value) throws ConfigException {
        Setting s = Setting.fromFlag(key, value, option);
        if (ConfigKey.of(key).isEmpty() && !ConfigKey.isRouterKey(key)) {
            throw ConfigException.at(s, "unknown key; expected one of " + ConfigKey.list());
        }
        flags.add(s);
        return this;
    }

    /**
     * @param dir the deploy folder given with {@code --deploy-dir}
     * @return this loader
     */
    public ConfigLoader deployDir(String dir) {
        deployDirFlag = Setting.fromFlag("deploy.dir", dir, "--deploy-dir");
        return this;
    }

    /**
     * @param file the configuration file given with {@code --config}; it must exist
     * @return this loader
     */
    public ConfigLoader configFile(String file) {
        configFlag = Setting.fromFlag("config", file, "--config");
        return this;
    }

    /**
     * Reads the file and the environment and merges everything.
     *
     * @return the configuration and the warnings
     * @throws ConfigException at the first value that cannot be used
     */
    public Result load() throws ConfigException {
        List<String> warnings = new ArrayList<>();
        ServerConfig defaults = ServerConfig.defaults();
        Setting deploySetting = firstOf(deployDirFlag, fromEnv("deploy.dir", DEPLOY_DIR_ENV));
        Path deployDir = deploySetting == null ? defaults.deployDir() : SettingParser.path(deploySetting);
        Setting configSetting = firstOf(configFlag, fromEnv("config", CONFIG_ENV));
        Path file = configSetting == null ? deployDir.resolve(FILE_NAME) : SettingParser.path(configSetting);
        if (!Files.isRegularFile(file)) {
            if (configSetting != null) {
                throw ConfigException.at(configSetting, "expected an existing configuration file but found no file at "
                        + file.toAbsolutePath());
            }
            file = null;
        }
        Map<ConfigKey, Setting> given = new EnumMap<>(ConfigKey.class);
        Map<String, String> router = new TreeMap<>();
        if (file != null) {
            fileSettings(file, given, router, warnings);
        }
        envSettings(given, router, warnings);
        for (Setting s : flags) {
            if (ConfigKey.isRouterKey(s.key())) {
                router.put(s.key().substring(ConfigKey.ROUTER_PREFIX.length()), s.value());
            } else {
                given.put(ConfigKey.of(s.key()).orElseThrow(), s);
            }
        }
        return new Result(build(defaults, deployDir, given).withRouter(router), file, List.copyOf(warnings));
    }

    private void fileSettings(Path file, Map<ConfigKey, Setting> given, Map<String, String> router, List<String> warnings)
            throws ConfigException {
        Map<String, Integer> seen = new HashMap<>();
        for (Setting s : PropertiesFileReader.read(file)) {
            Optional<ConfigKey> key = ConfigKey.of(s.key());
            if (key.isEmpty() && ConfigKey.isRouterKey(s.key())) {
                Integer before = seen.put(s.key(), s.line());
                if (before != null) {
                    warnings.add(s.where() + ": " + s.key() + " given again (first at line " + before
                            + "); this value wins");
                }
                router.put(s.key().substring(ConfigKey.ROUTER_PREFIX.length()), s.value());
                continue;
            }
            if (key.isEmpty()) {
                String hint = s.key().equals("deploy.dir")
                        ? "the deploy folder holds this file, so it is set with --deploy-dir or " + DEPLOY_DIR_ENV
                        : "known keys: " + ConfigKey.list();
                warnings.add(s.where() + ": unknown key '" + s.key() + "' ignored (" + hint + ")");
                continue;
            }
            Integer before = seen.put(s.key(), s.line());
            if (before != null) {
                warnings.add(s.where() + ": " + s.key() + " given again (first at line " + before
                        + "); this value wins");
            }
            given.put(key.get(), s);
        }
    }

    private void envSettings(Map<ConfigKey, Setting> given, Map<String, String> router, List<String> warnings) {
        Set<String> known = new TreeSet<>(Set.of(CONFIG_ENV, DEPLOY_DIR_ENV, LOG_LEVEL_ENV));
        known.addAll(LOGGING_ENV);
        for (ConfigKey k : ConfigKey.values()) {
            known.add(k.envName());
            Setting s = fromEnv(k.key(), k.envName());
            if (s != null) {
                given.put(k, s);
            }
        }
        String routerEnv = ConfigKey.envName(ConfigKey.ROUTER_PREFIX);
        for (String name : new TreeSet<>(env.keySet())) {
            if (name.startsWith(routerEnv) && name.length() > routerEnv.length()) {
                known.add(name);
                router.put(name.substring(routerEnv.length()).toLowerCase(Locale.ROOT).replace('_', '.'), env.get(name));
            }
        }
        new TreeSet<>(env.keySet()).stream()
                .filter(name -> name.startsWith("OLELO_") && !known.contains(name) && !LAUNCHER_ENV.contains(name))
                .forEach(name -> warnings.add("environment " + name + ": unknown variable ignored (known: "
                        + String.join(", ", known) + ")"));
    }

    private static ServerConfig build(ServerConfig d, Path deployDir, Map<ConfigKey, Setting> g)
            throws ConfigException {
        CoreConfig c = d.core();
        long t1 = value(g, ConfigKey.SIP_T1_MILLIS, s -> SettingParser.number(s, 1, 60_000), c.timers().t1());
        long t2 = value(g, ConfigKey.SIP_T2_MILLIS, s -> SettingParser.number(s, 1, 600_000), c.timers().t2());
        long t4 = value(g, ConfigKey.SIP_T4_MILLIS, s -> SettingParser.number(s, 1, 600_000), c.timers().t4());
        if (t2 < t1) {
            Setting blame = g.getOrDefault(ConfigKey.SIP_T2_MILLIS, g.get(ConfigKey.SIP_T1_MILLIS));
            throw ConfigException.at(blame, "expected sip.t2.millis (" + t2 + ") to be at least sip.t1.millis ("
                    + t1 + ")");
        }
        CoreConfig core = new CoreConfig(
                value(g, ConfigKey.LISTEN, SettingParser::listen, c.listen()),
                value(g, ConfigKey.ALIASES, SettingParser::hosts, c.aliases()),
                value(g, ConfigKey.UDP_READERS, s -> (int) SettingParser.number(s, 1, 256), c.udpReaders()),
                value(g, ConfigKey.UDP_BUFFER_BYTES, s -> (int) SettingParser.number(s, 1_024, 1 << 30),
                        c.udpBufferBytes()),
                value(g, ConfigKey.MAX_MESSAGE_BYTES, s -> (int) SettingParser.number(s, 1_024, 16 << 20),
                        c.maxMessageBytes()),
                c.connectTimeoutMillis(), new TimerSettings(t1, t2, t4), c.proxyRequireSupported(), tcp(c.tcp(), g),
                flood(c.flood(), g), extensions(c.extensions(), g));
        return new ServerConfig(deployDir,
                value(g, ConfigKey.DATA_DIR, SettingParser::path, d.dataDir()),
                core,
                value(g, ConfigKey.LOCAL_DOMAINS, SettingParser::hosts, d.localDomains()),
                value(g, ConfigKey.UNROUTED_POLICY, SettingParser::policy, d.unroutedPolicy()),
                value(g, ConfigKey.DEPLOY_POLL_MILLIS, s -> SettingParser.number(s, 10, 3_600_000), d.pollMillis()),
                db(d.db(), g), auth(d.auth(), g),
                value(g, ConfigKey.DEPLOY_DRAIN_SECONDS, s -> SettingParser.number(s, 0, 2_592_000), d.drainSeconds()),
                log(d.log(), g), d.router(), management(d.management(), g), calls(d.calls(), g));
    }

    /** The defaults' extension settings with every given key of a plug-in put over them, unparsed. */
    private static Map<String, String> extensions(Map<String, String> d, Map<ConfigKey, Setting> g) {
        Map<String, String> e = new TreeMap<>(d);
        g.forEach((k, s) -> {
            if (k.extension()) {
                e.put(k.key(), s.value());
            }
        });
        return e;
    }

    private static ManagementSettings management(ManagementSettings d, Map<ConfigKey, Setting> g)
            throws ConfigException {
        ManagementSettings m = new ManagementSettings(
                value(g, ConfigKey.HTTP_LISTEN, SettingParser::httpListen, d.httpListen()),
                value(g, ConfigKey.MANAGEMENT_TOKEN, SettingParser::token, d.token()),
                value(g, ConfigKey.SHUTDOWN_DRAIN_SECONDS, s -> SettingParser.number(s, 0, 86_400),
                        d.shutdownDrainSeconds()));
        if (m.httpListen() != null && !m.hasToken() && !ManagementSettings.isLoopbackHost(m.httpListen().getHostString())) {
            Setting blame = g.get(ConfigKey.HTTP_LISTEN);
            String problem = "'" + m.listenText() + "' is not a loopback address, and without management.token the"
                    + " management endpoints would be open to other hosts: set management.token, or listen on"
                    + " 127.0.0.1 or [::1]";
            throw blame != null ? ConfigException.at(blame, problem)
                    : new ConfigException("configuration", null, 0, ConfigKey.HTTP_LISTEN.key(), problem);
        }
        return m;
    }

    private static CallSettings calls(CallSettings d, Map<ConfigKey, Setting> g) throws ConfigException {
        return new CallSettings(
                new DialogSettings(value(g, ConfigKey.DIALOG_MAX_SECONDS, s -> SettingParser.number(s, 0, 2_592_000),
                        d.dialog().maxSeconds())),
                new AccSettings(value(g, ConfigKey.ACC_ENABLED, SettingParser::bool, d.acc().enabled()),
                        value(g, ConfigKey.ACC_QUEUE_SIZE, s -> (int) SettingParser.number(s, 1, 10_000_000),
                                d.acc().queueSize())));
    }

    private static TcpLimits tcp(TcpLimits d, Map<ConfigKey, Setting> g) throws ConfigException {
        return new TcpLimits(
                value(g, ConfigKey.TCP_MAX_CONNECTIONS, s -> (int) SettingParser.number(s, 1, 1_000_000), d.maxConnections()),
                value(g, ConfigKey.TCP_MAX_CONNECTIONS_PER_ADDRESS, s -> (int) SettingParser.number(s, 1, 1_000_000),
                        d.maxPerAddress()),
                value(g, ConfigKey.TCP_IDLE_TIMEOUT_SECONDS, s -> (int) SettingParser.number(s, 0, 86_400),
                        d.idleTimeoutSeconds()),
                value(g, ConfigKey.TCP_MESSAGE_TIMEOUT_SECONDS, s -> (int) SettingParser.number(s, 1, 3_600),
                        d.messageTimeoutSeconds()));
    }

    private static FloodSettings flood(FloodSettings d, Map<ConfigKey, Setting> g) throws ConfigException {
        return new FloodSettings(
                value(g, ConfigKey.PIKE_REQUESTS_PER_SECOND, s -> (int) SettingParser.number(s, 0, 10_000_000),
                        d.requestsPerSecond()),
                value(g, ConfigKey.PIKE_BLOCK_SECONDS, s -> (int) SettingParser.number(s, 1, 86_400), d.blockSeconds()),
                value(g, ConfigKey.PIKE_EXEMPT, ConfigLoader::cidrs, d.exempt()));
    }

    private static List<Cidr> cidrs(Setting s) throws ConfigException {
        try {
            return Cidr.parseList(s.value());
        } catch (IllegalArgumentException e) {
            throw ConfigException.at(s, "expected IP addresses or blocks such as 192.0.2.0/24 or ::1, comma-separated, but "
                    + e.getMessage());
        }
    }

    private static DatabaseSettings db(DatabaseSettings d, Map<ConfigKey, Setting> g) throws ConfigException {
        return new DatabaseSettings(
                value(g, ConfigKey.DB_URL, SettingParser::jdbcUrl, d.url()),
                value(g, ConfigKey.DB_USER, SettingParser::text, d.user()),
                value(g, ConfigKey.DB_PASSWORD, Setting::value, d.password()),
                value(g, ConfigKey.DB_POOL_SIZE, s -> (int) SettingParser.number(s, 1, 1_000), d.poolSize()));
    }

    private static AuthSettings auth(AuthSettings d, Map<ConfigKey, Setting> g) throws ConfigException {
        return new AuthSettings(
                value(g, ConfigKey.AUTH_ENABLED, SettingParser::bool, d.enabled()),
                value(g, ConfigKey.AUTH_NONCE_SECONDS, s -> (int) SettingParser.number(s, 1, 86_400), d.nonceSeconds()),
                value(g, ConfigKey.AUTH_MAX_FAILURES, s -> (int) SettingParser.number(s, 1, 1_000_000), d.maxFailures()),
                value(g, ConfigKey.AUTH_MAX_FAILURES_SOURCE, s -> (int) SettingParser.number(s, 1, 1_000_000),
                        d.maxFailuresSource()),
                value(g, ConfigKey.AUTH_BLOCK_SECONDS, s -> (int) SettingParser.number(s, 1, 86_400), d.blockSeconds()),
                value(g, ConfigKey.AUTH_ALGORITHMS, SettingParser::algorithms, d.algorithms()));
    }

    private static LogSettings log(LogSettings d, Map<ConfigKey, Setting> g) throws ConfigException {
        TraceSettings t = d.trace();
        return new LogSettings(
                value(g, ConfigKey.LOG_CALLS, SettingParser::bool, d.calls()),
                new TraceSettings(
                        value(g, ConfigKey.TRACE_USERS, SettingParser::traceUsers, t.users()),
                        value(g, ConfigKey.TRACE_CALLS, SettingParser::callIds, t.calls()),
                        value(g, ConfigKey.TRACE_FILE, SettingParser::optionalPath, t.file()),
                        value(g, ConfigKey.TRACE_HEP_ADDRESS, SettingParser::hostPort, t.hep()),
                        value(g, ConfigKey.TRACE_HEP_ID, s -> SettingParser.number(s, 0, 0xffff_ffffL), t.hepId())));
    }

    /** Parses one setting's text. */
    private interface Parse<T> {
        T apply(Setting s) throws ConfigException;
    }

    private static <T> T value(Map<ConfigKey, Setting> given, ConfigKey key, Parse<T> parse, T fallback)
            throws ConfigException {
        Setting s = given.get(key);
        return s == null ? fallback : parse.apply(s);
    }

    private Setting fromEnv(String key, String variable) {
        String v = env.get(variable);
        return v == null ? null : Setting.fromEnv(key, v, variable);
    }

    private static Setting firstOf(Setting a, Setting b) {
        return a != null ? a : b;
    }
}
