package org.olelo.container.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The bounded failure table on its own: windows, blocks, and its size and cost under a flood. */
class FailureTableTest {

    @Test
    void failuresBlockForAWhileAndSuccessForgets() {
        FailureTable t = new FailureTable(1024, 60_000, 3);
        assertEquals(1, t.failed("k", 0));
        assertEquals(2, t.failed("k", 0));
        t.forget("k", 0);
        t.failed("k", 0);
        t.failed("k", 0);
        assertFalse(t.blocked("k", 0), "a success starts the count again");
        assertEquals(3, t.failed("k", 0), "the failure that reaches the threshold says so");
        assertTrue(t.blocked("k", 0));
        t.forget("k", 0);
        assertTrue(t.blocked("k", 59_999), "a block is not lifted by a success");
        assertFalse(t.blocked("k", 60_000));
        t.failed("other", 0);
        t.failed("other", 61_000);
        assertEquals(2, t.failed("other", 61_000), "failures older than the window do not count");
        assertFalse(t.blocked("other", 61_000));
        FailureTable counting = new FailureTable(1024, 60_000, 0);
        for (int i = 0; i < 50; i++) {
            counting.failed("u", 0);
        }
        assertFalse(counting.blocked("u", 0), "threshold 0: the table only counts");
    }

    @Test
    void halfAMillionDistinctFailuresStayWithinTheBoundAndTouchAFewEntriesEach() {
        FailureTable t = new FailureTable(FailureGuard.CAPACITY, 60_000, 10);
        int n = 500_000;
        long worst = 0;
        for (int i = 0; i < n; i++) {
            long before = t.visits();
            assertEquals(1, t.failed(pairKey(i), i / 100));
            worst = Math.max(worst, t.visits() - before);
            if (i % 50_000 == 0) {
                assertTrue(t.size() <= t.capacity(), "size " + t.size() + " after " + i + " failures");
            }
        }
        assertEquals(t.capacity(), t.size(), "full, and not one entry more");
        assertEquals(FailureGuard.CAPACITY, t.capacity());
        assertTrue(worst <= 3, "a failure looks up, adds and evicts at most one entry each, not " + worst);
        long before = t.visits();
        assertFalse(t.blocked(pairKey(1), n));
        assertEquals(1, t.visits() - before, "a check looks at one entry");
        assertEquals(2, t.failed(pairKey(n - 1), n / 100), "the most recent keys are still counted");
        assertEquals(1, t.failed(pairKey(0), n / 100), "the oldest ones were forgotten");
    }

    /** A distinct user at a distinct address, keyed as {@link FailureGuard} does. */
    private static String pairKey(int i) {
        return "10." + (i >> 16 & 0xff) + "." + (i >> 8 & 0xff) + "." + (i & 0xff) + " 9:127.0.0.1user" + i;
    }
}
