package org.olelo.apps.presence.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.olelo.apps.presence.service.PresenceStore.StoreException;

import javax.sql.DataSource;

/**
 * Brings the application's tables up to date with Flyway, from the scripts in
 * {@code db/presence/} on the application's class path ({@code V1__presence.sql}...).
 *
 * <p>The database is shared with the container and other applications, so the migration keeps
 * its own history table, {@value #HISTORY_TABLE}, and accepts a schema that already holds other
 * tables (baseline at version 0, then every script runs). Runs once at start-up, on the deployer
 * thread; blocks on the database.
 */
public final class SchemaMigrator {

    /** The Flyway history table of this application. */
    public static final String HISTORY_TABLE = "presence_schema_history";
    /** Where the migration scripts are, on the class path. */
    public static final String LOCATION = "classpath:db/presence";

    private SchemaMigrator() {
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

    /**
     * Applies the pending migrations.
     *
     * @param dataSource the database
     * @param loader     the class loader that sees {@code db/presence/} (the application's)
     * @return how many scripts were applied now
     * @throws StoreException when a migration fails or the database cannot be reached
     */
    public static int migrate(DataSource dataSource, ClassLoader loader) throws StoreException {
        try {
            return Flyway.configure(loader)
                    .loggers(logger(loader))
                    .dataSource(dataSource)
                    .locations(LOCATION)
                    .table(HISTORY_TABLE)
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate()
                    .migrationsExecuted;
        } catch (FlywayException e) {
            throw new StoreException("schema migration of the presence tables failed: " + e.getMessage(), e);
        }
    }
}
