package org.olelo.apps.registrar.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.apps.registrar.spi.Binding;
import org.olelo.apps.registrar.spi.StoreException;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CachedLocationStoreTest {

    private static final String AOR = "sip:alice@example.com";
    private static final Duration HOUR = Duration.ofHours(1);

    @TempDir
    Path dir;
    private final List<String> errors = new CopyOnWriteArrayList<>();

    private CachedLocationStore open(DbMode mode, DataSource ds, Duration flush) throws StoreException {
        return CachedLocationStore.open(mode, ds, flush, (msg, e) -> errors.add(msg));
    }

    private static List<String> contacts(List<Binding> bindings) {
        return bindings.stream().map(Binding::contact).toList();
    }

    private static Binding binding(String contact) {
        return H2Files.binding(AOR, contact, System.currentTimeMillis() + 3_600_000);
    }

    @Test
    void memoryModeNeedsNoDatabaseAndForgetsOnRestart() throws StoreException {
        try (CachedLocationStore s = open(DbMode.MEMORY, null, HOUR)) {
            s.put(AOR, List.of(binding("sip:a@1.1.1.1")));
            assertEquals(List.of("sip:a@1.1.1.1"), contacts(s.get(AOR)));
        }
        try (CachedLocationStore s = open(DbMode.MEMORY, null, HOUR)) {
            assertEquals(List.of(), s.get(AOR));
        }
    }

    @Test
    void databaseModesRefuseToOpenWithoutADataSource() {
        for (DbMode mode : List.of(DbMode.WRITE_THROUGH, DbMode.WRITE_BACK, DbMode.DB_ONLY)) {
            assertThrows(IllegalArgumentException.class, () -> open(mode, null, HOUR), mode.key());
        }
    }

    @Test
    void writeThroughIsOnFileWhenPutReturnsAndLoadedByTheNextInstance() throws StoreException {
        DataSource ds = H2Files.migrated(dir);
        try (CachedLocationStore s = open(DbMode.WRITE_THROUGH, ds, HOUR)) {
            s.put(AOR, List.of(binding("sip:a@1.1.1.1")));
            assertEquals(List.of("sip:a@1.1.1.1"), contacts(new JdbcLocationStore(H2Files.dataSource(dir)).get(AOR)));
        }
        try (CachedLocationStore again = open(DbMode.WRITE_THROUGH, H2Files.dataSource(dir), HOUR)) {
            assertEquals(List.of("sip:a@1.1.1.1"), contacts(again.get(AOR)));
        }
    }

    @Test
    void writeThroughKeepsMemoryUnchangedWhenTheCommitFails() throws Exception {
        DataSource ds = H2Files.migrated(dir);
        try (CachedLocationStore s = open(DbMode.WRITE_THROUGH, ds, HOUR)) {
            s.put(AOR, List.of(binding("sip:a@1.1.1.1")));
            H2Files.sql(ds, "DROP TABLE location");
            assertThrows(StoreException.class, () -> s.put(AOR, List.of(binding("sip:b@2.2.2.2"))));
            assertEquals(List.of("sip:a@1.1.1.1"), contacts(s.get(AOR)));
        }
    }

    @Test
    void writeBackReachesTheDatabaseOnlyAfterTheFlushInterval() throws Exception {
        DataSource ds = H2Files.migrated(dir);
        JdbcLocationStore db = new JdbcLocationStore(ds);
        try (CachedLocationStore s = open(DbMode.WRITE_BACK, ds, Duration.ofMillis(300))) {
            s.put(AOR, List.of(binding("sip:a@1.1.1.1")));
            assertEquals(List.of("sip:a@1.1.1.1"), contacts(s.get(AOR)), "visible in memory at once");
            assertEquals(List.of(), db.get(AOR), "not in the database before the flush");
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (db.get(AOR).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(List.of("sip:a@1.1.1.1"), contacts(db.get(AOR)));
            assertEquals(0, s.pendingFlush());
        }
        assertEquals(List.of(), errors);
    }

    @Test
    void writeBackFlushesPendingChangesOnClose() throws StoreException {
        DataSource ds = H2Files.migrated(dir);
        try (CachedLocationStore s = open(DbMode.WRITE_BACK, ds, HOUR)) {
            s.put(AOR, List.of(binding("sip:a@1.1.1.1")));
            s.put("sip:bob@example.com", List.of(H2Files.binding("sip:bob@example.com", "sip:b@2.2.2.2",
                    System.currentTimeMillis() + 60_000)));
            s.remove("sip:bob@example.com");
            assertEquals(2, s.pendingFlush());
            assertEquals(Map.of(), new JdbcLocationStore(ds).loadAll());
        }
        assertEquals(List.of(AOR), List.copyOf(new JdbcLocationStore(ds).loadAll().keySet()));
    }

    @Test
    void dbOnlyReadsEveryTimeFromTheDatabase() throws StoreException {
        DataSource ds = H2Files.migrated(dir);
        try (CachedLocationStore s = open(DbMode.DB_ONLY, ds, HOUR)) {
            s.put(AOR, List.of(binding("sip:a@1.1.1.1")));
            assertEquals(List.of("sip:a@1.1.1.1"), contacts(new JdbcLocationStore(ds).get(AOR)));
            new JdbcLocationStore(ds).put(AOR, List.of(binding("sip:written-elsewhere@3.3.3.3")));
            assertEquals(List.of("sip:written-elsewhere@3.3.3.3"), contacts(s.get(AOR)));
            assertEquals(1, s.count(System.currentTimeMillis()));
        }
    }

    @Test
    void expiredBindingsLeaveMemoryAndDatabase() throws StoreException {
        long now = System.currentTimeMillis();
        for (DbMode mode : DbMode.values()) {
            DataSource ds = mode.usesDatabase() ? H2Files.migrated(dir.resolve(mode.key())) : null;
            try (CachedLocationStore s = open(mode, ds, HOUR)) {
                s.put(AOR, List.of(H2Files.binding(AOR, "sip:gone@1.1.1.1", now - 1),
                        H2Files.binding(AOR, "sip:stays@2.2.2.2", now + 60_000)));
                s.flush();
                assertEquals(1, s.removeExpired(now), mode.key());
                assertEquals(List.of("sip:stays@2.2.2.2"), contacts(s.get(AOR)), mode.key());
                if (ds != null) {
                    assertEquals(List.of("sip:stays@2.2.2.2"), contacts(new JdbcLocationStore(ds).get(AOR)), mode.key());
                }
            }
        }
    }

    @Test
    void modesParseByNameAndKamailioNumber() {
        assertEquals(DbMode.MEMORY, DbMode.parse("0"));
        assertEquals(DbMode.WRITE_THROUGH, DbMode.parse(" Write-Through "));
        assertEquals(DbMode.WRITE_BACK, DbMode.parse("2"));
        assertEquals(DbMode.DB_ONLY, DbMode.parse("db-only"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DbMode.parse("cache"));
        assertTrue(e.getMessage().contains("'cache'"));
    }
}
