package org.olelo.apps.dispatcher;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The {@code dispatcher} table: created and upgraded with Flyway from {@code db/dispatcher/} on the
 * application's class path (history in {@value #HISTORY_TABLE}, so the shared database keeps one
 * history per application), and read whole at deployment and on {@code dispatcher.reload}.
 *
 * <p>Runs on the deployer thread or a management thread; blocks on the database.
 */
final class DestinationTable {

    /** The Flyway history table of this application. */
    static final String HISTORY_TABLE = "dispatcher_schema_history";

    private static final String SELECT =
            "SELECT id, setid, destination, flags, priority, attrs, description FROM dispatcher ORDER BY setid, id";

    private final DataSource dataSource;

    DestinationTable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Applies the pending migrations.
     *
     * @param loader the application's class loader, which sees {@code db/dispatcher/}
     * @throws IllegalStateException naming what failed
     */
    void migrate(ClassLoader loader) {
        try {
            Flyway.configure(loader)
                    .loggers(logger(loader))
                    .dataSource(dataSource)
                    .locations("classpath:db/dispatcher")
                    .table(HISTORY_TABLE)
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new IllegalStateException("schema migration of the dispatcher table failed: " + e.getMessage(), e);
        }
    }

    /**
     * @return every row as a destination, by set and id
     * @throws IllegalStateException naming the row id of a bad row, or the database failure
     */
    List<Destination> load() {
        List<Destination> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(SELECT)) {
            while (rs.next()) {
                try {
                    out.add(Destination.of(rs.getInt(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                            rs.getString(6), rs.getString(7)));
                } catch (IllegalArgumentException e) {
                    problems.add("row id " + rs.getInt(1) + ": " + e.getMessage());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the dispatcher table: " + e.getMessage(), e);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("bad rows in the dispatcher table: " + String.join("; ", problems));
        }
        return out;
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
