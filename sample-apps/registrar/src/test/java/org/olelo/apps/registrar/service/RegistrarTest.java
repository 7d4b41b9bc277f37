package org.olelo.apps.registrar.service;

import org.junit.jupiter.api.Test;
import org.olelo.apps.registrar.spi.Binding;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.olelo.apps.registrar.service.RegistrarFixture.AOR;
import static org.olelo.apps.registrar.service.RegistrarFixture.NOW;
import static org.olelo.apps.registrar.service.RegistrarFixture.contacts;

/** RFC 3261 §10.3: adding, refreshing, removing and listing bindings, and their expiry. */
class RegistrarTest {

    private final RegistrarFixture f = new RegistrarFixture();

    @Test
    void aNewBindingIsStoredWithEverythingTheRequestSaid() throws Exception {
        RegisterResult.Accepted ok = f.ok(Reg.alice().contact("sip:alice@10.0.0.5:5070;transport=tcp").cseq(7)
                .from("203.0.113.9", 40123, "TCP").userAgent("Phone/2"));
        assertEquals(List.of("sip:alice@10.0.0.5:5070;transport=tcp"), contacts(ok));
        Binding b = f.stored().get(0);
        assertEquals(AOR, b.aor());
        assertEquals(NOW + 3_600_000, b.expiresAt(), "default.expires");
        assertEquals("call-1@ua", b.callId());
        assertEquals(7, b.cseq());
        assertEquals("sip:203.0.113.9:40123", b.received());
        assertEquals("tcp", b.transport());
        assertEquals("Phone/2", b.userAgent());
        assertEquals(Binding.NO_Q, b.q());
        assertEquals(List.of("<sip:alice@10.0.0.5:5070;transport=tcp>;expires=3600"), ok.contactValues());
        assertEquals(1, f.stats.acceptedRegistrations());
        assertTrue(f.known.contains(AOR));
    }

    @Test
    void theExpiresParameterWinsOverTheHeaderWhichWinsOverTheDefault() throws Exception {
        f.ok(Reg.alice().expires("600").contact(ContactSpec.of("sip:a@10.0.0.1").withExpires("120"))
                .contact("sip:b@10.0.0.2"));
        assertEquals(Map.of("sip:a@10.0.0.1", NOW + 120_000, "sip:b@10.0.0.2", NOW + 600_000),
                f.stored().stream().collect(java.util.stream.Collectors.toMap(Binding::contact, Binding::expiresAt)));
    }

    @Test
    void tooBriefIsAnswered423WithMinExpiresAndNothingIsStored() throws Exception {
        RegisterResult.Rejected no = f.rejected(Reg.alice().contact("sip:a@10.0.0.1")
                .contact(ContactSpec.of("sip:b@10.0.0.2").withExpires("59")), 423);
        assertEquals(Map.of("Min-Expires", "60"), no.headers());
        assertEquals(List.of(), f.stored());
        assertEquals(1, f.stats.rejectedRegistrations());
    }

    @Test
    void longerThanTheMaximumIsShortened() throws Exception {
        f.ok(Reg.alice().expires("999999999999").contact("sip:a@10.0.0.1"));
        assertEquals(NOW + 86_400_000L, f.stored().get(0).expiresAt());
    }

    @Test
    void aRefreshReplacesTheBindingAndKeepsOneRow() throws Exception {
        f.ok(Reg.alice().contact("sip:alice@10.0.0.5").cseq(1));
        RegisterResult.Accepted ok = f.ok(Reg.alice().contact("sip:alice@10.0.0.5").expires("300").cseq(2),
                NOW + 1000);
        assertEquals(List.of("<sip:alice@10.0.0.5>;expires=300"), ok.contactValues());
        assertEquals(1, f.stored().size());
        assertEquals(2, f.stored().get(0).cseq());
    }

    @Test
    void contactsMatchByUriComparisonRules() throws Exception {
        f.ok(Reg.alice().contact("sip:alice@PHONE.example.com;transport=TCP;foo=1").cseq(1));
        f.ok(Reg.alice().contact("SIP:alice@phone.example.com;transport=tcp").cseq(2));
        assertEquals(List.of("SIP:alice@phone.example.com;transport=tcp"), f.storedContacts());
        f.ok(Reg.alice().contact("sip:alice@phone.example.com:5060;transport=tcp").cseq(3));
        assertEquals(2, f.stored().size(), "an explicit port is another URI");
    }

