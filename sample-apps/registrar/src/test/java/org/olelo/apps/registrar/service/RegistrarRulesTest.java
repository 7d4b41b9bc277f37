package org.olelo.apps.registrar.service;

import org.junit.jupiter.api.Test;
import org.olelo.apps.registrar.spi.Binding;
import org.olelo.apps.registrar.spi.StoreException;
import org.olelo.apps.registrar.store.MemoryLocationStore;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.olelo.apps.registrar.service.RegistrarFixture.contacts;

/** RFC 3261 §10.3 checks that refuse a REGISTER, and the Path and RFC 5626 extras. */
class RegistrarRulesTest {

    private final RegistrarFixture f = new RegistrarFixture();

    @Test
    void sameCallIdWithAnOlderOrEqualCSeqFailsAndChangesNothing() throws Exception {
        f.ok(Reg.alice().contact("sip:a@10.0.0.1").cseq(10));
        RegisterResult.Rejected equal = f.rejected(Reg.alice().contact("sip:a@10.0.0.1").expires("0").cseq(10), 500);
        assertTrue(equal.reason().contains("CSeq 10"), equal.reason());
        f.rejected(Reg.alice().contact("sip:a@10.0.0.1").contact("sip:b@10.0.0.2").cseq(9), 500);
        f.rejected(Reg.alice().star().expires("0").cseq(3), 500);
        assertEquals(List.of("sip:a@10.0.0.1"), f.storedContacts());
        assertEquals(10, f.stored().get(0).cseq());
    }

    @Test
    void aDifferentCallIdUpdatesWhateverItsCSeq() throws Exception {
        f.ok(Reg.alice().contact("sip:a@10.0.0.1").cseq(10));
        f.ok(Reg.alice().contact("sip:a@10.0.0.1").callId("rebooted@ua").cseq(1).expires("120"));
        Binding b = f.stored().get(0);
        assertEquals("rebooted@ua", b.callId());
        assertEquals(1, b.cseq());
    }

    @Test
    void aContactRepeatedInOneRequestIsNotAnOrderingError() throws Exception {
        f.ok(Reg.alice().contact("sip:a@10.0.0.1").contact(ContactSpec.of("sip:a@10.0.0.1").withExpires("100")));
        assertEquals(1, f.stored().size());
        assertEquals(RegistrarFixture.NOW + 100_000, f.stored().get(0).expiresAt());
    }

    @Test
    void moreThanMaxContactsIsRefusedWithTheLimitAndNothingStored() throws Exception {
        RegistrarFixture two = new RegistrarFixture(new MemoryLocationStore(), new Registrar.Policy(3600, 60, 86400, 2));
        two.ok(Reg.alice().contact("sip:a@10.0.0.1").contact("sip:b@10.0.0.2"));
        RegisterResult.Rejected no = two.rejected(Reg.alice().contact("sip:c@10.0.0.3").cseq(2), 403);
        assertEquals("Too many registered contacts: 3, max.contacts is 2", no.reason());
        assertEquals(List.of("sip:a@10.0.0.1", "sip:b@10.0.0.2"), two.storedContacts().stream().sorted().toList());
        two.ok(Reg.alice().contact("sip:a@10.0.0.1").cseq(3).expires("0"));
        two.ok(Reg.alice().contact("sip:c@10.0.0.3").cseq(4));
    }

    @Test
    void foreignDomainsAreRefusedByName() throws Exception {
        RegisterResult.Rejected ruri = f.rejected(Reg.alice().requestUri("other.net").contact("sip:a@10.0.0.1"), 403);
        assertEquals("Not a local domain: other.net", ruri.reason());
        RegisterResult.Rejected to = f.rejected(Reg.alice().to("sip", "alice", "Other.NET").contact("sip:a@10.0.0.1"), 403);
        assertEquals("Not a local domain: other.net", to.reason());
        f.ok(Reg.alice().requestUri("127.0.0.1").to("sip", "alice", "EXAMPLE.com").contact("sip:a@10.0.0.1"));
        assertEquals(1, f.stored().size(), "the AOR host is canonicalised to lower case");
    }

    @Test
    void theToMustBeASipUriWithAUserOfReasonableLength() throws Exception {
        f.rejected(Reg.alice().to("tel", null, null).contact("sip:a@10.0.0.1"), 400);
        f.rejected(Reg.alice().to("sip", null, "example.com").contact("sip:a@10.0.0.1"), 400);
        RegisterResult.Rejected big = f.rejected(Reg.alice().to("sip", "u".repeat(241), "example.com")
                .contact("sip:a@10.0.0.1"), 400);
        assertEquals("Invalid AOR: 257 characters, more than 256", big.reason());
        f.ok(Reg.alice().to("sips", "u".repeat(239), "example.com").contact("sip:a@10.0.0.1"));
        assertEquals(3, f.stats.rejectedRegistrations());
    }

