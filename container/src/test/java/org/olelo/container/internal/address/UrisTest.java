package org.olelo.container.internal.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.sip.ServletParseException;
import jakarta.servlet.sip.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrisTest {

    @Test
    void picksTheClassFromTheScheme() throws Exception {
        assertInstanceOf(SipURIImpl.class, Uris.parse("sip:a@b"));
        assertInstanceOf(SipURIImpl.class, Uris.parse("SIPS:a@b"));
        assertInstanceOf(TelURLImpl.class, Uris.parse("tel:+1234"));
        assertInstanceOf(GenericURIImpl.class, Uris.parse("urn:service:sos"));
        assertInstanceOf(GenericURIImpl.class, Uris.parse("mailto:bob@example.com"));
        assertTrue(Uris.parse(" sip:a@b ").isSipURI());
    }

    @Test
    void genericUriKeepsItsText() throws Exception {
        URI u = Uris.parse("http://example.com/a%20b?x=1;y");
        assertEquals("http", u.getScheme());
        assertEquals("http://example.com/a%20b?x=1;y", u.toString());
        URI m = Uris.parse("im:alice@example.com;ttl=5");
        assertEquals("5", m.getParameter("ttl"));
        m.setParameter("x", "1");
        assertEquals("im:alice@example.com;ttl=5;x=1", m.toString());
        assertEquals(List.of("ttl", "x"), List.copyOf(m.getParameterNameSet()));
        assertEquals(Uris.parse("URN:service:sos"), Uris.parse("urn:service:sos"));
        assertNotEquals(Uris.parse("urn:service:sos"), Uris.parse("urn:service:police"));
        URI c = m.clone();
        c.removeParameter("x");
        assertEquals("im:alice@example.com;ttl=5;x=1", m.toString());
        assertEquals("im:alice@example.com;ttl=5", c.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "nocolon", ":x", "1abc:x", "urn:", "<sip:a@b>", "sip:a@b c",
        "url with space:x"})
    void rejectsWithClearMessage(String text) {
        ServletParseException e = assertThrows(ServletParseException.class, () -> Uris.parse(text));
        assertTrue(e.getMessage().length() > 10, e.getMessage());
    }

    @Test
    void nullIsAParseError() {
        assertThrows(ServletParseException.class, () -> Uris.parse(null));
    }

    @Test
    void jainConversions() throws Exception {
        URI generic = Uris.parse("urn:service:sos");
        javax.sip.address.URI j = Uris.toJain(generic);
        assertEquals("urn:service:sos", j.toString());
        assertEquals(generic, Uris.fromJain(j));
        assertThrows(NullPointerException.class, () -> Uris.fromJain(null));
    }
}
