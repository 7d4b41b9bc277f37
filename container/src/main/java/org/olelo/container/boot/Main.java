package org.olelo.container.boot;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.olelo.core.transport.ListenException;
import org.olelo.container.internal.http.HttpListenException;
import org.olelo.container.internal.router.RouterLoadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The command line: {@code java -jar olelo.jar [--deploy-dir DIR] [--data-dir DIR]
 * [--listen udp:HOST:PORT]... [--config FILE] [--set KEY=VALUE]...}. It loads the configuration
 * with {@link ConfigLoader}, starts the server, closes it from a shutdown hook and otherwise waits.
 * The subcommand {@code subscriber} ({@link SubscriberCommand}) provisions the users of digest
 * authentication with the same configuration options; {@code ctl} ({@link CtlCommand}) calls the
 * management commands of the running server.
 *
 * <p>Exit codes: 0 after {@code --help} or {@code --version}, 1 when the server fails to start,
 * 2 on a usage or configuration error (reported on one line of standard error).
 */
@Command(name = "olelo", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        sortOptions = false, usageHelpAutoWidth = true, subcommands = {SubscriberCommand.class, CtlCommand.class},
        description = "Starts the Olelo SIP application server.%n"
                + "Precedence: options > environment OLELO_<KEY> > configuration file > defaults.%n")
public final class Main implements Callable<Integer> {

