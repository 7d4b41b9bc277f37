package org.olelo.container.internal.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.nist.javax.sip.header.HeaderFactoryImpl;
import jakarta.servlet.sip.ServletParseException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParameterableImplTest {

    @Test
    void parsesAcceptValue() throws Exception {
        ParameterableImpl p = ParameterableImpl.parse("application/sdp;level=1");
        assertEquals("application/sdp", p.getValue());
        assertEquals("1", p.getParameter("LEVEL"));
        assertEquals("application/sdp;level=1", p.toString());
    }

    @Test
    void parsesContentTypeWithQuotedParameter() throws Exception {
        ParameterableImpl p = ParameterableImpl.parse(
                "multipart/mixed ; boundary=\"a;b \\\"c\\\"\" ; charset=UTF-8");
        assertEquals("multipart/mixed", p.getValue());
        assertEquals("a;b \"c\"", p.getParameter("boundary"));
        assertEquals("UTF-8", p.getParameter("charset"));
        assertEquals("multipart/mixed;boundary=\"a;b \\\"c\\\"\";charset=UTF-8", p.toString());
        assertEquals(p, ParameterableImpl.parse(p.toString()));
    }

    @Test
    void parsesEventWithFlagAndOrder() throws Exception {
        ParameterableImpl p = ParameterableImpl.parse("presence;id=1;adaptive");
        assertEquals("presence", p.getValue());
        assertEquals("", p.getParameter("adaptive"));
        assertNull(p.getParameter("missing"));
        assertEquals(List.of("id", "adaptive"), List.copyOf(p.getParameterNameSet()));
        assertEquals(List.of(Map.entry("id", "1"), Map.entry("adaptive", "")),
                List.copyOf(p.getParameters()));
        assertEquals("presence;id=1;adaptive", p.toString());
    }

    @Test
    void semicolonsInsideAngleBracketsBelongToTheValue() throws Exception {
        ParameterableImpl p = ParameterableImpl.parse("<http://x.example/a;b>;purpose=icon");
        assertEquals("<http://x.example/a;b>", p.getValue());
        assertEquals("icon", p.getParameter("purpose"));
    }

    @Test
    void equalityIgnoresOrderAndCaseOfTokens() throws Exception {
        assertEquals(ParameterableImpl.parse("presence;id=1;x=Y"),
                ParameterableImpl.parse("PRESENCE;X=y;id=1"));
        assertEquals(ParameterableImpl.parse("presence;id=1;x=Y").hashCode(),
                ParameterableImpl.parse("PRESENCE;X=y;id=1").hashCode());
        assertNotEquals(ParameterableImpl.parse("presence;id=1"),
                ParameterableImpl.parse("presence;id=2"));
        assertNotEquals(ParameterableImpl.parse("presence;id=1"),
                ParameterableImpl.parse("presence"));
        assertNotEquals(ParameterableImpl.parse("a;b=\"X\""), ParameterableImpl.parse("a;b=\"x\""));
    }

    @Test
    void settersQuoteWhenNeededAndReadOnlyRefuses() throws Exception {
        ParameterableImpl p = new ParameterableImpl("text/plain");
        p.setParameter("charset", "utf-8");
        p.setParameter("note", "two words");
        p.setParameter("flag", "");
        assertEquals("text/plain;charset=utf-8;note=\"two words\";flag", p.toString());
        p.removeParameter("NOTE");
        ParameterableImpl c = p.clone();
        p.setReadOnly();
        assertThrows(IllegalStateException.class, () -> p.setValue("x"));
        assertThrows(IllegalStateException.class, () -> p.setParameter("a", "b"));
        assertThrows(IllegalStateException.class, () -> p.removeParameter("flag"));
        c.setValue("text/html");
        assertEquals("text/plain;charset=utf-8;flag", p.toString());
        assertTrue(p.isReadOnly());
        assertThrows(NullPointerException.class, () -> c.getParameter(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a;", "a;=b", "a;b=", "a;b=\"unterminated", "a;b c", "\"open",
        "<open;x=1"})
    void rejectsMalformedValues(String text) {
        assertThrows(ServletParseException.class, () -> ParameterableImpl.parse(text));
    }

    @Test
    void copiesParametersIntoJainHeader() throws Exception {
        ParameterableImpl p = ParameterableImpl.parse("presence;id=1;flag;x=\"a b\"");
        javax.sip.header.EventHeader h = new HeaderFactoryImpl().createEventHeader("presence");
        p.copyParametersTo(h);
        assertEquals("Event: presence;id=1;flag;x=\"a b\"", h.toString().trim());
    }
}
