package org.olelo.apps.lcr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A gateway failing N times in a row is out for the period, then back. */
class GatewayHealthTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final GatewayHealth health = new GatewayHealth(3, 60_000, now::get);

    @Test
    void threeFailuresInARowTakeItOutForThePeriod() {
        assertFalse(health.failed(1));
        assertFalse(health.failed(1));
        assertTrue(health.usable(1));
        assertTrue(health.failed(1));
        assertFalse(health.usable(1));
        assertEquals(1_060_000, health.defunctUntil(1));
        assertTrue(health.usable(2), "other gateways are not affected");
        now.addAndGet(59_999);
        assertFalse(health.usable(1));
        now.addAndGet(1);
        assertTrue(health.usable(1));
        assertEquals(0, health.failuresInARow(1), "back with a fresh count");
    }

    @Test
    void failuresWhileOutNeitherExtendNorRepeatTheTakingOut() {
        health.failed(1);
        health.failed(1);
        assertTrue(health.failed(1));
        now.addAndGet(1_000);
        for (int i = 0; i < 7; i++) {
            assertFalse(health.failed(1), "calls sent before it was taken out fail later: not counted");
        }
        assertEquals(1_060_000, health.defunctUntil(1), "the period is not extended");
        assertEquals(0, health.failuresInARow(1));
    }

    @Test
    void anAnswerResetsTheCount() {
        health.failed(1);
        health.failed(1);
        health.answered(1);
        assertFalse(health.failed(1));
        assertFalse(health.failed(1));
        assertTrue(health.usable(1));
    }

    @Test
    void zeroFailuresNeverTakesOut() {
        GatewayHealth never = new GatewayHealth(0, 60_000, now::get);
        for (int i = 0; i < 100; i++) {
            never.failed(1);
        }
        assertTrue(never.usable(1));
    }
}
