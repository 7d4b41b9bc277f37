package org.olelo.resolver.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.core.testkit.Dnsmasq;

/** ENUM (RFC 6116): the domain of a number, and E2U+sip NAPTR rewrites served by dnsmasq. */
class EnumTest {

    @TempDir
    Path dir;

    @Test
    void domainIsTheDigitsReversedUnderTheSuffix() {
        assertEquals("4.3.2.1.5.5.5.1.e164.arpa", EnumRewrite.domain("+1-555-1234", "e164.arpa"));
        assertEquals("4.3.2.1.e164.example", EnumRewrite.domain("1234", "e164.example"));
        assertThrows(IllegalArgumentException.class, () -> EnumRewrite.domain("+1 555 CALL", "e164.arpa"));
    }

    @Test
    void expressionsWithBackReferences() {
        assertEquals("sip:5559876@example.test", EnumRewrite.apply("!^\\+1(.*)$!sip:\\1@example.test!", "+15559876"));
        assertEquals("sip:info@example.test", EnumRewrite.apply("!^.*$!sip:info@example.test!", "+15551234"));
        assertNull(EnumRewrite.apply("!^\\+44(.*)$!sip:\\1@example.test!", "+15559876"), "no match");
        assertNull(EnumRewrite.apply("!^(.*$!sip:x!", "+1"), "malformed expression");
        assertNull(EnumRewrite.apply("!^(.*)$!sip:\\2@x!", "+1"), "a group that does not exist");
    }

    @Test
    void presentationEscapesAreUndone() {
        assertEquals("!^\\+1(.*)$!sip:\\1@x!", EnumRewrite.unescape("!^\\\\+1(.*)$!sip:\\\\1@x!"));
        assertEquals("a b", EnumRewrite.unescape("a\\032b"));
    }

    @Test
    void naptrFromDnsmasqRewriteTheNumber() throws Exception {
        Dnsmasq.assumeInstalled();
        try (DnsTestServer dns = new DnsTestServer(dir, List.of())) {
            assertEquals(List.of("sip:info@example.test"), dns.locator.enumUris("+1 555 1234"));
            assertEquals(List.of("sip:5559876@example.test"), dns.locator.enumUris("+1-555-9876"));
            assertEquals(List.of(), dns.locator.enumUris("+1 555 0000"));
        }
    }
}
