package org.olelo.core.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** What counts as an IP literal, read without a look-up; everything else is a name. */
class IpLiteralsTest {

    @Test
    void literalsAreRead() throws Exception {
        assertEquals(InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1}), IpLiterals.parse("192.0.2.1"));
        assertEquals(InetAddress.getByName("::1"), IpLiterals.parse("::1"));
        assertEquals(InetAddress.getByName("2001:db8::1"), IpLiterals.parse("[2001:db8::1]"));
        assertEquals(InetAddress.getByName("::ffff:10.0.0.1"), IpLiterals.parse("::ffff:10.0.0.1"));
        assertTrue(IpLiterals.isLiteral("10.0.0.255"));
    }

    @Test
    void namesAreNotLiterals() throws Exception {
        for (String name : new String[] {"example.com", "1host.example", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1.2.3.4.",
            "01234.1.1.1", "localhost", "a"}) {
            assertNull(IpLiterals.parse(name), name);
            assertFalse(IpLiterals.isLiteral(name), name);
        }
        assertNull(IpLiterals.parse(""));
    }

    @Test
    void aBrokenIpv6LiteralIsAnErrorNotALookUp() {
        assertThrows(UnknownHostException.class, () -> IpLiterals.parse("[example.com]"));
        assertThrows(UnknownHostException.class, () -> IpLiterals.parse("2001:db8::zz"));
    }
}
