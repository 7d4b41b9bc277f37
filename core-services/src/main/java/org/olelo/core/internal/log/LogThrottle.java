package org.olelo.core.internal.log;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets one log line through per interval for an event that an attacker or a failing system can
 * repeat thousands of times a second (refused connections, failed accepts, full queues), and counts
 * the lines held back so the next one can say how many there were. Lock-free; safe from any thread.
 */
public final class LogThrottle {

    private final long intervalNanos;
    private final AtomicLong nextAllowed;
    private final AtomicLong suppressed = new AtomicLong();

    /** @param interval the shortest time between two lines */
    public LogThrottle(long interval, TimeUnit unit) {
        this.intervalNanos = unit.toNanos(interval);
        this.nextAllowed = new AtomicLong(System.nanoTime());
    }

    /**
     * Asks to log one occurrence.
     *
     * @return -1 when this occurrence must not be logged (it is counted), else how many occurrences
     *         were held back since the previous line
     */
    public long tryLog() {
        long now = System.nanoTime();
        long next = nextAllowed.get();
        if (now - next >= 0 && nextAllowed.compareAndSet(next, now + intervalNanos)) {
            return suppressed.getAndSet(0);
        }
        suppressed.incrementAndGet();
        return -1;
    }
}
