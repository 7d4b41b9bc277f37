package org.olelo.apps.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DispatcherConfigTest {

    @Test
    void defaultsWhenNothingIsSet() {
        assertEquals(DispatcherConfig.defaults(), DispatcherConfig.from(k -> null));
        assertEquals(new DispatcherConfig(1, Algorithm.ROUND_ROBIN, true, 10, 1, "OPTIONS", null, false),
                DispatcherConfig.defaults());
    }

    @Test
    void readsEverySetting() {
        Map<String, String> p = Map.of(DispatcherConfig.SET, "3", DispatcherConfig.ALGORITHM, "10",
                DispatcherConfig.FAILOVER, "false", DispatcherConfig.PROBING_INTERVAL, "0",
                DispatcherConfig.PROBING_THRESHOLD, "3", DispatcherConfig.PROBING_METHOD, "info",
                DispatcherConfig.LIST_FILE, "/etc/dispatcher.list", DispatcherConfig.FRONT, "true");
        assertEquals(new DispatcherConfig(3, Algorithm.CALL_LOAD, false, 0, 3, "INFO", "/etc/dispatcher.list", true),
                DispatcherConfig.from(p::get));
    }

    @Test
    void anUnknownAlgorithmFailsWithTheParameterName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DispatcherConfig.from(Map.of(DispatcherConfig.ALGORITHM, "3")::get));
        assertTrue(e.getMessage().startsWith("dispatcher context-param dispatcher.algorithm: unknown algorithm 3"),
                e.getMessage());
    }

    @Test
    void badValuesAreRefused() {
        for (Map<String, String> bad : new Map[] {Map.of(DispatcherConfig.FAILOVER, "yes"),
                Map.of(DispatcherConfig.PROBING_THRESHOLD, "0"), Map.of(DispatcherConfig.PROBING_INTERVAL, "-1"),
                Map.of(DispatcherConfig.PROBING_METHOD, "INVITE"), Map.of(DispatcherConfig.SET, "one")}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DispatcherConfig.from(bad::get), bad.toString());
            assertTrue(e.getMessage().contains("dispatcher"), e.getMessage());
        }
    }
}
