package org.olelo.container.internal.shutdown;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A shutdown asked for over the management interface. {@link #begin} closes the
 * {@link ShutdownGate} at once (new initial requests get 503) and returns; a thread of its own
 * ({@code olelo-drain}) then waits until no transaction waits for its final response, or
 * {@code drainSeconds} have passed (but at least one second, so that the reply to the caller
 * leaves first), and runs the stop action (the same as SIGTERM: applications
 * undeployed, listening points closed). Nothing runs on the caller's thread, so the caller can
 * reply before the server stops.
 *
 * <p>Thread-safe.
 */
public final class GracefulShutdown {

    private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdown.class);
    private static final long POLL_MILLIS = 100;
    /** The shortest wait: the reply to the request that asked for the shutdown leaves first. */
    static final long MIN_WAIT_MILLIS = 1000;

    private final ShutdownGate gate;
    private final IntSupplier unfinished;
    private final long drainSeconds;
    private volatile Runnable stop;
    private boolean begun;

    /**
     * @param gate         the gate in front of the container
     * @param unfinished   counts the transactions still waiting for their final response
     * @param drainSeconds the longest wait
     * @param stop         stops the server
     */
    public GracefulShutdown(ShutdownGate gate, IntSupplier unfinished, long drainSeconds, Runnable stop) {
        this.gate = gate;
        this.unfinished = unfinished;
        this.drainSeconds = drainSeconds;
        this.stop = stop;
    }

    /** Replaces the stop action (the command line makes it end the process). */
    public void stopWith(Runnable action) {
        this.stop = action;
    }

    /**
     * Starts the shutdown; a second call reports the one under way.
     *
     * @return what the reply says: {@code stopping}, {@code drain_seconds}, {@code transactions}
     *         (those in progress now) and {@code already} when it had been asked before
     */
    public synchronized Map<String, Object> begin() {
        int open = unfinished.getAsInt();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("stopping", true);
        out.put("drain_seconds", drainSeconds);
        out.put("transactions", open);
        out.put("already", begun);
        if (!begun) {
            begun = true;
            gate.close();
            LOG.info("Shutdown requested over the management interface: new initial requests get 503; waiting for"
                    + " {} transactions, at most {} s (shutdown.drain.seconds)", open, drainSeconds);
            Thread.ofPlatform().name("olelo-drain").daemon(false).start(this::drainThenStop);
        }
        return out;
    }

    /** @return whether a shutdown was asked for */
    public synchronized boolean begun() {
        return begun;
    }

    private void drainThenStop() {
        long t0 = System.nanoTime();
        long deadline = t0 + drainSeconds * 1_000_000_000L;
        long earliest = t0 + MIN_WAIT_MILLIS * 1_000_000L;
        int open = unfinished.getAsInt();
        try {
            while ((open > 0 && System.nanoTime() < deadline) || System.nanoTime() < earliest) {
                Thread.sleep(POLL_MILLIS);
                open = unfinished.getAsInt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (open > 0) {
            LOG.warn("Shutdown: {} transactions still unfinished after {} s (shutdown.drain.seconds); stopping anyway",
                    open, drainSeconds);
        } else {
            LOG.info("Shutdown: no transaction in progress after {} ms; stopping", ms);
        }
        try {
            stop.run();
        } catch (RuntimeException e) {
            LOG.warn("Shutdown: stopping failed: {}", e.toString(), e);
        }
    }
}
