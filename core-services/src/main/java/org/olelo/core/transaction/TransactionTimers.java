package org.olelo.core.transaction;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one scheduler behind every transaction timer. A single platform thread is enough: a timer task
 * only retransmits bytes or moves a state and hands events to listeners, which must not block.
 * Cancelled timers are removed at once so a busy proxy does not keep thousands of dead tasks.
 */
public final class TransactionTimers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionTimers.class);
    private final ScheduledThreadPoolExecutor executor;

    public TransactionTimers() {
        executor = new ScheduledThreadPoolExecutor(1, r -> Thread.ofPlatform().daemon().name("sip-timers").unstarted(r));
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Runs the task after the delay; a failing task is logged and never stops the scheduler. */
    public ScheduledFuture<?> schedule(Runnable task, long delayMillis) {
        return executor.schedule(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("transaction timer failed", e);
            }
        }, delayMillis, TimeUnit.MILLISECONDS);
    }

    /** Number of pending timers (statistics). */
    public int pending() {
        return executor.getQueue().size();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
