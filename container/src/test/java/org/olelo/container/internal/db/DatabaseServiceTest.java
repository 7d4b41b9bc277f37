package org.olelo.container.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database service on real H2 files: migrations, the subscriber table, durability. */
class DatabaseServiceTest {

    @TempDir
    Path data;

    /** The columns of a table, whether its name was created quoted (Flyway's) or not (ours). */
    private static List<String> columns(DataSource ds, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection()) {
            for (String name : List.of(table, table.toUpperCase())) {
                try (ResultSet rs = c.getMetaData().getColumns(null, null, name, null)) {
                    while (rs.next()) {
                        out.add(rs.getString("COLUMN_NAME").toLowerCase());
                    }
                }
            }
        }
        return out;
    }

    @Test
    void flywayCreatesTheSubscriberTableInTheH2FileOnce() throws Exception {
        try (DatabaseService db = DatabaseService.open(DatabaseSettings.defaults(), data)) {
            assertTrue(Files.isRegularFile(data.resolve("olelo.mv.db")), "the H2 file lives in the data folder");
            assertEquals(List.of("id", "username", "domain", "ha1_md5", "ha1_sha256", "roles", "created"),
                    columns(db.defaultPool(), "subscriber"));
            assertTrue(columns(db.defaultPool(), DatabaseService.HISTORY_TABLE).contains("version"));
            new SubscriberStore(db.defaultPool()).add(new Subscriber(0, "bob", "Example.COM", "a".repeat(32),
                    "b".repeat(64), List.of("x"), null));
        }
        try (DatabaseService again = DatabaseService.open(DatabaseSettings.defaults(), data);
             Connection c = again.defaultPool().getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM \"" + DatabaseService.HISTORY_TABLE
                     + "\" WHERE \"version\" = '1' AND \"success\"")) {
            rs.next();
            assertEquals(1, rs.getInt(1), "V1 ran once, the second start found nothing to do");
            assertEquals("bob@example.com", new SubscriberStore(again.defaultPool()).list().get(0).address());
        }
    }

    @Test
    void subscriberRowsAreAddedFoundChangedAndRemoved() throws Exception {
        try (DatabaseService db = DatabaseService.open(DatabaseSettings.defaults(), data)) {
            SubscriberStore store = new SubscriberStore(db.defaultPool());
            Subscriber bob = new Subscriber(0, "bob", "example.com", "1".repeat(32), "2".repeat(64), List.of("a", "b"), null);
            assertTrue(store.add(bob));
            assertFalse(store.add(bob), "(username, domain) is unique");
            assertTrue(store.add(new Subscriber(0, "Bob", "example.com", "1".repeat(32), "2".repeat(64), List.of(), null)),
                    "user names are case-sensitive");
            Subscriber found = store.find("bob", "EXAMPLE.com").orElseThrow();
            assertEquals(List.of("a", "b"), found.roles());
            assertTrue(found.created() != null && found.id() > 0);
            assertFalse(found.toString().contains("1111"), "HA1 values stay out of logs: " + found);
            assertTrue(store.updateSecrets("bob", "example.com", "3".repeat(32), "4".repeat(64)));
            assertEquals("4".repeat(64), store.find("bob", "example.com").orElseThrow().ha1Sha256());
            assertTrue(store.remove("bob", "example.com"));
            assertFalse(store.remove("bob", "example.com"));
            assertEquals(List.of("Bob@example.com"), store.list().stream().map(Subscriber::address).toList());
        }
    }

    @Test
    void aCommittedRowSurvivesKillMinus9() throws Exception {
        Process child = ChildJvm.start(CommitThenWait.class, data.toString(), "durable");
        try {
            ChildJvm.awaitLine(child, "committed");
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        }
        try (DatabaseService db = DatabaseService.open(DatabaseSettings.defaults(), data)) {
            assertTrue(new SubscriberStore(db.defaultPool()).find("durable", "example.com").isPresent(),
                    "the row committed before SIGKILL is in the file");
        }
    }

    @Test
    void aWrongUrlFailsNamingTheKeyWithoutThePassword() {
        DatabaseSettings s = new DatabaseSettings("jdbc:nosuchdb://db.invalid/olelo?password=hunter2", "u", "hunter2", 2);
        DatabaseException e = assertThrows(DatabaseException.class, () -> DatabaseService.open(s, data));
        assertEquals("db.url", e.key());
        assertTrue(e.getMessage().contains("jdbc:nosuchdb://db.invalid/olelo") && e.getMessage().contains("driver"),
                e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertFalse(s.toString().contains("hunter2"), s.toString());
    }
}
