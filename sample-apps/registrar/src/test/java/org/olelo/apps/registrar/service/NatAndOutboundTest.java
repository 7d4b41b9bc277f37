package org.olelo.apps.registrar.service;

import org.junit.jupiter.api.Test;
import org.olelo.apps.registrar.spi.Binding;
import org.olelo.apps.registrar.spi.SubscriberDirectory;
import org.olelo.apps.registrar.store.MemoryLocationStore;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The registrar's NAT, outbound, GRUU and max.contacts rules on plain values: which contacts are
 * reached through their REGISTER's source under each {@code nat.detect}, outbound bindings always
 * through their flow, a flow's failure removing its outbound bindings only, GRUUs made and read
 * back (a forged or altered one reaches nobody), a lookup for one instance, and
 * {@code max.contacts.policy=replace-oldest}.
 */
class NatAndOutboundTest {

    private static final long NOW = RegistrarFixture.NOW;
    private static final String AOR = RegistrarFixture.AOR;

    private static Binding binding(String contact, String received, String transport, String instance, int regId) {
        return new Binding(AOR, contact, NOW + 60_000, Binding.NO_Q, "c@ua", 1, List.of(), received, transport, instance,
                regId, null, NOW);
    }

    @Test
    void privateAndLinkLocalAddressesAreTold() {
        for (String p : List.of("10.0.0.5", "172.16.0.1", "172.31.255.255", "192.168.1.20", "100.64.0.1", "169.254.3.4",
                "fe80::1", "fd00::5", "fc12::1")) {
            assertTrue(NatDetect.isPrivate(p), p);
        }
        for (String p : List.of("172.32.0.1", "198.51.100.7", "100.128.0.1", "127.0.0.1", "2001:db8::1", "example.com",
                "10.example.com")) {
            assertFalse(NatDetect.isPrivate(p), p);
        }
    }

    @Test
    void natDetectDecidesWhichContactsGoThroughTheSource() {
        UriParts privateContact = UriParts.parse("sip:a@192.168.1.20:5060");
        UriParts publicContact = UriParts.parse("sip:a@198.51.100.8:5060");
        Binding nated = binding("sip:a@192.168.1.20:5060", "sip:198.51.100.7:40001", "udp", null, 0);
        Binding moved = binding("sip:a@198.51.100.8:5060", "sip:198.51.100.7:40001", "tcp", null, 0);
        List<String> viaSource = List.of("<sip:198.51.100.7:40001;transport=udp;lr>");
        assertEquals(viaSource, LocationService.routes(nated, privateContact, NatDetect.PRIVATE));
        assertEquals(List.of(), LocationService.routes(moved, publicContact, NatDetect.PRIVATE), "a public contact is used as it is");
        assertEquals(List.of("<sip:198.51.100.7:40001;transport=tcp;lr>"),
                LocationService.routes(moved, publicContact, NatDetect.ALWAYS));
        assertEquals(List.of(), LocationService.routes(nated, privateContact, NatDetect.NEVER));
        Binding outbound = binding("sip:a@198.51.100.8:5060", "sip:198.51.100.7:40001", "tcp", "<urn:uuid:1>", 1);
        assertEquals(List.of("<sip:198.51.100.7:40001;transport=tcp;lr>"),
                LocationService.routes(outbound, publicContact, NatDetect.NEVER), "an outbound binding takes its flow");
        assertEquals(NatDetect.PRIVATE, NatDetect.parse(" Private "));
        assertThrows(IllegalArgumentException.class, () -> NatDetect.parse("sometimes"));
    }

    @Test
    void aFailedFlowTakesItsOutboundBindingsOnly() throws Exception {
        RegistrarFixture f = new RegistrarFixture();
        f.ok(Reg.alice().from("198.51.100.7", 40001, "TCP")
                .contact(new ContactSpec("sip:a@10.0.0.1;transport=tcp", null, null, "\"<urn:uuid:1>\"", "1")));
        f.ok(Reg.alice().callId("other@ua").from("198.51.100.7", 40001, "TCP").contact("sip:plain@10.0.0.2;transport=tcp"));
        f.ok(Reg.alice().callId("third@ua").from("198.51.100.9", 40001, "TCP")
                .contact(new ContactSpec("sip:b@10.0.0.3;transport=tcp", null, null, "\"<urn:uuid:2>\"", "1")));
        assertEquals(0, f.registrar.removeFlow(AOR, "sip:198.51.100.7:40001", "udp", NOW), "another transport");
        assertEquals(1, f.registrar.removeFlow(AOR, "sip:198.51.100.7:40001", "tcp", NOW));
        assertEquals(List.of("sip:b@10.0.0.3;transport=tcp", "sip:plain@10.0.0.2;transport=tcp"),
                f.storedContacts().stream().sorted().toList());
    }

