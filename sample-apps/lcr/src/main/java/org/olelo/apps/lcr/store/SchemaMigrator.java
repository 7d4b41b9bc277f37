package org.olelo.apps.lcr.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import javax.sql.DataSource;

/**
 * Creates and upgrades the application's tables with Flyway, from the scripts in {@code db/lcr/}
 * on the application's class path. The database is shared with the container and the other
 * applications, so the history has its own table, {@value #HISTORY_TABLE}, and a schema that
 * already holds other tables is accepted (baseline 0, then every script). Runs once at
 * deployment, on the deployer thread; blocks on the database.
 */
public final class SchemaMigrator {

    /** The Flyway history table of this application. */
    public static final String HISTORY_TABLE = "lcr_schema_history";

    private SchemaMigrator() {
    }

    /**
     * Applies the pending migrations.
     *
     * @param dataSource the database
     * @param loader     the class loader that sees {@code db/lcr/} (the application's)
     * @return how many scripts were applied now
     * @throws LoadException when a migration fails or the database cannot be reached
     */
    public static int migrate(DataSource dataSource, ClassLoader loader) throws LoadException {
        try {
            return Flyway.configure(loader)
                    .loggers(logger(loader))
                    .dataSource(dataSource)
                    .locations("classpath:db/lcr")
                    .table(HISTORY_TABLE)
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate()
                    .migrationsExecuted;
        } catch (FlywayException e) {
            throw new LoadException("schema migration of the lcr tables failed: " + e.getMessage(), e);
        }
    }

    /** SLF4J, the container's logging API, when the application sees it; else Flyway's own choice. */
    private static String logger(ClassLoader loader) {
        try {
            Class.forName("org.slf4j.LoggerFactory", false, loader);
            return "slf4j";
        } catch (ClassNotFoundException | LinkageError e) {
            return "auto";
        }
    }
}
