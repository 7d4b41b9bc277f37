package org.olelo.container.internal.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.sip.ServletParseException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SipURIImplTest {

    @Test
    void parsesAllComponents() throws Exception {
        SipURIImpl u = SipURIImpl.parse(
                "sips:alice:secret@atlanta.com:5061;transport=tcp;lr?subject=project%20x&priority=urgent");
        assertTrue(u.isSecure());
        assertEquals("sips", u.getScheme());
        assertEquals("alice", u.getUser());
        assertEquals("secret", u.getUserPassword());
        assertEquals("atlanta.com", u.getHost());
        assertEquals(5061, u.getPort());
        assertEquals("tcp", u.getTransportParam());
        assertTrue(u.getLrParam());
        assertEquals("project x", u.getHeader("Subject"));
        assertEquals(List.of("subject", "priority"), u.getHeaderNameList());
        assertEquals("sips:alice:secret@atlanta.com:5061;transport=tcp;lr?subject=project%20x&priority=urgent",
                u.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "sip:bob@example.com",
        "sip:example.com",
        "sip:+1-212-555-1212:1234@gateway.com;user=phone",
        "sip:alice@atlanta.com;maddr=239.255.255.1;ttl=15",
        "sip:[2001:db8::10]:5070",
        "sip:bob@[2001:db8::10];transport=tcp",
        "sips:1.2.3.4:5061",
        "sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com",
    })
    void roundTripsCanonicalText(String text) throws Exception {
        SipURIImpl u = SipURIImpl.parse(text);
        assertEquals(text, u.toString());
        assertEquals(u, SipURIImpl.parse(u.toString()));
    }

    @Test
    void escapedCharactersAreDecodedAndReEscaped() throws Exception {
        SipURIImpl u = SipURIImpl.parse("sip:alice%40home@atlanta.com;x=a%3Bb");
        assertEquals("alice@home", u.getUser());
        assertEquals("a;b", u.getParameter("x"));
        assertEquals("sip:alice%40home@atlanta.com;x=a%3Bb", u.toString());
        assertEquals("alice", SipURIImpl.parse("sip:%61lice@atlanta.com").getUser());
        u.setUser("a b");
        assertEquals("sip:a%20b@atlanta.com;x=a%3Bb", u.toString());
    }

    @Test
    void ipv6HostAndPort() throws Exception {
        SipURIImpl u = SipURIImpl.parse("sip:[2001:db8::10]:5070");
        assertEquals("[2001:db8::10]", u.getHost());
        assertEquals(5070, u.getPort());
        assertNull(u.getUser());
        u.setHost("2001:db8::20");
        assertEquals("sip:[2001:db8::20]:5070", u.toString());
        assertEquals(SipURIImpl.parse("sip:[2001:DB8:0::10]:5070"),
                SipURIImpl.parse("sip:[2001:db8::10]:5070"));
    }

    /** The equivalent pairs listed in RFC 3261 section 19.1.4. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sip:%61lice@atlanta.com;transport=TCP | sip:alice@AtLanTa.CoM;Transport=tcp",
        "sip:carol@chicago.com | sip:carol@chicago.com;newparam=5",
        "sip:carol@chicago.com | sip:carol@chicago.com;security=on",
        "sip:carol@chicago.com;newparam=5 | sip:carol@chicago.com;security=on",
        "sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com"
                + " | sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com",
        "sip:alice@atlanta.com?subject=project%20x&priority=urgent"
                + " | sip:alice@atlanta.com?priority=urgent&subject=project%20x",
    })
    void rfc3261EquivalentUris(String a, String b) throws Exception {
        SipURIImpl x = SipURIImpl.parse(a);
        SipURIImpl y = SipURIImpl.parse(b);
        assertEquals(x, y);
        assertEquals(y, x);
        assertEquals(x.hashCode(), y.hashCode());
    }

    /** The non-equivalent pairs listed in RFC 3261 section 19.1.4, plus a few more. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SIP:ALICE@AtLanTa.CoM;Transport=udp | sip:alice@AtLanTa.CoM;Transport=UDP",
        "sip:bob@biloxi.com | sip:bob@biloxi.com:5060",
        "sip:bob@biloxi.com | sip:bob@biloxi.com;transport=udp",
        "sip:bob@biloxi.com | sip:bob@biloxi.com:6000;transport=tcp",
        "sip:carol@chicago.com | sip:carol@chicago.com?Subject=next%20meeting",
        "sip:bob@phone21.boxesbybob.com | sip:bob@192.0.2.4",
        "sip:bob@biloxi.com | sips:bob@biloxi.com",
        "sip:bob@biloxi.com;maddr=1.2.3.4 | sip:bob@biloxi.com",
        "sip:bob@biloxi.com;user=phone | sip:bob@biloxi.com",
        "sip:bob:a@biloxi.com | sip:bob:b@biloxi.com",
        "sip:bob@biloxi.com;newparam=1 | sip:bob@biloxi.com;newparam=2",
    })
    void rfc3261NonEquivalentUris(String a, String b) throws Exception {
        assertNotEquals(SipURIImpl.parse(a), SipURIImpl.parse(b));
        assertNotEquals(SipURIImpl.parse(b), SipURIImpl.parse(a));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "sip:", "sip:@example.com", "sip:a b@example.com", "sip:bob@example.com:99999",
        "sip:bob@example.com:", "sip:bob@exa mple.com", "sip:bob@[2001:db8::10",
        "sip:bob@example.com;", "sip:bob@example.com;;lr", "sip:bob@example.com?x",
        "sip:bob@exam<ple.com", "http://example.com", "sip:bob@example.com;lr;lr",
        "sip:al%4", "sip:al%zz@x", "sip:bob@-example.com",
    })
    void rejectsMalformedUris(String text) {
        ServletParseException e = assertThrows(ServletParseException.class,
                () -> SipURIImpl.parse(text));
        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void parameterAccessors() throws Exception {
        SipURIImpl u = new SipURIImpl("bob", "example.com");
        u.setTransportParam("tcp");
        u.setMAddrParam("10.0.0.1");
        u.setMethodParam("INVITE");
        u.setTTLParam(16);
        u.setUserParam("phone");
        u.setLrParam(true);
        u.setPort(5080);
        assertEquals("sip:bob@example.com:5080;transport=tcp;maddr=10.0.0.1;method=INVITE;ttl=16;"
                + "user=phone;lr", u.toString());
        assertEquals(16, u.getTTLParam());
        u.setTTLParam(-1);
        u.setLrParam(false);
        u.setTransportParam(null);
        u.setPort(-5);
        assertEquals(-1, u.getTTLParam());
        assertFalse(u.getLrParam());
        assertEquals("sip:bob@example.com;maddr=10.0.0.1;method=INVITE;user=phone", u.toString());
        assertThrows(IllegalArgumentException.class, () -> u.setTTLParam(256));
        assertThrows(IllegalArgumentException.class, () -> u.setPort(70000));
        assertThrows(IllegalArgumentException.class, () -> u.setHost("bad host"));
        assertEquals("10.0.0.1", u.getParameter("MADDR"));
    }

    @Test
    void readOnlyRefusesChangesAndCloneIsWritable() throws Exception {
        SipURIImpl u = SipURIImpl.parse("sip:bob@example.com;transport=udp?x=1");
        u.setReadOnly();
        assertThrows(IllegalStateException.class, () -> u.setUser("eve"));
        assertThrows(IllegalStateException.class, () -> u.setHost("evil.com"));
        assertThrows(IllegalStateException.class, () -> u.setParameter("a", "b"));
        assertThrows(IllegalStateException.class, () -> u.removeParameter("transport"));
        assertThrows(IllegalStateException.class, () -> u.setHeader("y", "2"));
        assertThrows(IllegalStateException.class, () -> u.setLrParam(true));
        assertThrows(IllegalStateException.class, () -> u.setSecure(true));
        SipURIImpl c = u.clone();
        assertNotSame(u, c);
        assertEquals(u, c);
        c.setParameter("transport", "tcp");
        c.setHeader("x", "9");
        assertEquals("udp", u.getTransportParam());
        assertEquals("1", u.getHeader("x"));
        assertFalse(c.isReadOnly());
        assertTrue(u.isReadOnly());
    }

    @Test
    void convertsToAndFromJainSip() throws Exception {
        SipURIImpl u = SipURIImpl.parse("sip:alice%40home@[2001:db8::1]:5070;transport=tcp;lr");
        javax.sip.address.SipURI j = u.toJain();
        assertEquals("[2001:db8::1]", j.getHost());
        assertEquals(5070, j.getPort());
        assertTrue(j.hasLrParam());
        assertNotSame(j, u.toJain());
        assertEquals(u, Uris.fromJain(j));
    }
}
