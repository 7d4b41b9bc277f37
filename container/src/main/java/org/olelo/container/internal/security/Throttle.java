package org.olelo.container.internal.security;

import java.util.concurrent.Semaphore;

/**
 * Holds back the answer to a failing authentication attempt for the delay {@link FailureGuard}
 * chose, by sleeping on the calling thread: the application session's virtual thread, which gives
 * its carrier back while it sleeps, so a delayed answer holds no platform thread, only the
 * request's memory. The session of an initial request belongs to that request alone, so nothing
 * else waits behind it.
 *
 * <p>Bounded: at most {@code slots} answers are held back at once. Beyond, {@link #pause} refuses
 * at once and the attempt, which failed anyway, is refused with 403 instead of being challenged:
 * a flood of failing attempts for one user can neither pile up memory nor get its answers faster.
 *
 * <p>Thread-safe.
 */
final class Throttle {

    /** How many answers may be held back at once by default. */
    static final int SLOTS = 4_096;

    private final Semaphore slots;

    /** @param slots how many answers may be held back at once */
    Throttle(int slots) {
        this.slots = new Semaphore(slots);
    }

    /**
     * Sleeps for the delay, if any.
     *
     * @param millis the delay; 0 or less returns at once
     * @return true when the answer may go now; false when too many are held back already
     */
    boolean pause(long millis) {
        if (millis <= 0) {
            return true;
        }
        if (!slots.tryAcquire()) {
            return false;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            slots.release();
        }
        return true;
    }
}
