package org.olelo.apps.registrar.service;

import org.junit.jupiter.api.Test;
import org.olelo.apps.registrar.spi.Binding;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The small parsers: AOR canonical form, contact match keys, header values, local domains. */
class ValuesTest {

    @Test
    void aorsAreCanonical() throws RegistrarException {
        assertEquals("sips:Alice@example.com", Aor.of("SIPS", "Alice", "EXAMPLE.Com.").key());
        assertEquals("sip:bob@2001:db8::1", Aor.of("sip", "bob", "[2001:DB8::1]").key());
        assertEquals(400, assertThrows(RegistrarException.class, () -> Aor.of("tel", null, null)).status());
    }

    @Test
    void matchKeysFollowUriComparison() {
        assertEquals(UriParts.parse("sip:%61lice@Host.COM;Transport=TCP;x=1").matchKey(),
                UriParts.parse("sip:alice@host.com;transport=tcp").matchKey());
        assertFalse(UriParts.parse("sip:alice@host.com").matchKey()
                .equals(UriParts.parse("sip:alice@host.com:5060").matchKey()));
        assertFalse(UriParts.parse("sip:Alice@host.com").matchKey().equals(UriParts.parse("sip:alice@host.com").matchKey()));
        UriParts v6 = UriParts.parse("sips:u:pw@[2001:db8::2]:5071;maddr=10.0.0.1?Subject=x");
        assertEquals("u", v6.user());
        assertEquals("2001:db8::2", v6.host());
        assertEquals(5071, v6.port());
        assertEquals(5061, UriParts.parse("sips:h").effectivePort());
        assertEquals(5061, UriParts.parse("sip:h;transport=TLS").effectivePort());
    }

    @Test
    void reasonTextIsOneLineOfAtMostSixtyCharacters() {
        assertEquals("sip:a@b", HeaderValues.shorten("sip:a@b"));
        assertEquals("a b c ", HeaderValues.shorten("a\r\n\tb\nc\r\n"));
        assertEquals(" x", HeaderValues.shorten("\r\nx"));
        assertEquals("x".repeat(57) + "...", HeaderValues.shorten("x".repeat(61)));
        assertEquals("y".repeat(60), HeaderValues.shorten("y".repeat(30) + "\r\n" + "y".repeat(29)).replace(' ', 'y'));
    }

    @Test
    void headerValuesAreStrict() throws RegistrarException {
        assertEquals(-1, HeaderValues.seconds(null, "x"));
        assertEquals(3600, HeaderValues.seconds(" 3600 ", "x"));
        assertEquals(HeaderValues.MAX_DELTA_SECONDS, HeaderValues.seconds("99999999999999999999", "x"));
        assertThrows(RegistrarException.class, () -> HeaderValues.seconds("+5", "x"));
        assertThrows(RegistrarException.class, () -> HeaderValues.seconds("", "x"));
        assertEquals(0, HeaderValues.q("0", "c"));
        assertEquals(50, HeaderValues.q("0.05", "c"));
        assertEquals(1000, HeaderValues.q("1.000", "c"));
        assertThrows(RegistrarException.class, () -> HeaderValues.q("1.001", "c"));
        assertThrows(RegistrarException.class, () -> HeaderValues.q(".5", "c"));
        assertEquals(7, HeaderValues.regId("7", "c"));
        assertThrows(RegistrarException.class, () -> HeaderValues.regId("2147483648", "c"));
        assertEquals("<urn:x>", HeaderValues.instance("\"<urn:x>\""));
        assertNull(HeaderValues.instance("\"\""));
    }

    @Test
    void qValuesPrintAsSipQvalues() {
        assertEquals(List.of("0.0", "0.05", "0.5", "0.125", "1.0"), List.of(0, 50, 500, 125, 1000).stream()
                .map(q -> new Binding("a", "c", 0, q, "i", 1, null, null, null, null, 0, null, 0).qText()).toList());
    }

    @Test
    void localDomainsIncludeTheLiveListeningPoints() {
        List<String> live = new java.util.ArrayList<>();
        LocalDomains d = new LocalDomains(List.of("Example.com", " "), () -> live);
        assertTrue(d.isLocal("EXAMPLE.COM."));
        assertFalse(d.isLocal("192.0.2.1"));
        live.add("192.0.2.1");
        assertTrue(d.isLocal("192.0.2.1"));
        assertTrue(LocalDomains.of("[::1]").isLocal("::1"));
        assertFalse(d.isLocal(null));
    }
}
