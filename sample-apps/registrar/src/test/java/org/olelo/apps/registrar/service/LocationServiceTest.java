package org.olelo.apps.registrar.service;

import org.junit.jupiter.api.Test;
import org.olelo.apps.registrar.spi.Binding;
import org.olelo.apps.registrar.spi.StoreException;
import org.olelo.apps.registrar.spi.SubscriberDirectory;
import org.olelo.apps.registrar.store.MemoryLocationStore;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class LocationServiceTest {

    private static final long NOW = 1_700_000_000_000L;
    private static final String AOR = "sip:alice@example.com";

    private final MemoryLocationStore store = new MemoryLocationStore();
    private final KnownAors known = new KnownAors();
    private final RegistrarStatistics stats = new RegistrarStatistics();

    private LookupResult lookup(SubscriberDirectory subscribers, String user) throws RegistrarException {
        return new LocationService(store, subscribers, known, stats).lookup(Aor.of("sip", user, "Example.com"), NOW);
    }

    private static Binding binding(String contact, int q, long updated, List<String> path, String received) {
        return new Binding(AOR, contact, NOW + 60_000, q, "c@ua", 1, path, received, "udp", null, 0, null, updated);
    }

    @Test
    void contactsComeBestQFirstThenMostRecentAndExpiredOrNonSipOnesAreLeftOut() throws Exception {
        store.put(AOR, List.of(binding("sip:low@10.0.0.1", 100, NOW, List.of(), null),
                binding("sip:old@10.0.0.2", Binding.NO_Q, NOW - 5000, List.of(), null),
                binding("sip:new@10.0.0.3", 1000, NOW - 10, List.of(), null),
                binding("tel:+15551234567", 1000, NOW, List.of(), null),
                new Binding(AOR, "sip:gone@10.0.0.4", NOW, 1000, "c@ua", 1, List.of(), null, null, null, 0, null, NOW)));
        LookupResult.Found found = assertInstanceOf(LookupResult.Found.class, lookup(SubscriberDirectory.NONE, "alice"));
        assertEquals(List.of("sip:new@10.0.0.3", "sip:old@10.0.0.2", "sip:low@10.0.0.1"),
                found.targets().stream().map(Target::uri).toList());
        assertEquals(1, stats.lookupHits());
    }

    @Test
    void pathValuesAreTheRouteInOrder() throws Exception {
        List<String> path = List.of("<sip:edge1.example.com;lr>", "<sip:edge2.example.com;lr>");
        store.put(AOR, List.of(binding("sip:alice@10.0.0.1", -1, NOW, path, "sip:198.51.100.7:5060")));
        LookupResult.Found found = assertInstanceOf(LookupResult.Found.class, lookup(SubscriberDirectory.NONE, "alice"));
        assertEquals(path, found.targets().get(0).routes());
    }

    @Test
    void aContactBehindNatIsReachedThroughTheSourceOfItsRegister() throws Exception {
        store.put(AOR, List.of(binding("sip:nat@192.168.1.20:5060", -1, NOW, List.of(), "sip:198.51.100.7:40001"),
                binding("sip:direct@198.51.100.8", -1, NOW - 1, List.of(), "sip:198.51.100.8:5060"),
                binding("sip:v6@[2001:DB8::1]:5070", -1, NOW - 2, List.of(), "sip:[2001:db8::1]:5070"),
                binding("sip:port@198.51.100.9:5060", -1, NOW - 3, List.of(), "sip:198.51.100.9:6000")));
        LookupResult.Found found = assertInstanceOf(LookupResult.Found.class, lookup(SubscriberDirectory.NONE, "alice"));
        assertEquals(List.of(List.of("<sip:198.51.100.7:40001;transport=udp;lr>"), List.of(), List.of(),
                List.of("<sip:198.51.100.9:6000;transport=udp;lr>")),
                found.targets().stream().map(Target::routes).toList());
    }

    @Test
    void unknownUsersAre404AndKnownOnes480() throws Exception {
        assertInstanceOf(LookupResult.NotFound.class, lookup(SubscriberDirectory.NONE, "nobody"));
        known.add("sip:was-here@example.com");
        assertInstanceOf(LookupResult.Unavailable.class, lookup(SubscriberDirectory.NONE, "was-here"));
        SubscriberDirectory onlyBob = (user, domain) -> Optional.of(user.equals("bob") && domain.equals("example.com"));
        assertInstanceOf(LookupResult.Unavailable.class, lookup(onlyBob, "bob"));
        assertInstanceOf(LookupResult.NotFound.class, lookup(onlyBob, "carol"));
        assertEquals(4, stats.lookupMisses());
    }

    @Test
    void aStoreFailureIsReported() throws Exception {
        LocationService broken = new LocationService(new FailingStore(store, true), SubscriberDirectory.NONE, known, stats);
        LookupResult r = broken.lookup(Aor.of("sip", "alice", "example.com"), NOW);
        assertInstanceOf(StoreException.class, assertInstanceOf(LookupResult.Failed.class, r).cause());
    }
}
