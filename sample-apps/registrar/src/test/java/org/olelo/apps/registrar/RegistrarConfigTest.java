package org.olelo.apps.registrar;

import org.junit.jupiter.api.Test;
import org.olelo.apps.registrar.service.PathMode;
import org.olelo.apps.registrar.service.RevealOffline;
import org.olelo.apps.registrar.store.DbMode;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegistrarConfigTest {

    private static RegistrarConfig read(Map<String, String> params) {
        return RegistrarConfig.from(params::get);
    }

    @Test
    void everyKeyHasADefault() {
        RegistrarConfig c = read(Map.of());
        assertEquals(RegistrarConfig.defaults(), c);
        assertEquals(DbMode.WRITE_THROUGH, c.dbMode());
        assertEquals(5, c.flushInterval());
        assertEquals(60, c.cleanupInterval());
        assertEquals(3600, c.defaultExpires());
        assertEquals(60, c.minExpires());
        assertEquals(86400, c.maxExpires());
        assertEquals(10, c.maxContacts());
        assertEquals(ForkMode.PARALLEL, c.forkMode());
        assertEquals(List.of("localhost", "127.0.0.1"), c.domains());
        assertEquals(PathMode.STRICT, c.pathMode());
        assertEquals(RevealOffline.NEVER, c.revealOffline());
    }

    @Test
    void valuesAreRead() {
        RegistrarConfig c = read(Map.of("db.mode", "2", "flush.interval", "1", "cleanup.interval", "30",
                "default.expires", "600", "min.expires", "0", "max.expires", "7200", "max.contacts", "0",
                "fork.mode", "Sequential", "domains", " example.com , sip.example.com,,", "path.mode", "Lazy"));
        assertEquals(PathMode.LAZY, c.pathMode());
        assertEquals(PathMode.LAZY, c.policy().pathMode());
        assertEquals(RevealOffline.AUTHENTICATED, read(Map.of("reveal.offline", " Authenticated")).revealOffline());
        assertEquals(DbMode.WRITE_BACK, c.dbMode());
        assertEquals(ForkMode.SEQUENTIAL, c.forkMode());
        assertEquals(List.of("example.com", "sip.example.com"), c.domains());
        assertEquals(600, c.policy().defaultExpires());
        assertEquals(0, c.policy().maxContacts());
    }

    @Test
    void badValuesNameTheirKey() {
        assertMessage(Map.of("db.mode", "cache"), "db.mode");
        assertMessage(Map.of("max.contacts", "-1"), "max.contacts");
        assertMessage(Map.of("min.expires", "ten"), "min.expires");
        assertMessage(Map.of("fork.mode", "random"), "fork.mode");
        assertMessage(Map.of("path.mode", "off"), "path.mode");
        assertMessage(Map.of("reveal.offline", "yes"), "reveal.offline");
        assertMessage(Map.of("default.expires", "30"), "default.expires 30 must lie between min.expires 60");
    }

    private static void assertMessage(Map<String, String> params, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(params));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void offlineUsersAreRevealedOnlyAsConfigured() {
        assertFalse(RevealOffline.NEVER.reveals(false));
        assertFalse(RevealOffline.NEVER.reveals(true));
        assertFalse(RevealOffline.AUTHENTICATED.reveals(false));
        assertTrue(RevealOffline.AUTHENTICATED.reveals(true));
        assertTrue(RevealOffline.ALWAYS.reveals(false));
    }
}