    @Test
    void expiresZeroRemovesOneBindingAndKeepsTheOthers() throws Exception {
        f.ok(Reg.alice().contact("sip:a@10.0.0.1").contact("sip:b@10.0.0.2").cseq(1));
        RegisterResult.Accepted ok = f.ok(Reg.alice().contact(ContactSpec.of("sip:a@10.0.0.1").withExpires("0")).cseq(2));
        assertEquals(List.of("sip:b@10.0.0.2"), contacts(ok));
        assertEquals(List.of("sip:b@10.0.0.2"), f.storedContacts());
    }

    @Test
    void starWithExpiresZeroRemovesEverything() throws Exception {
        f.ok(Reg.alice().contact("sip:a@10.0.0.1").contact("sip:b@10.0.0.2").cseq(1));
        RegisterResult.Accepted ok = f.ok(Reg.alice().star().expires("0").callId("other@ua").cseq(1));
        assertEquals(List.of(), ok.bindings());
        assertEquals(List.of(), ok.contactValues());
        assertEquals(List.of(), f.stored());
        assertTrue(f.known.contains(AOR), "a removed AOR is still known (480, not 404)");
    }

    @Test
    void starIsInvalidWithOtherContactsOrWithoutExpiresZero() throws Exception {
        f.ok(Reg.alice().contact("sip:a@10.0.0.1"));
        f.rejected(Reg.alice().star().expires("0").contact("sip:b@10.0.0.2").cseq(5), 400);
        f.rejected(Reg.alice().star().expires("3600").cseq(5), 400);
        f.rejected(Reg.alice().star().cseq(5), 400);
        assertEquals(List.of("sip:a@10.0.0.1"), f.storedContacts());
    }

    @Test
    void aRegisterWithoutContactListsTheBindingsAndChangesNothing() throws Exception {
        f.ok(Reg.alice().contact("sip:a@10.0.0.1").cseq(1));
        RegisterResult.Accepted ok = f.ok(Reg.alice().cseq(1), NOW + 10_000);
        assertEquals(List.of("<sip:a@10.0.0.1>;expires=3590"), ok.contactValues());
        assertEquals(1, f.stored().get(0).cseq());
    }

    @Test
    void theAnswerListsBindingsBestQFirstWithQAndOutboundParameters() throws Exception {
        f.ok(Reg.alice().contact(ContactSpec.of("sip:low@10.0.0.1").withQ("0.1"))
                .contact(ContactSpec.of("sip:high@10.0.0.2").withQ("1"))
                .contact(ContactSpec.of("sip:mid@10.0.0.3").withQ("0.55")
                        .withInstance("\"<urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6>\"", "1")));
        RegisterResult.Accepted ok = f.ok(Reg.alice().cseq(2));
        assertEquals(List.of("<sip:high@10.0.0.2>;expires=3600;q=1.0",
                "<sip:mid@10.0.0.3>;expires=3600;q=0.55;+sip.instance=\"<urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6>\";reg-id=1",
                "<sip:low@10.0.0.1>;expires=3600;q=0.1"), ok.contactValues());
        assertEquals("Tue, 14 Nov 2023 22:13:20 GMT", ok.date());
    }

    @Test
    void expiredBindingsAreNeitherListedNorCarriedOver() throws Exception {
        f.ok(Reg.alice().contact(ContactSpec.of("sip:short@10.0.0.1").withExpires("60")).cseq(1));
        RegisterResult.Accepted ok = f.ok(Reg.alice().contact("sip:new@10.0.0.2").cseq(2), NOW + 61_000);
        assertEquals(List.of("sip:new@10.0.0.2"), contacts(ok));
        assertEquals(List.of("sip:new@10.0.0.2"), f.storedContacts());
    }

    @Test
    void theUserAgentIsCutAndAnEmptyOneIsNotStored() throws Exception {
        f.ok(Reg.alice().contact("sip:a@10.0.0.1").userAgent("x".repeat(300)));
        assertEquals(255, f.stored().get(0).userAgent().length());
        f.ok(Reg.alice().contact("sip:a@10.0.0.1").cseq(2).userAgent(" "));
        assertNull(f.stored().get(0).userAgent());
    }
}
