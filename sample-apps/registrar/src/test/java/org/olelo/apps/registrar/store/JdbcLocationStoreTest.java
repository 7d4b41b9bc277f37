package org.olelo.apps.registrar.store;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.apps.registrar.spi.Binding;
import org.olelo.apps.registrar.spi.StoreException;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JdbcLocationStoreTest {

    private static final long NOW = 1_700_000_000_000L;

    @TempDir
    Path dir;
    private DataSource ds;
    private JdbcLocationStore store;

    @BeforeEach
    void setUp() throws StoreException {
        ds = H2Files.migrated(dir);
        store = new JdbcLocationStore(ds);
    }

    @Test
    void everyColumnSurvivesTheRoundTrip() throws StoreException {
        Binding b = new Binding("sip:alice@example.com", "sip:alice@10.0.0.5:5070;transport=tcp;ob", NOW + 60_000, 500,
                "abc@host", 42, List.of("<sip:edge1.example.com;lr>", "\"Edge, two\" <sip:edge2.example.com;lr>"),
                "sip:[2001:db8::1]:40000", "tcp", "<urn:uuid:00000000-0000-1000-8000-000A95A0E128>", 1,
                "Phone/1.0 (a, b)", NOW);
        store.put(b.aor(), List.of(b));
        assertEquals(List.of(b), new JdbcLocationStore(ds).get(b.aor()));
    }

    @Test
    void putReplacesTheWholeListAndAnEmptyListRemovesTheAor() throws StoreException {
        String aor = "sip:bob@example.com";
        store.put(aor, List.of(H2Files.binding(aor, "sip:bob@a", NOW), H2Files.binding(aor, "sip:bob@b", NOW)));
        store.put(aor, List.of(H2Files.binding(aor, "sip:bob@c", NOW)));
        assertEquals(List.of("sip:bob@c"), store.get(aor).stream().map(Binding::contact).toList());
        store.put(aor, List.of());
        assertEquals(List.of(), store.get(aor));
        assertEquals(Map.of(), store.loadAll());
    }

    @Test
    void sqlMetacharactersInUserNamesAreStoredAndFoundVerbatim() throws StoreException {
        String quote = "sip:o'brien\";--@example.com";
        String like = "sip:a%_\\@example.com";
        String other = "sip:abc\\@example.com";
        store.put(quote, List.of(H2Files.binding(quote, "sip:x'); DROP TABLE location;--@10.0.0.1", NOW)));
        store.put(like, List.of(H2Files.binding(like, "sip:like@10.0.0.2", NOW)));
        store.put(other, List.of(H2Files.binding(other, "sip:other@10.0.0.3", NOW)));
        assertEquals("sip:x'); DROP TABLE location;--@10.0.0.1", store.get(quote).get(0).contact());
        assertEquals(List.of("sip:like@10.0.0.2"), store.get(like).stream().map(Binding::contact).toList());
        assertEquals(List.of(), store.get("sip:a%@example.com"), "% is data, not a wildcard");
        assertEquals(3, store.loadAll().size());
    }

    @Test
    void removeExpiredDeletesOnlyWhatHasExpiredAndCountSeesTheRest() throws StoreException {
        String aor = "sip:carol@example.com";
        store.put(aor, List.of(H2Files.binding(aor, "sip:old@h", NOW - 1), H2Files.binding(aor, "sip:edge@h", NOW),
                H2Files.binding(aor, "sip:new@h", NOW + 1)));
        assertEquals(1, store.count(NOW));
        assertEquals(2, store.removeExpired(NOW));
        assertEquals(List.of("sip:new@h"), store.get(aor).stream().map(Binding::contact).toList());
    }

    @Test
    void aFailedPutRollsBackAndKeepsTheOldRows() throws StoreException {
        String aor = "sip:dave@example.com";
        store.put(aor, List.of(H2Files.binding(aor, "sip:dave@old", NOW)));
        Binding ok = H2Files.binding(aor, "sip:dave@new", NOW);
        Binding tooLong = H2Files.binding(aor, "sip:" + "x".repeat(600) + "@h", NOW);
        assertThrows(StoreException.class, () -> store.put(aor, List.of(ok, tooLong)));
        assertEquals(List.of("sip:dave@old"), store.get(aor).stream().map(Binding::contact).toList());
    }

    @Test
    void theMigrationRunsOnceAndAcceptsASchemaWithOtherTables() throws Exception {
        DataSource fresh = H2Files.dataSource(dir.resolve("other"));
        H2Files.sql(fresh, "CREATE TABLE subscriber (username VARCHAR(64), domain VARCHAR(64))");
        assertEquals(2, SchemaMigrator.migrate(fresh, getClass().getClassLoader()), "location, then silo");
        assertEquals(0, SchemaMigrator.migrate(fresh, getClass().getClassLoader()));
        new JdbcLocationStore(fresh).put("sip:e@h", List.of(H2Files.binding("sip:e@h", "sip:e@1.2.3.4", NOW)));
        assertTrue(new JdbcLocationStore(fresh).loadAll().containsKey("sip:e@h"));
    }
}
