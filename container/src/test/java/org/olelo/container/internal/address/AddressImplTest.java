package org.olelo.container.internal.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.nist.javax.sip.header.HeaderFactoryImpl;
import jakarta.servlet.sip.ServletParseException;
import jakarta.servlet.sip.SipURI;
import javax.sip.header.ContactHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressImplTest {

    @Test
    void parsesNameAddrWithHeaderParameters() throws Exception {
        AddressImpl a = AddressImpl.parse(
                "\"Bob\" <sip:bob@example.com;transport=tcp>;tag=abc;expires=60");
        assertEquals("Bob", a.getDisplayName());
        SipURI uri = (SipURI) a.getURI();
        assertEquals("tcp", uri.getTransportParam());
        assertEquals("abc", a.getParameter("tag"));
        assertNull(uri.getParameter("tag"));
        assertEquals(60, a.getExpires());
        assertEquals(-1.0f, a.getQ());
        assertEquals("Bob <sip:bob@example.com;transport=tcp>", a.getValue());
        assertEquals("Bob <sip:bob@example.com;transport=tcp>;tag=abc;expires=60", a.toString());
    }

    @Test
    void addrSpecParametersBelongToTheHeader() throws Exception {
        AddressImpl a = AddressImpl.parse("sip:a@b;tag=x;transport=udp");
        assertEquals("x", a.getParameter("tag"));
        assertEquals("udp", a.getParameter("transport"));
        assertNull(((SipURI) a.getURI()).getTransportParam());
        assertEquals("<sip:a@b>;tag=x;transport=udp", a.toString());
        assertEquals(a, AddressImpl.parse(a.toString()));
    }

    @Test
    void wildcard() throws Exception {
        AddressImpl a = AddressImpl.parse(" * ");
        assertTrue(a.isWildcard());
        assertNull(a.getURI());
        assertEquals("*", a.toString());
        assertEquals(AddressImpl.wildcard(), a);
        assertTrue(AddressImpl.fromJain(a.toJain(), null).isWildcard());
        assertFalse(AddressImpl.parse("<sip:a@b>").isWildcard());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "'\"A \\\"q\\\" B\" <sip:a@b>' | 'A \"q\" B' | '\"A \\\"q\\\" B\" <sip:a@b>'",
        "'\"back\\\\slash\" <sip:a@b>' | 'back\\slash' | '\"back\\\\slash\" <sip:a@b>'",
        "'Bob Smith <sip:a@b>' | 'Bob Smith' | 'Bob Smith <sip:a@b>'",
        "'\"Bob Smith\"<sip:a@b>' | 'Bob Smith' | 'Bob Smith <sip:a@b>'",
        "'\"Smith, Bob\" <sip:a@b>' | 'Smith, Bob' | '\"Smith, Bob\" <sip:a@b>'",
        "'\"\" <sip:a@b>' | | '<sip:a@b>'",
        "'\"Zoë\" <sip:a@b>' | 'Zoë' | '\"Zoë\" <sip:a@b>'",
    })
    void displayNamesAreUnquotedAndQuotedWhenNeeded(String text, String name, String written)
            throws Exception {
        AddressImpl a = AddressImpl.parse(text);
        assertEquals(name, a.getDisplayName());
        assertEquals(written, a.toString());
        assertEquals(name, AddressImpl.parse(a.toString()).getDisplayName());
    }

    @Test
    void uriWithSpecialCharactersIsBracketed() throws Exception {
        AddressImpl a = new AddressImpl(null, Uris.parse("sip:a@b;lr?x=1"));
        a.setParameter("tag", "t");
        assertEquals("<sip:a@b;lr?x=1>;tag=t", a.toString());
        assertEquals(a, AddressImpl.parse(a.toString()));
    }

    @Test
    void qAndExpires() throws Exception {
        AddressImpl a = AddressImpl.parse("<sip:a@b>;q=0.7");
        assertEquals(0.7f, a.getQ());
        a.setQ(0.5f);
        assertEquals("<sip:a@b>;q=0.5", a.toString());
        a.setQ(1.0f);
        assertEquals("1.0", a.getParameter("q"));
        a.setQ(0.125f);
        assertEquals("0.125", a.getParameter("q"));
        a.setQ(-1.0f);
        assertNull(a.getParameter("q"));
        assertThrows(IllegalArgumentException.class, () -> a.setQ(1.5f));
        assertThrows(IllegalArgumentException.class, () -> a.setQ(-0.5f));
        a.setExpires(3600);
        assertEquals(3600, a.getExpires());
        a.setExpires(-1);
        assertEquals(-1, a.getExpires());
        assertEquals("<sip:a@b>", a.toString());
    }

    @Test
    void equalityIgnoresDisplayNameButNotParameters() throws Exception {
        AddressImpl a = AddressImpl.parse("\"Alice\" <sip:%61lice@atlanta.com>;tag=1;x=Y");
        AddressImpl b = AddressImpl.parse("<sip:alice@ATLANTA.com>;X=y;tag=1");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, AddressImpl.parse("<sip:alice@atlanta.com>;tag=2;x=Y"));
        assertNotEquals(a, AddressImpl.parse("<sip:alice@atlanta.com>;tag=1"));
        assertNotEquals(a, AddressImpl.parse("<sip:bob@atlanta.com>;tag=1;x=Y"));
    }

    @Test
    void readOnlyFreezesAddressAndUri() throws Exception {
        AddressImpl a = AddressImpl.parse("\"Bob\" <sip:bob@example.com>;tag=abc");
        a.setReadOnly();
        assertThrows(IllegalStateException.class, () -> a.setParameter("tag", "x"));
        assertThrows(IllegalStateException.class, () -> a.removeParameter("tag"));
        assertThrows(IllegalStateException.class, () -> a.setDisplayName("Eve"));
        assertThrows(IllegalStateException.class, () -> a.setURI(Uris.parse("sip:e@x")));
        assertThrows(IllegalStateException.class, () -> a.setValue("<sip:e@x>"));
        assertThrows(IllegalStateException.class, () -> a.setQ(0.5f));
        assertThrows(IllegalStateException.class, () -> a.setExpires(5));
        assertThrows(IllegalStateException.class, () -> ((SipURI) a.getURI()).setUser("eve"));
        AddressImpl c = a.clone();
        assertNotSame(a.getURI(), c.getURI());
        assertEquals(a, c);
        c.setParameter("tag", "new");
        ((SipURI) c.getURI()).setUser("carol");
        c.setDisplayName("Carol");
        assertEquals("Bob <sip:bob@example.com>;tag=abc", a.toString());
        assertEquals("Carol <sip:carol@example.com>;tag=new", c.toString());
    }

    @Test
    void setValueReplacesNameAndUri() throws Exception {
        AddressImpl a = AddressImpl.parse("<sip:a@b>;tag=1");
        a.setValue("\"New\" <tel:+123>");
        assertEquals("New <tel:+123>;tag=1", a.toString());
        assertThrows(IllegalArgumentException.class, () -> a.setValue("<sip:broken"));
    }

    @Test
    void genericSchemes() throws Exception {
        AddressImpl a = AddressImpl.parse("<urn:service:sos>");
        assertInstanceOf(GenericURIImpl.class, a.getURI());
        assertEquals("<urn:service:sos>", a.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "<sip:a@b", "\"Bob <sip:a@b>", "\"Bob\" sip:a@b", "Bob",
        "<sip:a@b>;", "<sip:a@b>;=x", "<sip:a@b>x", "sip:a b@c", "<>", "B\"o\"b <sip:a@b>",
        "sip:a@b;tag=\"x"})
    void rejectsMalformedAddresses(String text) {
        assertThrows(ServletParseException.class, () -> AddressImpl.parse(text));
    }

    @Test
    void fromJainContactHeader() throws Exception {
        HeaderFactoryImpl hf = new HeaderFactoryImpl();
        ContactHeader h = (ContactHeader) hf.createHeader("Contact",
                "\"A \\\"q\\\" B\" <sip:a@b;transport=tcp>;expires=30;+sip.instance=\"<urn:uuid:1>\"");
        AddressImpl a = AddressImpl.fromJain(h.getAddress(), h);
        assertEquals("A \"q\" B", a.getDisplayName());
        assertEquals(30, a.getExpires());
        assertEquals("<urn:uuid:1>", a.getParameter("+sip.instance"));
        assertEquals("tcp", ((SipURI) a.getURI()).getTransportParam());
        assertEquals("\"A \\\"q\\\" B\" <sip:a@b;transport=tcp>;expires=30;"
                + "+sip.instance=\"<urn:uuid:1>\"", a.toString());
    }

    @Test
    void toJainRoundTrip() throws Exception {
        AddressImpl a = AddressImpl.parse(
                "\"A \\\"q\\\" B\" <sip:a@b>;tag=1;lr;+sip.instance=\"<urn:uuid:1>\"");
        HeaderFactoryImpl hf = new HeaderFactoryImpl();
        ContactHeader h = hf.createContactHeader(a.toJain());
        a.copyParametersTo(h);
        assertEquals("Contact: \"A \\\"q\\\" B\" <sip:a@b>;tag=1;lr;+sip.instance=\"<urn:uuid:1>\"",
                h.toString().trim());
        assertEquals(a, AddressImpl.fromJain(h.getAddress(), h));
    }
}