    /** Exit code for a server that could not start. */
    public static final int START_FAILED = 1;
    /** Exit code for a usage or configuration error. */
    public static final int CONFIG_ERROR = 2;

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    @Option(names = "--deploy-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "folder with olelo.properties, routing.properties and apps/ (default: deploy)")
    String deployDir;

    @Option(names = "--data-dir", paramLabel = "DIR", scope = ScopeType.INHERIT, description = "folder for databases and extracted applications")
    String dataDir;

    @Option(names = "--listen", paramLabel = "TRANSPORT:HOST:PORT", split = ",",
            description = "listening point, repeatable: udp:127.0.0.1:5060, tcp:[::1]:5060")
    List<String> listen;

    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "configuration file (default: <deploy dir>/olelo.properties if present)")
    String config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", scope = ScopeType.INHERIT, description = "any configuration key,"
            + " repeatable; router.<name>=VALUE reaches the application router as <name>")
    Map<String, String> set = new LinkedHashMap<>();

    private final Map<String, String> env;
    private final Starter starter;
    private PrintWriter out;
    private PrintWriter err;
    private PasswordInput passwords;

    /** Starts a server; the seam that lets tests run the command line without binding sockets. */
    @FunctionalInterface
    interface Starter {
        AutoCloseable start(ServerConfig config) throws Exception;
    }

    Main(Map<String, String> env, Starter starter) {
        this.env = env;
        this.starter = starter;
    }

    /**
     * Runs the command line and exits with its code; returns only through the shutdown of the JVM
     * once the server runs.
     *
     * @param args the command-line arguments
     */
    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("subscriber") || args[0].equals("ctl"))) {
            quietLogging();
        } else {
            CallLogFile.attachIfAsked();
        }
        System.exit(run(args, System.getenv(), OleloServer::start, new PrintWriter(System.out, true),
                new PrintWriter(System.err, true)));
    }

    /** Runs the command line and returns its exit code. */
    static int run(String[] args, Map<String, String> env, Starter starter, PrintWriter out, PrintWriter err) {
        return run(args, env, starter, out, err, null);
    }

    /** Runs the command line with passwords asked from {@code passwords} (null: the terminal or standard input). */
    static int run(String[] args, Map<String, String> env, Starter starter, PrintWriter out, PrintWriter err,
                   PasswordInput passwords) {
        Main main = new Main(env, starter);
        main.out = out;
        main.err = err;
        main.passwords = passwords;
        CommandLine cl = new CommandLine(main).setOut(out).setErr(err)
                .setParameterExceptionHandler((e, a) -> {
                    err.println("olelo: " + e.getMessage() + " (see --help)");
                    return CONFIG_ERROR;
                })
                .setExecutionExceptionHandler((e, c, p) -> {
                    err.println("olelo: unexpected failure: " + e);
                    return START_FAILED;
                });
        cl.getCommandSpec().usageMessage().footerHeading("%nConfiguration keys and defaults:%n")
                .footer(ConfigKey.table(ServerConfig.defaults()));
        return cl.execute(args);
    }

    /**
     * Loads the configuration, starts the server and waits until the JVM shuts down.
     *
     * @return the exit code when the server did not start: 1, or 2 for a configuration error
     * @throws InterruptedException when the waiting main thread is interrupted
     */
    @Override
    public Integer call() throws InterruptedException {
        ConfigLoader.Result loaded;
        try {
            loaded = loader().load();
        } catch (ConfigException e) {
            err.println("olelo: configuration error: " + e.getMessage());
            return CONFIG_ERROR;
        }
        loaded.warnings().forEach(LOG::warn);
        AutoCloseable server;
        try {
            server = starter.start(loaded.config());
        } catch (ConfigException e) {
            err.println("olelo: configuration error: " + e.getMessage());
            return CONFIG_ERROR;
        } catch (ListenException | RouterLoadException | HttpListenException e) {
            LOG.debug("start failure", e);
            err.println("olelo: failed to start: " + e.getMessage());
            return START_FAILED;
        } catch (Exception e) {
            LOG.debug("start failure", e);
            err.println("olelo: failed to start: " + describe(e));
            return START_FAILED;
        }
        AtomicBoolean stopped = new AtomicBoolean();
        AutoCloseable started = server;
        Runnable stopOnce = () -> {
            if (stopped.compareAndSet(false, true)) {
                stop(started);
            }
        };
        if (server instanceof OleloServer running) {
            // core.shutdown ends the process as SIGTERM does: the server closes, then the process exits with code 0
            running.operations().shutdown().stopWith(() -> {
                stopOnce.run();
                System.exit(0);
            });
            running.watchConfiguration(loaded.file() != null ? loaded.file()
                    : loaded.config().deployDir().resolve(ConfigLoader.FILE_NAME), () -> loader().load().config());
        }
        StopSignals.install(stopOnce);
        Runtime.getRuntime().addShutdownHook(new Thread(stopOnce, "olelo-shutdown"));
        new CountDownLatch(1).await();
        return 0;
    }

    /** @return where commands write their results */
    PrintWriter out() {
        return out;
    }

    /** @return where commands write their errors */
    PrintWriter err() {
        return err;
    }

    /** @return where commands ask for a password given as a bare {@code --password} */
    PasswordInput passwords() {
        if (passwords == null) {
            passwords = PasswordInput.system();
        }
        return passwords;
    }

    /** Commands print their results; the libraries' start-up chatter stays out unless a level is asked for. */
    private static void quietLogging() {
        if (System.getProperty("olelo.log.level") == null && System.getenv(ConfigLoader.LOG_LEVEL_ENV) == null
                && LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                instanceof ch.qos.logback.classic.Logger root) {
            root.getLoggerContext().getLoggerList().stream().filter(l -> l != root).forEach(l -> l.setLevel(null));
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    /** @return a loader for the options, environment and file given to this command line */
    ConfigLoader loader() throws ConfigException {
        ConfigLoader l = new ConfigLoader(env);
        if (deployDir != null) {
            l.deployDir(deployDir);
        }
        if (config != null) {
            l.configFile(config);
        }
        for (Map.Entry<String, String> e : set.entrySet()) {
            l.flag("--set " + e.getKey(), e.getKey(), e.getValue());
        }
        if (dataDir != null) {
            l.flag("--data-dir", ConfigKey.DATA_DIR.key(), dataDir);
        }
        if (listen != null) {
            l.flag("--listen", ConfigKey.LISTEN.key(), String.join(",", listen));
        }
        return l;
    }

    private static void stop(AutoCloseable server) {
        try {
            LOG.info("Olelo stopping");
            server.close();
        } catch (Exception e) {
            LOG.warn("Olelo did not stop cleanly: {}", describe(e));
        }
    }

    private static String describe(Throwable e) {
        StringBuilder b = new StringBuilder(String.valueOf(e));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            b.append("; caused by ").append(c);
        }
        return b.toString().replace('\n', ' ');
    }

    /** Reports the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"Olelo " + (v == null ? "(development build)" : v),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
