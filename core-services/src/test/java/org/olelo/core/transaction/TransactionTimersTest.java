package org.olelo.core.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The timing wheel: order, cancellation, failing tasks, long delays across turns of the wheel. */
class TransactionTimersTest {

    private final TransactionTimers timers = new TransactionTimers();

    @AfterEach
    void stop() {
        timers.close();
    }

    @Test
    void timersFireInTheOrderOfTheirDelaysAndNotBefore() throws Exception {
        List<Integer> fired = new CopyOnWriteArrayList<>();
        CountDownLatch all = new CountDownLatch(3);
        long t0 = System.nanoTime();
        long[] firstAt = new long[1];
        timers.schedule(() -> { fired.add(3); all.countDown(); }, 150);
        timers.schedule(() -> { firstAt[0] = System.nanoTime(); fired.add(1); all.countDown(); }, 50);
        timers.schedule(() -> { fired.add(2); all.countDown(); }, 100);
        assertTrue(all.await(5, TimeUnit.SECONDS));
        assertEquals(List.of(1, 2, 3), fired);
        assertTrue(firstAt[0] - t0 >= TimeUnit.MILLISECONDS.toNanos(50), "never before its delay");
        assertEquals(0, timers.pending());
    }

    @Test
    void aCancelledTimerNeverRunsAndItsHandleSaysSo() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        ScheduledFuture<?> f = timers.schedule(ran::countDown, 50);
        assertEquals(1, timers.pending());
        assertTrue(f.cancel(false));
        assertFalse(f.cancel(false));
        assertTrue(f.isCancelled());
        assertTrue(f.isDone());
        assertThrows(CancellationException.class, f::get);
        assertFalse(ran.await(300, TimeUnit.MILLISECONDS));
        assertEquals(0, timers.pending());
    }

    @Test
    void aFailingTaskDoesNotStopTheWheelAndTasksMayScheduleMore() throws Exception {
        CountDownLatch second = new CountDownLatch(1);
        timers.schedule(() -> {
            throw new IllegalStateException("boom");
        }, 10);
        timers.schedule(() -> timers.schedule(second::countDown, 20), 30);
        assertTrue(second.await(5, TimeUnit.SECONDS));
    }

    @Test
    void aDelayLongerThanOneTurnOfTheWheelWaitsForItsTurn() throws Exception {
        try (TransactionTimers small = new TransactionTimers(16)) {
            long turn = TimeUnit.NANOSECONDS.toMillis(TransactionTimers.TICK_NANOS) * 16;
            CountDownLatch ran = new CountDownLatch(1);
            long t0 = System.nanoTime();
            ScheduledFuture<?> f = small.schedule(ran::countDown, 3 * turn + 50);
            long left = f.getDelay(TimeUnit.MILLISECONDS);
            assertTrue(left > 3 * turn && left <= 3 * turn + 50, "delay left: " + left);
            assertTrue(ran.await(5, TimeUnit.SECONDS));
            assertTrue(System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(3 * turn + 50), "not a turn early");
            f.get(1, TimeUnit.SECONDS);
            assertTrue(f.isDone());
        }
    }
}
