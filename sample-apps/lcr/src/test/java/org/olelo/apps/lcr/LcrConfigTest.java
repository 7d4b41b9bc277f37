package org.olelo.apps.lcr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Context parameters: defaults, values, and values refused with the parameter's name. */
class LcrConfigTest {

    @Test
    void defaultsWhenUnset() {
        assertEquals(LcrConfig.DEFAULTS, LcrConfig.from(k -> null));
        assertEquals(new LcrConfig(1, 404, 30, 3, 60, true), LcrConfig.DEFAULTS);
    }

    @Test
    void readsEveryParameter() {
        Map<String, String> p = Map.of("lcr.id", "7", "notfound.code", "604", "gw.timeout", "5", "gw.failures", "0",
                "gw.defunct.seconds", "600", "auth.required", "FALSE");
        assertEquals(new LcrConfig(7, 604, 5, 0, 600, false), LcrConfig.from(p::get));
    }

    @Test
    void refusesBadValuesNamingTheParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LcrConfig.from(Map.of("notfound.code", "200")::get));
        assertTrue(e.getMessage().contains("notfound.code"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LcrConfig.from(Map.of("gw.timeout", "x")::get));
        assertThrows(IllegalArgumentException.class, () -> LcrConfig.from(Map.of("auth.required", "yes")::get));
    }
}
