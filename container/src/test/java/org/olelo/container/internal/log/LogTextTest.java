package org.olelo.container.internal.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** Values of key=value log lines: quoted when needed, bounded, without passwords or control characters. */
class LogTextTest {

    private static String pair(String key, String value) {
        StringBuilder b = new StringBuilder();
        LogText.pair(b, key, value);
        return b.toString();
    }

    @Test
    void valuesAreQuotedOnlyWhenNeeded() {
        assertEquals("status=200", pair("status", "200"));
        assertEquals("reason=\"Not Found\"", pair("reason", "Not Found"));
        assertEquals("reason=-", pair("reason", ""));
        assertEquals("reason=-", pair("reason", null));
        assertEquals("to=\"a=b\"", pair("to", "a=b"));
        assertEquals("x=\"say \\\"hi\\\" \\\\ bye\"", pair("x", "say \"hi\" \\ bye"));
        assertEquals("x=\"a?b\"", pair("x", "a\nb"), "no line breaks from the network");
        StringBuilder b = new StringBuilder("method=INVITE");
        LogText.pair(b, "ms", "5");
        assertEquals("method=INVITE ms=5", b.toString());
    }

    @Test
    void longValuesAreCut() {
        String v = pair("ruri", "x".repeat(1000));
        assertEquals("ruri=".length() + LogText.MAX_VALUE + 3, v.length());
        assertEquals("...", v.substring(v.length() - 3));
    }

    @Test
    void passwordsAreRemovedFromUris() {
        assertEquals("sip:alice@example.com;transport=tcp", LogText.uri("sip:alice:secret@example.com;transport=tcp"));
        assertEquals("sip:alice@example.com:5060", LogText.uri("sip:alice@example.com:5060"));
        assertEquals("sip:example.com:5060;lr", LogText.uri("sip:example.com:5060;lr"));
        assertEquals("tel:+4930123", LogText.uri("tel:+4930123"));
        assertNull(LogText.uri(null));
    }

    @Test
    void partiesAreUserAtHost() {
        assertEquals("alice@a.example", LogText.party("\"Alice\" <sip:alice@a.example:5070;transport=tcp>;tag=1"));
        assertEquals("bob@b.example", LogText.party("sip:bob:pw@b.example;tag=9"));
        assertEquals("b.example", LogText.party("<sip:b.example>"));
        assertEquals("alice@[2001:db8::1]", LogText.party("<sips:alice@[2001:db8::1]:5061>"));
        assertEquals("+4930123", LogText.party("<tel:+4930123;phone-context=x>"));
        assertNull(LogText.party("garbage"));
    }

    @Test
    void addressesWithPort() throws Exception {
        assertEquals("192.0.2.1:5060", LogText.address(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 5060)));
        assertEquals("[2001:db8:0:0:0:0:0:1]:5062", LogText.address(new InetSocketAddress(InetAddress.getByName("2001:db8::1"), 5062)));
    }
}
