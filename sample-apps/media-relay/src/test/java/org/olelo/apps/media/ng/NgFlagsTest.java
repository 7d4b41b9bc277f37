package org.olelo.apps.media.ng;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NgFlagsTest {

    @Test
    void kamailioStyleWordsBecomeNgEntries() {
        Map<String, Object> e = NgFlags.parse(" trust-address replace-origin replace-session-connection ICE=remove RTP/AVP"
                + " direction=internal direction=external symmetric ").entries();
        assertEquals(List.of("trust-address", "symmetric"), e.get("flags"));
        assertEquals(List.of("origin", "session-connection"), e.get("replace"));
        assertEquals(List.of("internal", "external"), e.get("direction"));
        assertEquals("remove", e.get("ICE"));
        assertEquals("RTP/AVP", e.get("transport-protocol"));
        assertEquals(Map.of(), NgFlags.parse("").entries());
    }

    @Test
    void aFlagCannotSetWhatTheApplicationSets() {
        assertThrows(IllegalArgumentException.class, () -> NgFlags.parse("call-id=x"));
        assertThrows(IllegalArgumentException.class, () -> NgFlags.parse("SDP=x"));
        assertThrows(IllegalArgumentException.class, () -> NgFlags.parse("ICE="));
    }
}
