package org.olelo.apps.registrar.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.apps.registrar.spi.Binding;
import org.olelo.apps.registrar.spi.StoreException;

/** The registrar's bindings in a map shared by the nodes of a cluster. */
class SharedLocationStoreTest {

    private static final String AOR = "sip:bob@example.com";

    @TempDir
    Path dir;

    @Test
    void everyFieldOfABindingCrossesTheMap() throws StoreException {
        MapInMemory map = new MapInMemory();
        Binding full = new Binding(AOR, "sip:bob@192.0.2.1:5070;transport=tcp", 1_900_000_000_000L, 500, "c1@x", 42,
                List.of("<sip:edge1.example.com;lr>", "<sip:edge2.example.com;lr>"), "sip:192.0.2.1:40000", "tcp",
                "urn:uuid:00000000-0000-1000-8000-000A95A0E128", 1, "Bob's phone \u00e9", 1_800_000_000_000L);
        Binding bare = new Binding(AOR, "sip:bob@[2001:db8::1]", 1_900_000_000_000L, Binding.NO_Q, "c2", 1, List.of(),
                null, null, null, Binding.NO_REG_ID, null, 1L);
        new SharedLocationStore(map).put(AOR, List.of(full, bare));
        assertEquals(List.of(full, bare), new SharedLocationStore(map).get(AOR));
    }

    @Test
    void twoNodesSeeOneAnothersBindingsThroughTheirStores() throws StoreException {
        MapInMemory map = new MapInMemory();
        try (CachedLocationStore one = open(DbMode.MEMORY, map);
             CachedLocationStore two = open(DbMode.MEMORY, map)) {
            one.put(AOR, List.of(binding("sip:bob@192.0.2.1", 3_600_000)));
            assertEquals("sip:bob@192.0.2.1", two.get(AOR).get(0).contact());
            assertEquals(1, two.count(System.currentTimeMillis()));
            two.remove(AOR);
            assertEquals(List.of(), one.get(AOR));
        }
    }

    @Test
    void theExpiryCleanupNeverUndoesARegistrationMadeMeanwhile() throws StoreException {
        MapInMemory map = new MapInMemory();
        SharedLocationStore node1 = new SharedLocationStore(map);
        SharedLocationStore node2 = new SharedLocationStore(map);
        node1.put(AOR, List.of(binding("sip:bob@192.0.2.1", -1000)));
        Binding fresh = binding("sip:bob@192.0.2.2", 3_600_000);
        // node 2 registers bob again between node 1's read and its write of the cleaned list
        map.beforeReplace = () -> {
            map.beforeReplace = () -> { };
            try {
                node2.put(AOR, List.of(fresh));
            } catch (StoreException e) {
                throw new IllegalStateException(e);
            }
        };
        assertEquals(0, node1.removeExpired(System.currentTimeMillis()));
        assertEquals(List.of(fresh), node1.get(AOR));
        node2.put(AOR, List.of(binding("sip:bob@192.0.2.1", -1000), fresh));
        assertEquals(1, node1.removeExpired(System.currentTimeMillis()));
        assertEquals(List.of(fresh), node2.get(AOR));
    }

    @Test
    void aLaterNodeKeepsWhatTheClusterHoldsInsteadOfTheTable() throws StoreException {
        var ds = H2Files.migrated(dir);
        MapInMemory map = new MapInMemory();
        try (CachedLocationStore first = open(DbMode.WRITE_THROUGH, map, ds)) {
            first.put(AOR, List.of(binding("sip:bob@192.0.2.1", 3_600_000)));
        }
        // the table now lags behind the cluster (a write that reached only the shared map)
        map.put(AOR, BindingCodec.encode(List.of(binding("sip:bob@192.0.2.9", 3_600_000))));
        try (CachedLocationStore later = open(DbMode.WRITE_THROUGH, map, ds)) {
            assertEquals("sip:bob@192.0.2.9", later.get(AOR).get(0).contact());
        }
        MapInMemory empty = new MapInMemory();
        try (CachedLocationStore firstOfANewCluster = open(DbMode.WRITE_THROUGH, empty, ds)) {
            assertEquals("sip:bob@192.0.2.1", firstOfANewCluster.get(AOR).get(0).contact());
        }
    }

    @Test
    void malformedBytesAreAStoreFailure() {
        MapInMemory map = new MapInMemory();
        map.put(AOR, new byte[] {1, 0, 0, 0, 5, 0, 0});
        assertThrows(StoreException.class, () -> new SharedLocationStore(map).get(AOR));
    }

    private CachedLocationStore open(DbMode mode, MapInMemory map) throws StoreException {
        return open(mode, map, null);
    }

    private static CachedLocationStore open(DbMode mode, MapInMemory map, javax.sql.DataSource ds) throws StoreException {
        return CachedLocationStore.open(mode, ds, Duration.ofHours(1), (m, e) -> { }, new SharedLocationStore(map));
    }

    private static Binding binding(String contact, long fromNow) {
        return H2Files.binding(AOR, contact, System.currentTimeMillis() + fromNow);
    }
}
