package org.olelo.container.internal.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Call-ID, From and To read from raw bytes, and the filters that match them. */
class MessageKeysTest {

    private static MessageKeys read(String m) {
        return MessageKeys.read(m.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void fullAndCompactHeaderNamesInAnyCase() {
        MessageKeys k = read("INVITE sip:bob@b.example SIP/2.0\r\nVia: SIP/2.0/UDP x;branch=z9hG4bK1\r\n"
                + "f: \"Alice\" <sip:Alice@A.example;transport=tcp>;tag=1\r\nT : sip:bob@b.example\r\ni: abc@host\r\n\r\n"
                + "From: <sip:mallory@evil.example>\r\n");
        assertEquals(new MessageKeys("abc@host", "alice", "a.example", "bob", "b.example"), k);
        k = read("SIP/2.0 200 OK\nCALL-ID:  xyz \nFROM: <tel:+4930123>;tag=2\nto: <sip:[2001:db8::1]:5060>\n\n");
        assertEquals(new MessageKeys("xyz", "+4930123", null, null, "[2001:db8::1]"), k);
    }

    @Test
    void whatCannotBeReadIsNull() {
        assertEquals(new MessageKeys(null, null, null, null, null), read("garbage"));
        assertEquals(new MessageKeys(null, null, null, null, null), read(""));
        MessageKeys k = read("OPTIONS sip:x SIP/2.0\r\nFrom: nothing\r\n\r\n");
        assertNull(k.fromUser());
    }

    @Test
    void filtersMatchUsersAddressesOfRecordAndCallIds() {
        TraceMatcher m = new TraceMatcher(List.of(TraceFilter.user("alice"), TraceFilter.user("Bob@B.example"),
                TraceFilter.call("abc@host")));
        assertEquals("user:alice", String.valueOf(m.match(new MessageKeys("1", "x", "h", "alice", "anywhere"))));
        assertEquals("user:bob@b.example", String.valueOf(m.match(new MessageKeys("1", "bob", "b.example", "x", "h"))));
        assertNull(m.match(new MessageKeys("1", "bob", "c.example", "x", "h")), "another bob");
        assertEquals("call:abc@host", String.valueOf(m.match(new MessageKeys("abc@host", null, null, null, null))));
        assertNull(m.match(new MessageKeys("ABC@host", "carol", "h", "dave", "h")), "Call-IDs are compared exactly");
    }
}
