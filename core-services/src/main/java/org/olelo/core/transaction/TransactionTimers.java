package org.olelo.core.transaction;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one scheduler behind every transaction timer: a hashed timing wheel with 10 ms ticks, driven
 * by one platform thread. Starting and cancelling a timer are constant-time list operations under a
 * short lock, instead of the heap re-ordering of a delay queue, which matters when a busy proxy
 * keeps tens of thousands of 32-second timers and starts or cancels a dozen per call. A timer fires
 * in the tick after its delay has passed (at most 10 ms late); SIP's shortest timer is T1, 500 ms.
 *
 * <p>A timer task only retransmits bytes or moves a state and hands events to listeners, which must
 * not block; tasks run on the wheel's thread, one after the other, and a failing task is logged
 * and never stops the wheel.
 */
public final class TransactionTimers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionTimers.class);
    static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final int SLOTS = 1024;

    private final Object lock = new Object();
    private final Entry[] slots;
    private final int mask;
    private final long origin = System.nanoTime();
    private final Thread thread;
    private long processed;
    private int pending;
    private volatile boolean closed;

    /** A wheel of 1,024 ticks (one turn: 10.24 s) and its thread. */
    public TransactionTimers() {
        this(SLOTS);
    }

    /** A wheel of the given number of ticks per turn (a power of two). */
    TransactionTimers(int slotCount) {
        if (Integer.bitCount(slotCount) != 1) {
            throw new IllegalArgumentException("slots must be a power of two: " + slotCount);
        }
        slots = new Entry[slotCount];
        mask = slotCount - 1;
        thread = Thread.ofPlatform().daemon().name("sip-timers").start(this::run);
    }

    /** Runs the task after the delay; a failing task is logged and never stops the scheduler. */
    public ScheduledFuture<?> schedule(Runnable task, long delayMillis) {
        long due = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(0, delayMillis));
        Entry e = new Entry(task, due);
        synchronized (lock) {
            // the first tick that ends at or after the due time, and never one already processed
            e.tick = Math.max(processed + 1, (due - origin + TICK_NANOS - 1) / TICK_NANOS);
            link(e);
            pending++;
        }
        return e;
    }

    /** Number of pending timers (statistics). */
    public int pending() {
        synchronized (lock) {
            return pending;
        }
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
    }

    private void run() {
        List<Entry> due = new ArrayList<>();
        while (!closed) {
            long now = System.nanoTime();
            long current = (now - origin) / TICK_NANOS;
            synchronized (lock) {
                while (processed < current) {
                    processed++;
                    collect(processed, due);
                }
            }
            for (Entry e : due) {
                e.fire();
            }
            due.clear();
            long next = origin + (current + 1) * TICK_NANOS;
            LockSupport.parkNanos(next - System.nanoTime());
        }
    }

    /** Takes the entries of one tick out of its slot; entries of later turns of the wheel stay. */
    private void collect(long tick, List<Entry> due) {
        Entry e = slots[(int) (tick & mask)];
        while (e != null) {
            Entry next = e.next;
            if (e.tick <= tick) {
                unlink(e);
                pending--;
                e.state = Entry.FIRING;
                due.add(e);
            }
            e = next;
        }
    }

    private void link(Entry e) {
        int s = (int) (e.tick & mask);
        e.next = slots[s];
        if (e.next != null) {
            e.next.prev = e;
        }
        slots[s] = e;
    }

    private void unlink(Entry e) {
        if (e.prev != null) {
            e.prev.next = e.next;
        } else {
            slots[(int) (e.tick & mask)] = e.next;
        }
        if (e.next != null) {
            e.next.prev = e.prev;
        }
        e.prev = null;
        e.next = null;
    }

    /** One timer: a node of its slot's list and the handle the caller cancels. */
    private final class Entry implements ScheduledFuture<Object> {
        static final int PENDING = 0;
        static final int FIRING = 1;
        static final int DONE = 2;
        static final int CANCELLED = 3;

        private final Runnable task;
        private final long dueNanos;
        long tick;
        Entry prev;
        Entry next;
        int state;

        Entry(Runnable task, long dueNanos) {
            this.task = task;
            this.dueNanos = dueNanos;
        }

        void fire() {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("transaction timer failed", e);
            }
            synchronized (lock) {
                state = DONE;
                lock.notifyAll();
            }
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            synchronized (lock) {
                if (state != PENDING) {
                    return false;
                }
                unlink(this);
                pending--;
                state = CANCELLED;
                lock.notifyAll();
                return true;
            }
        }

        @Override
        public boolean isCancelled() {
            synchronized (lock) {
                return state == CANCELLED;
            }
        }

        @Override
        public boolean isDone() {
            synchronized (lock) {
                return state >= DONE;
            }
        }

        @Override
        public Object get() throws InterruptedException {
            synchronized (lock) {
                while (state < DONE) {
                    lock.wait();
                }
                if (state == CANCELLED) {
                    throw new java.util.concurrent.CancellationException();
                }
                return null;
            }
        }

        @Override
        public Object get(long timeout, TimeUnit unit) throws InterruptedException, java.util.concurrent.TimeoutException {
            long end = System.nanoTime() + unit.toNanos(timeout);
            synchronized (lock) {
                while (state < DONE) {
                    long left = end - System.nanoTime();
                    if (left <= 0) {
                        throw new java.util.concurrent.TimeoutException();
                    }
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                }
                if (state == CANCELLED) {
                    throw new java.util.concurrent.CancellationException();
                }
                return null;
            }
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(java.util.concurrent.Delayed o) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), o.getDelay(TimeUnit.NANOSECONDS));
        }
    }
}
