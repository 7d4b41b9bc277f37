package org.olelo.apps.registrar.store;

import org.h2.jdbcx.JdbcDataSource;
import org.olelo.apps.registrar.spi.Binding;
import org.olelo.apps.registrar.spi.StoreException;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Test support: an H2 database in a file of a temporary folder, migrated with the application's
 * own Flyway scripts. H2 closes the file when the last connection closes, so every new
 * connection reads what was committed to the file.
 */
final class H2Files {

    private H2Files() {
    }

    /** @return a DataSource on {@code dir/location}, not migrated */
    static DataSource dataSource(Path dir) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("location").toAbsolutePath().toString().replace('\\', '/'));
        ds.setUser("sa");
        ds.setPassword("");
        return ds;
    }

    /** @return a DataSource on {@code dir/location} with the location table */
    static DataSource migrated(Path dir) throws StoreException {
        DataSource ds = dataSource(dir);
        SchemaMigrator.migrate(ds, H2Files.class.getClassLoader());
        return ds;
    }

    /** Runs plain SQL (test set-up only). */
    static void sql(DataSource ds, String statement) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    /** A binding with the given AOR, contact and expiry and plausible other fields. */
    static Binding binding(String aor, String contact, long expiresAt) {
        return new Binding(aor, contact, expiresAt, Binding.NO_Q, "call-1@test", 1, List.of(), "sip:192.0.2.1:5060",
                "udp", null, Binding.NO_REG_ID, "test-ua", expiresAt - 3_600_000);
    }
}
