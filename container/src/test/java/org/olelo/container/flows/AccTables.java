package org.olelo.container.flows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Reads the accounting tables of a test server's database, waiting for the writer thread. */
final class AccTables {

    private AccTables() {
    }

    /** The rows of a query, each column by its lower-case name. */
    static List<Map<String, Object>> rows(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<Map<String, Object>> out = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnLabel(i).toLowerCase(), rs.getObject(i));
                }
                out.add(row);
            }
            return out;
        }
    }

    /** The rows of a query once there are at least {@code count} (or what there is after {@code millis}). */
    static List<Map<String, Object>> await(DataSource ds, String sql, int count, long millis) throws Exception {
        long end = System.currentTimeMillis() + millis;
        List<Map<String, Object>> r = rows(ds, sql);
        while (r.size() < count && System.currentTimeMillis() < end) {
            Thread.sleep(50);
            r = rows(ds, sql);
        }
        return r;
    }

    /** Runs one statement. */
    static void run(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
