package org.olelo.container.internal.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The container's connection pools: today one, named {@value #DEFAULT_POOL}, on the database of
 * {@link DatabaseSettings}. Opening it connects once (so a wrong URL, user or password fails the
 * start at once, naming the key) and runs the container's schema migrations.
 *
 * <p>The embedded H2 database is served to other processes over TCP
 * ({@code AUTO_SERVER=TRUE}); unless the JVM was started with {@code -Dh2.bindAddress=...}, that
 * socket is bound to 127.0.0.1, so the database is never reachable from the network. Local users
 * are kept out too: without a configured {@code db.password} the database gets a generated one
 * ({@link EmbeddedSecret}), and the data folder and the database files are for their owner only
 * ({@link DataFolder}).
 *
 * <p>Drivers: H2 is bundled. For PostgreSQL, MariaDB and others, neither the JDBC driver nor
 * Flyway's support module for that database ({@code flyway-database-postgresql},
 * {@code flyway-mysql}...) is bundled: both jars must be put on the class path
 * ({@code java -cp olelo.jar:driver.jar:flyway-module.jar org.olelo.container.boot.Main}).
 *
 * <p>Opened by the boot thread before the first application deploys, closed after everything
 * else; the pools themselves are used from any thread.
 */
public final class DatabaseService implements AutoCloseable {

    /** Name of the pool applications get. */
    public static final String DEFAULT_POOL = "default";
    /** Class-path folder of the container's migrations, {@code V<n>__<what>.sql}. */
    static final String MIGRATIONS = "classpath:db/olelo";
    /** Flyway's history table for the container's schema; applications may run Flyway with their own. */
    static final String HISTORY_TABLE = "olelo_schema_history";

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseService.class);

    static {
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    private final Map<String, HikariDataSource> pools = new LinkedHashMap<>();
    private final String shownUrl;

    private DatabaseService(String shownUrl) {
        this.shownUrl = shownUrl;
    }

    /**
     * Opens the default pool and brings the container's schema up to date.
     *
     * @param settings the {@code db.*} configuration
     * @param dataDir  the data folder (home of the embedded database)
     * @return the running service
     * @throws DatabaseException when the database cannot be reached or migrated; nothing stays open
     */
    public static DatabaseService open(DatabaseSettings settings, Path dataDir) throws DatabaseException {
        long t0 = System.nanoTime();
        String url;
        try {
            url = settings.jdbcUrl(dataDir);
        } catch (IllegalArgumentException e) {
            throw new DatabaseException(null, e.getMessage(), null);
        }
        DatabaseService db = new DatabaseService(settings.shownUrl(dataDir));
        Connection held = null;
        try {
            DatabaseSettings s = settings;
            if (settings.embedded()) {
                prepare(dataDir);
                if (settings.password().isEmpty()) {
                    String secret = EmbeddedSecret.readOrCreate(dataDir);
                    held = EmbeddedSecret.connect(url, settings.user(), secret, dataDir.resolve(EmbeddedSecret.FILE),
                            db.shownUrl);
                    s = new DatabaseSettings(settings.url(), settings.user(), secret, settings.poolSize());
                }
            }
            HikariDataSource pool = db.connect(DEFAULT_POOL, url, s);
            db.pools.put(DEFAULT_POOL, pool);
            int applied = migrate(pool, db.shownUrl);
            if (settings.embedded()) {
                DataFolder.restrictDatabaseFiles(dataDir, DatabaseSettings.H2_FILE);
            }
            LOG.info("Database {} ready in {} ms (pool '{}' of up to {} connections{})", db.shownUrl,
                    (System.nanoTime() - t0) / 1_000_000, DEFAULT_POOL, settings.poolSize(),
                    applied == 0 ? "" : ", " + applied + " migrations applied");
            return db;
        } catch (DatabaseException | RuntimeException e) {
            db.close();
            throw e;
        } finally {
            if (held != null) {
                EmbeddedSecret.close(held);
            }
        }
    }

    private static void prepare(Path dataDir) throws DatabaseException {
        try {
            DataFolder.prepare(dataDir);
        } catch (IOException e) {
            throw new DatabaseException("data.dir", "cannot create the data folder " + dataDir.toAbsolutePath() + ": "
                    + e.getMessage(), e);
        }
    }

    private HikariDataSource connect(String name, String url, DatabaseSettings s) throws DatabaseException {
        HikariConfig c = new HikariConfig();
        c.setPoolName("olelo-db-" + name);
        c.setJdbcUrl(url);
        c.setUsername(s.user());
        c.setPassword(s.password());
        c.setMaximumPoolSize(s.poolSize());
        c.setMinimumIdle(Math.min(2, s.poolSize()));
        c.setConnectionTimeout(10_000);
        c.setInitializationFailTimeout(3_000);
        if (s.embedded()) {
            // local connections need no recycling; keeping them keeps the embedded file open
            c.setMaxLifetime(0);
        }
        try {
            return new HikariDataSource(c);
        } catch (RuntimeException e) {
            throw new DatabaseException(s.embedded() ? "data.dir" : "db.url", "cannot open " + shownUrl + " as user '"
                    + s.user() + "': " + rootMessage(e) + driverHint(url, e), e);
        }
    }

    /**
     * Applies the scripts of {@link #MIGRATIONS} not yet recorded in {@link #HISTORY_TABLE}. A
     * database that already holds other tables (an application's) but no history is baselined at
     * version 0, so every container script still runs.
     */
    private static int migrate(DataSource ds, String shownUrl) throws DatabaseException {
        try {
            return Flyway.configure(DatabaseService.class.getClassLoader())
                    .dataSource(ds)
                    .locations(MIGRATIONS)
                    .table(HISTORY_TABLE)
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate()
                    .migrationsExecuted;
        } catch (FlywayException e) {
            throw new DatabaseException("db.url", "cannot bring the container's tables up to date in " + shownUrl + ": "
                    + rootMessage(e) + " (Flyway needs its support module for this database on the class path,"
                    + " e.g. flyway-database-postgresql)", e);
        }
    }

    /**
     * @return the default pool; container code only (applications get an {@link AppDataSource})
     */
    public DataSource defaultPool() {
        return pool(DEFAULT_POOL);
    }

    /**
     * @param name a pool name
     * @return that pool
     * @throws IllegalArgumentException when there is no pool of that name
     */
    public DataSource pool(String name) {
        HikariDataSource ds = pools.get(name);
        if (ds == null) {
            throw new IllegalArgumentException("no database pool named '" + name + "'; pools: " + pools.keySet());
        }
        return ds;
    }

    /** @return the URL of the default pool without options or credentials, for messages */
    public String shownUrl() {
        return shownUrl;
    }

    /** Closes every pool; with the embedded database, the last connection closing closes the file. */
    @Override
    public void close() {
        pools.values().forEach(HikariDataSource::close);
        pools.clear();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    private static String driverHint(String url, Throwable e) {
        String all = String.valueOf(e) + (e.getCause() == null ? "" : e.getCause());
        if (url.startsWith("jdbc:h2:") || !(all.contains("No suitable driver") || all.contains("Failed to get driver"))) {
            return "";
        }
        return " (only the H2 driver is bundled; put the driver jar for this URL on the class path)";
    }
}
