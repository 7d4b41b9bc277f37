package org.olelo.container.internal.invoke;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in submission order, on a shared executor of virtual threads: the
 * serialisation unit of one {@code SipApplicationSession} (JSR 359 §6, concurrency per application
 * session). No thread is held while the queue is empty, so a million idle sessions cost a million
 * small objects, not threads. A task that throws is logged and does not stop the queue.
 *
 * <p>Submitted from any thread (transport readers, timers, other applications); drained on one
 * virtual thread at a time.
 */
public final class SerialExecutor implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

    private final Executor carrier;
    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile Thread current;

    /** @param carrier the executor that provides threads (virtual threads per task) */
    public SerialExecutor(Executor carrier) {
        this.carrier = carrier;
    }

    @Override
    public void execute(Runnable task) {
        queue.add(task);
        if (scheduled.compareAndSet(false, true)) {
            carrier.execute(this::drain);
        }
    }

    /** True when the calling thread is the one running this executor's tasks. */
    public boolean inExecutor() {
        return current == Thread.currentThread();
    }

    private void drain() {
        current = Thread.currentThread();
        try {
            Runnable r;
            while ((r = queue.poll()) != null) {
                try {
                    r.run();
                } catch (RuntimeException | Error e) {
                    LOG.error("application task failed", e);
                }
            }
        } finally {
            current = null;
            scheduled.set(false);
        }
        if (!queue.isEmpty() && scheduled.compareAndSet(false, true)) {
            carrier.execute(this::drain);
        }
    }
}
