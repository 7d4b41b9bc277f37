package org.olelo.apps.presence;

import org.junit.jupiter.api.Test;
import org.olelo.apps.presence.service.Policy;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PresenceConfigTest {

    @Test
    void missingParametersTakeTheDefaultsAndGivenOnesAreRead() {
        assertEquals(PresenceConfig.defaults(), PresenceConfig.from(k -> null));
        PresenceConfig c = PresenceConfig.from(Map.of("policy", " Confirm ", "subscribe.min.expires", "0",
                "domains", "a.example, b.example,", "publish.max.expires", "3600")::get);
        assertEquals(Policy.CONFIRM, c.policy());
        assertEquals(0, c.subscribe().min());
        assertEquals(List.of("a.example", "b.example"), c.domains());
        assertEquals(3600, c.publish().max());
    }

    @Test
    void aBadValueNamesTheParameter() {
        IllegalArgumentException policy = assertThrows(IllegalArgumentException.class,
                () -> PresenceConfig.from(Map.of("policy", "maybe")::get));
        assertEquals("presence context-params: expected allow, confirm or deny but found 'maybe'", policy.getMessage());
        IllegalArgumentException number = assertThrows(IllegalArgumentException.class,
                () -> PresenceConfig.from(Map.of("cleanup.interval", "soon")::get));
        assertEquals("presence context-params: cleanup.interval: expected a whole number from 0 to 2147483647 but"
                + " found 'soon'", number.getMessage());
        IllegalArgumentException limits = assertThrows(IllegalArgumentException.class,
                () -> PresenceConfig.from(Map.of("publish.min.expires", "9000")::get));
        assertEquals(true, limits.getMessage().contains("0 <= min <= default <= max"), limits.getMessage());
    }
}