    @Test
    void outboundFlowsRememberTheirAorsUntilTheyFail() {
        OutboundFlows flows = new OutboundFlows();
        assertTrue(flows.bind("f1", "sip:a@x"));
        assertTrue(flows.bind("f1", "sip:a@x"));
        assertTrue(flows.bind("f1", "sip:b@x"));
        assertEquals(java.util.Set.of("sip:a@x", "sip:b@x"), flows.failed("f1"));
        assertEquals(java.util.Set.of(), flows.failed("f1"), "once");
        assertEquals(0, flows.size());
    }

    @Test
    void gruusAreMadeAndReadBack() throws Exception {
        Gruus gruus = new Gruus();
        Aor aor = Aor.of("sip", "alice", "example.com");
        assertEquals("sip:alice@example.com;gr=urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6",
                gruus.publicGruu(aor, "<urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6>"));
        assertEquals("sip:alice@example.com;gr=urn:x%20y%3Cz", gruus.publicGruu(aor, "<urn:x y<z>"));
        Gruus.Reach pub = gruus.target("sip", "alice", "example.com", "urn:uuid:1");
        assertEquals(new Gruus.Reach(aor, "<urn:uuid:1>"), pub);

        String temp = gruus.temporaryGruu(aor, "<urn:uuid:1>");
        assertTrue(temp.matches("sip:tgruu\\.[A-Za-z0-9_-]+@example\\.com;gr"), temp);
        assertFalse(temp.contains("alice") || temp.contains("uuid"), "a temporary GRUU hides its owner");
        assertFalse(temp.equals(gruus.temporaryGruu(aor, "<urn:uuid:1>")), "a fresh one each time");
        String user = temp.substring(4, temp.indexOf('@'));
        assertEquals(new Gruus.Reach(aor, "<urn:uuid:1>"), gruus.target("sip", user, "example.com", ""));

        // a character inside the token, not the last one: base64's last character may carry unused bits
        int at = "tgruu.".length() + 3;
        String altered = user.substring(0, at) + (user.charAt(at) == 'A' ? 'B' : 'A') + user.substring(at + 1);
        assertNull(gruus.target("sip", altered, "example.com", ""), "altered");
        assertNull(new Gruus().target("sip", user, "example.com", ""), "another registrar's key");
        assertNull(gruus.target("sip", "tgruu.!!!", "example.com", ""), "not base64");
        assertNull(gruus.target("sip", "alice", "example.com", ""), "a gr flag on a plain user");
        assertNull(gruus.target("sip", "alice", "example.com", null), "no gr at all");
    }

    @Test
    void aLookupForOneInstanceFindsOnlyItsBindings() throws Exception {
        MemoryLocationStore store = new MemoryLocationStore();
        store.put(AOR, List.of(binding("sip:one@198.51.100.1", null, null, "<urn:uuid:1>", 0),
                binding("sip:two@198.51.100.2", null, null, "<urn:uuid:2>", 0)));
        LocationService location = new LocationService(store, SubscriberDirectory.NONE, new KnownAors(),
                new RegistrarStatistics(), NatDetect.ALWAYS);
        Aor aor = Aor.of("sip", "alice", "example.com");
        LookupResult.Found two = assertInstanceOf(LookupResult.Found.class, location.lookup(aor, "<urn:uuid:2>", NOW));
        assertEquals(List.of("sip:two@198.51.100.2"), two.targets().stream().map(Target::uri).toList());
        assertEquals(2, assertInstanceOf(LookupResult.Found.class, location.lookup(aor, null, NOW)).targets().size());
        assertInstanceOf(LookupResult.Unavailable.class, location.lookup(aor, "<urn:uuid:3>", NOW));
    }

    @Test
    void replaceOldestMakesRoomForTheNewBinding() throws Exception {
        RegistrarFixture f = new RegistrarFixture(new MemoryLocationStore(),
                new Registrar.Policy(3600, 60, 86400, 2, PathMode.STRICT, MaxContactsPolicy.REPLACE_OLDEST));
        f.ok(Reg.alice().contact("sip:a@10.0.0.1"), NOW);
        f.ok(Reg.alice().cseq(2).contact("sip:b@10.0.0.2"), NOW + 1000);
        f.ok(Reg.alice().cseq(3).contact("sip:a@10.0.0.1"), NOW + 2000); // a refreshed: b is now the oldest
        RegisterResult.Accepted ok = f.ok(Reg.alice().cseq(4).contact("sip:c@10.0.0.3"), NOW + 3000);
        assertEquals(List.of("sip:a@10.0.0.1", "sip:c@10.0.0.3"), RegistrarFixture.contacts(ok).stream().sorted().toList());
        assertEquals(List.of("sip:a@10.0.0.1", "sip:c@10.0.0.3"), f.storedContacts().stream().sorted().toList());
        f.rejected(Reg.alice().cseq(5).contact("sip:d@10.0.0.4").contact("sip:e@10.0.0.5").contact("sip:f@10.0.0.6"), 403);
        assertEquals(MaxContactsPolicy.REPLACE_OLDEST, MaxContactsPolicy.parse("replace-oldest"));
    }
}