    @Test
    void malformedValuesAreRefusedNamingThem() throws Exception {
        assertEquals("Malformed Expires header: '-1'",
                f.rejected(Reg.alice().expires("-1").contact("sip:a@10.0.0.1"), 400).reason());
        assertEquals("Malformed Expires header: 'soon'",
                f.rejected(Reg.alice().expires("soon").contact("sip:a@10.0.0.1"), 400).reason());
        assertEquals("Malformed expires parameter in Contact sip:a@10.0.0.1: '1h'",
                f.rejected(Reg.alice().contact(ContactSpec.of("sip:a@10.0.0.1").withExpires("1h")), 400).reason());
        assertEquals("Malformed q parameter '1.5' in Contact sip:a@10.0.0.1",
                f.rejected(Reg.alice().contact(ContactSpec.of("sip:a@10.0.0.1").withQ("1.5")), 400).reason());
        f.rejected(Reg.alice().contact(ContactSpec.of("sip:a@10.0.0.1").withQ("0.1234")), 400);
        f.rejected(Reg.alice().contact(ContactSpec.of("sip:a@10.0.0.1").withInstance("<urn:x>", "0")), 400);
        f.rejected(Reg.alice().contact("sip:" + "a".repeat(520) + "@10.0.0.1"), 400);
        f.rejected(Reg.alice().contact("sip:a@10.0.0.1").callId("c".repeat(256)), 400);
        f.rejected(Reg.alice().contact("sip:a@10.0.0.1").callId(" "), 400);
        f.rejected(Reg.alice().contact("sip:a@10.0.0.1").path(List.of("<sip:" + "p".repeat(2050) + ";lr>"), true), 400);
        assertEquals(List.of(), f.stored());
    }

    @Test
    void sqlMetacharactersInTheUserNameAreJustData() throws Exception {
        f.ok(Reg.alice().to("sip", "o'brien\";--%_", "example.com").contact("sip:x@10.0.0.1"));
        assertEquals(List.of("sip:x@10.0.0.1"),
                f.store.get("sip:o'brien\";--%_@example.com").stream().map(Binding::contact).toList());
    }

    @Test
    void anAuthenticatedUserRegistersOnlyTheirOwnAor() throws Exception {
        f.ok(Reg.alice().authenticatedAs("alice").contact("sip:a@10.0.0.1"));
        f.ok(Reg.alice().authenticatedAs("alice@EXAMPLE.com").contact("sip:a@10.0.0.1").cseq(2));
        RegisterResult.Rejected no = f.rejected(Reg.alice().authenticatedAs("mallory").contact("sip:m@6.6.6.6").cseq(3), 403);
        assertEquals("User mallory may not register sip:alice@example.com", no.reason());
        f.rejected(Reg.alice().authenticatedAs("Alice").contact("sip:m@6.6.6.6").cseq(4), 403);
        assertEquals(List.of("sip:a@10.0.0.1"), f.storedContacts());
    }

    @Test
    void instanceAndRegIdReplaceTheBindingOfTheSameFlowWhateverItsUri() throws Exception {
        String inst = "<urn:uuid:00000000-0000-1000-8000-000A95A0E128>";
        f.ok(Reg.alice().contact(ContactSpec.of("sip:alice@10.0.0.5:5060").withInstance(inst, "1"))
                .contact(ContactSpec.of("sip:alice@10.0.0.5:5062").withInstance(inst, "2")));
        f.ok(Reg.alice().callId("new@ua").contact(ContactSpec.of("sip:alice@192.168.1.7:5060").withInstance("\"" + inst
                + "\"", "1")));
        assertEquals(List.of("sip:alice@10.0.0.5:5062", "sip:alice@192.168.1.7:5060"),
                f.storedContacts().stream().sorted().toList());
        Binding moved = f.stored().stream().filter(b -> b.regId() == 1).findFirst().orElseThrow();
        assertEquals(inst, moved.instance());
        f.ok(Reg.alice().callId("x@ua").contact(ContactSpec.of("sip:alice@10.0.0.9").withInstance(null, "3")));
        assertEquals(Binding.NO_REG_ID, f.store.get(RegistrarFixture.AOR).stream()
                .filter(b -> b.contact().equals("sip:alice@10.0.0.9")).findFirst().orElseThrow().regId(),
                "reg-id without +sip.instance is ignored");
    }

    @Test
    void pathFromAUaThatDoesNotSupportItIs420AndNothingIsStored() throws Exception {
        List<String> path = List.of("<sip:edge1.example.com;lr>", "<sip:edge2.example.com;lr>");
        RegisterResult.Rejected no = f.rejected(Reg.alice().contact("sip:a@10.0.0.1").path(path, false), 420);
        assertEquals("Bad Extension", no.reason());
        assertEquals(java.util.Map.of("Unsupported", "path"), no.headers());
        assertEquals(List.of(), f.stored());
        RegisterResult.Accepted echoed = f.ok(Reg.alice().contact("sip:a@10.0.0.1").cseq(2).path(path, true));
        assertEquals(path, echoed.path());
        assertEquals(path, f.stored().get(0).path());
    }

    @Test
    void lazyPathModeStoresThePathWithoutEchoingIt() throws Exception {
        RegistrarFixture lazy = new RegistrarFixture(new MemoryLocationStore(),
                new Registrar.Policy(3600, 60, 86400, 10, PathMode.LAZY));
        List<String> path = List.of("<sip:edge1.example.com;lr>");
        RegisterResult.Accepted quiet = lazy.ok(Reg.alice().contact("sip:a@10.0.0.1").path(path, false));
        assertEquals(List.of(), quiet.path());
        assertEquals(path, lazy.stored().get(0).path());
    }

    @Test
    void aStoreFailureIsA500WithTheCauseAndNothingChanges() throws Exception {
        MemoryLocationStore memory = new MemoryLocationStore();
        RegistrarFixture broken = new RegistrarFixture(new FailingStore(memory), new Registrar.Policy(3600, 60, 86400, 10));
        RegisterResult.Rejected no = broken.rejected(Reg.alice().contact("sip:a@10.0.0.1"), 500);
        assertEquals("Server Internal Error", no.reason(), "nothing of the store in the reason phrase");
        assertTrue(no.cause() instanceof StoreException);
        assertEquals(List.of(), memory.get(RegistrarFixture.AOR));
        assertEquals(List.of(), contacts(broken.ok(Reg.alice().cseq(2))), "a fetch does not write");
    }
}
