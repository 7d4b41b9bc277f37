package org.olelo.container.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * What failures lead to: a user blocked at one address, an address blocked across users, a user
 * slowed down but never blocked; and the bound on answers held back.
 */
class FailureGuardTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final FailureGuard guard = new FailureGuard(3, 5, 60_000, now::get);

    @Test
    void aUserIsBlockedAtOneAddressOnly() {
        for (int i = 0; i < 3; i++) {
            guard.failed("alice", "example.com", "192.0.2.1");
        }
        assertTrue(guard.pairBlocked("alice", "example.com", "192.0.2.1"));
        assertFalse(guard.pairBlocked("alice", "example.com", "192.0.2.2"), "alice elsewhere");
        assertFalse(guard.pairBlocked("bob", "example.com", "192.0.2.1"), "bob at the same address");
        assertFalse(guard.pairBlocked("alice", "example.org", "192.0.2.1"), "alice of another realm");
        assertFalse(guard.sourceBlocked("192.0.2.1"), "3 failures are below the address threshold of 5");
        now.addAndGet(60_000);
        assertFalse(guard.pairBlocked("alice", "example.com", "192.0.2.1"), "the block lasts the window");
    }

    @Test
    void anAddressThatTriesManyUsersIsBlocked() {
        for (int i = 0; i < 4; i++) {
            guard.failed("user" + i, "example.com", "192.0.2.9");
        }
        assertFalse(guard.sourceBlocked("192.0.2.9"));
        guard.failed("user4", "example.com", "192.0.2.9");
        assertTrue(guard.sourceBlocked("192.0.2.9"));
        assertFalse(guard.sourceBlocked("192.0.2.10"));
        guard.succeeded("user0", "example.com", "192.0.2.9");
        assertTrue(guard.sourceBlocked("192.0.2.9"), "a success does not reset the address");
    }

    @Test
    void aUserFailingFromEverywhereIsSlowedDownAndNeverBlocked() {
        long[] delays = new long[9];
        for (int i = 0; i < delays.length; i++) {
            delays[i] = guard.failed("carol", "example.com", "198.51.100." + i);
            assertFalse(guard.pairBlocked("carol", "example.com", "198.51.100." + (i + 1)));
        }
        assertEquals("[0, 0, 0, 250, 500, 1000, 2000, 2000, 2000]", java.util.Arrays.toString(delays));
        guard.succeeded("carol", "example.com", "198.51.100.50");
        assertEquals(2000, guard.failed("carol", "example.com", "198.51.100.51"), "a success does not reset the user");
        now.addAndGet(60_000);
        assertEquals(0, guard.failed("carol", "example.com", "198.51.100.52"), "a new window starts afresh");
        assertEquals(FailureGuard.MAX_DELAY_MILLIS, FailureGuard.delayAfter(Integer.MAX_VALUE, 10));
    }

    @Test
    void noUserNameIsMistakenForAnotherKey() {
        for (int i = 0; i < 3; i++) {
            guard.failed("rb", "a", "192.0.2.1");
        }
        assertTrue(guard.pairBlocked("rb", "a", "192.0.2.1"));
        assertFalse(guard.pairBlocked("b", "ar", "192.0.2.1"), "realm a + user rb is not realm ar + user b");
        String longName = "x".repeat(5_000);
        for (int i = 0; i < 3; i++) {
            guard.failed(longName + i, "a", "192.0.2.2");
        }
        assertTrue(guard.pairBlocked(longName + "z", "a", "192.0.2.2"),
                "names longer than any subscriber's share one key, cut short");
        assertEquals("\"a?b?c\"", FailureGuard.printable("a\rb\nc"), "no line breaks in the log");
        assertEquals("\"" + "x".repeat(64) + "...\"", FailureGuard.printable(longName), "cut after 64 characters");
    }

    @Test
    void theThrottleHoldsBackABoundedNumberOfAnswers() throws Exception {
        Throttle throttle = new Throttle(1);
        assertTrue(throttle.pause(0));
        CountDownLatch sleeping = new CountDownLatch(1);
        Thread holder = Thread.ofVirtual().start(() -> {
            sleeping.countDown();
            throttle.pause(1_000);
        });
        sleeping.await();
        Thread.sleep(100);
        assertFalse(throttle.pause(10), "the one slot is taken: refused at once");
        holder.join();
        long t0 = System.nanoTime();
        assertTrue(throttle.pause(200));
        assertTrue(System.nanoTime() - t0 >= 190_000_000L, "the slot is free again and the pause lasts");
    }
}
