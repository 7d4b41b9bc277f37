package org.olelo.container.internal.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.sip.ServletParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TelURLImplTest {

    @Test
    void parsesGlobalNumber() throws Exception {
        TelURLImpl t = TelURLImpl.parse("tel:+1-201-555-0123;ext=42");
        assertTrue(t.isGlobal());
        assertFalse(t.isSipURI());
        assertEquals("tel", t.getScheme());
        assertEquals("1-201-555-0123", t.getPhoneNumber());
        assertNull(t.getPhoneContext());
        assertEquals("42", t.getParameter("EXT"));
        assertEquals("tel:+1-201-555-0123;ext=42", t.toString());
    }

    @Test
    void parsesLocalNumberWithContext() throws Exception {
        TelURLImpl t = TelURLImpl.parse("TEL:7042;phone-context=example.com");
        assertFalse(t.isGlobal());
        assertEquals("7042", t.getPhoneNumber());
        assertEquals("example.com", t.getPhoneContext());
        assertEquals("tel:7042;phone-context=example.com", t.toString());
    }

    @Test
    void setPhoneNumberSwitchesBetweenGlobalAndLocal() throws Exception {
        TelURLImpl t = TelURLImpl.parse("tel:+15551234567");
        t.setPhoneNumber("1234", "+1-555");
        assertFalse(t.isGlobal());
        assertEquals("tel:1234;phone-context=+1-555", t.toString());
        t.setPhoneNumber("+44 20".replace(" ", ""));
        assertTrue(t.isGlobal());
        assertNull(t.getPhoneContext());
        assertEquals("tel:+4420", t.toString());
        assertThrows(IllegalArgumentException.class, () -> t.setPhoneNumber("5551234"));
        assertThrows(IllegalArgumentException.class, () -> t.setPhoneNumber("+1x"));
        assertThrows(IllegalArgumentException.class, () -> t.setPhoneNumber("12", null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "tel:+1-201-555-0123 | tel:+1(201)555.0123",
        "tel:7042;phone-context=EXAMPLE.com | tel:7042;phone-context=example.com",
        "tel:1234;phone-context=+1-555 | tel:1234;phone-context=+1555",
        "tel:+1234;ext=1;isub=2 | tel:+1234;isub=2;ext=1",
        "tel:abcd;phone-context=x.com | tel:ABCD;phone-context=x.com",
    })
    void rfc3966Equivalences(String a, String b) throws Exception {
        assertEquals(TelURLImpl.parse(a), TelURLImpl.parse(b));
        assertEquals(TelURLImpl.parse(a).hashCode(), TelURLImpl.parse(b).hashCode());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "tel:+1234 | tel:1234;phone-context=example.com",
        "tel:+1234 | tel:+1235",
        "tel:+1234 | tel:+1234;ext=1",
        "tel:+1234;ext=1 | tel:+1234;ext=2",
    })
    void rfc3966Differences(String a, String b) throws Exception {
        assertNotEquals(TelURLImpl.parse(a), TelURLImpl.parse(b));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tel:", "tel:+", "tel:+12a4", "tel:+1 234", "sip:+1234@x",
        "tel:+1234;phone-context=example.com", "tel:12;;x"})
    void rejectsMalformedUrls(String text) {
        assertThrows(ServletParseException.class, () -> TelURLImpl.parse(text));
    }

    @Test
    void readOnlyCloneAndJain() throws Exception {
        TelURLImpl t = TelURLImpl.parse("tel:+1-201-555-0123");
        t.setReadOnly();
        assertThrows(IllegalStateException.class, () -> t.setPhoneNumber("+1"));
        assertThrows(IllegalStateException.class, () -> t.setParameter("ext", "1"));
        TelURLImpl c = t.clone();
        c.setParameter("ext", "1");
        assertNull(t.getParameter("ext"));
        javax.sip.address.TelURL j = t.toJain();
        assertTrue(j.isGlobal());
        assertEquals("1-201-555-0123", j.getPhoneNumber());
        assertEquals(t, Uris.fromJain(j));
    }
}
