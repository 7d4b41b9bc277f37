package org.olelo.apps.registrar.msilo;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The msilo context-params: defaults, values, and refusals that name the key. */
class SiloConfigTest {

    @Test
    void defaultsAndValues() {
        assertEquals(new SiloConfig(true, 604800, 100, 8192, 60), SiloConfig.from(k -> null));
        assertEquals(new SiloConfig(false, 60, 5, 0, 2), SiloConfig.from(Map.of("msilo.enabled", "FALSE",
                "msilo.expires", "60", "msilo.max.messages", "5", "msilo.max.body", "0", "msilo.sweep.interval", " 2 ")::get));
    }

    @Test
    void badValuesNameTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SiloConfig.from(Map.of("msilo.max.messages", "0")::get));
        assertTrue(e.getMessage().contains("msilo.max.messages: expected an integer from 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SiloConfig.from(Map.of("msilo.enabled", "yes")::get));
        assertTrue(e.getMessage().contains("msilo.enabled: expected true or false"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SiloConfig.from(Map.of("msilo.expires", "7d")::get));
        assertTrue(e.getMessage().contains("msilo.expires: expected an integer"), e.getMessage());
    }
}
