package org.olelo.apps.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The table on a real H2 file, migrated with the application's own script. */
class DestinationTableTest {

    @TempDir
    Path dir;

    private DataSource dataSource() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("db").toAbsolutePath().toString().replace('\\', '/'));
        ds.setUser("sa");
        ds.setPassword("");
        return ds;
    }

    private static void sql(DataSource ds, String statement) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    @Test
    void migratesBesideOtherTablesAndReadsRowsBySetAndId() throws Exception {
        DataSource ds = dataSource();
        sql(ds, "CREATE TABLE subscriber (id INT)");
        DestinationTable table = new DestinationTable(ds);
        table.migrate(getClass().getClassLoader());
        table.migrate(getClass().getClassLoader());
        assertTrue(table.load().isEmpty());
        sql(ds, "INSERT INTO dispatcher (id, setid, destination, flags, priority, attrs, description) VALUES "
                + "(3, 2, 'sip:10.0.0.3', 0, 0, '', 'other set'),"
                + "(2, 1, 'sip:10.0.0.2:5080', 2, 5, 'weight=70;duid=b', 'b'),"
                + "(1, 1, 'sip:10.0.0.1', 0, 9, 'weight=30', 'a')");
        List<Destination> rows = table.load();
        assertEquals(List.of("sip:10.0.0.1", "sip:10.0.0.2:5080", "sip:10.0.0.3"),
                rows.stream().map(Destination::uri).toList());
        assertEquals(new Destination(1, "sip:10.0.0.2:5080", 2, 5, "weight=70;duid=b", "b", 70, 0), rows.get(1));
    }

    @Test
    void aBadRowIsReportedWithItsId() throws Exception {
        DataSource ds = dataSource();
        DestinationTable table = new DestinationTable(ds);
        table.migrate(getClass().getClassLoader());
        sql(ds, "INSERT INTO dispatcher (id, setid, destination) VALUES (7, 1, 'mailto:x@y')");
        IllegalStateException e = assertThrows(IllegalStateException.class, table::load);
        assertTrue(e.getMessage().contains("row id 7: destination must be a sip: or sips: URI"), e.getMessage());
    }
}
