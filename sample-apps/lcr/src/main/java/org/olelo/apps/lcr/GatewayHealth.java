package org.olelo.apps.lcr;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Which gateways failed too often: a gateway whose calls fail (408, 5xx, no answer)
 * {@code failures} times in a row is taken out for {@code defunctMillis}; any other answer
 * (2xx, 3xx, 4xx, 6xx) resets its count. Taken-out gateways come back by themselves when the
 * period ends, with a fresh count. Kept across reloads, by gateway id; the ids come from the
 * database, so the map is as large as {@code lcr_gw}.
 *
 * <p>Thread-safe (a failure locks its gateway's state briefly); called on the application's threads and by management commands.
 */
final class GatewayHealth {

    private final int failures;
    private final long defunctMillis;
    private final LongSupplier clock;
    private final Map<Integer, State> states = new ConcurrentHashMap<>();

    /**
     * @param failures      failures in a row that take a gateway out; 0 never
     * @param defunctMillis how long it stays out
     * @param clock         milliseconds (System::currentTimeMillis; tests pass their own)
     */
    GatewayHealth(int failures, long defunctMillis, LongSupplier clock) {
        this.failures = failures;
        this.defunctMillis = defunctMillis;
        this.clock = clock;
    }

    /** @return whether the gateway may be tried now */
    boolean usable(int gatewayId) {
        State s = states.get(gatewayId);
        return s == null || s.defunctUntil <= clock.getAsLong();
    }

    /** @return the time (epoch millis) until which the gateway is out, or 0 */
    long defunctUntil(int gatewayId) {
        State s = states.get(gatewayId);
        return s == null || s.defunctUntil <= clock.getAsLong() ? 0 : s.defunctUntil;
    }

    /** @return the failures in a row counted for the gateway */
    int failuresInARow(int gatewayId) {
        State s = states.get(gatewayId);
        return s == null ? 0 : s.inARow.get();
    }

    /**
     * Counts a failure. A failure while the gateway is out (a call sent to it before it was taken
     * out) is not counted: it neither extends the period nor takes the gateway out again.
     *
     * @return true when this failure took the gateway out (once per period)
     */
    boolean failed(int gatewayId) {
        if (failures <= 0) {
            return false;
        }
        State s = states.computeIfAbsent(gatewayId, k -> new State());
        long now = clock.getAsLong();
        synchronized (s) {
            if (s.defunctUntil > now) {
                return false;
            }
            if (s.inARow.incrementAndGet() >= failures) {
                s.inARow.set(0);
                s.defunctUntil = now + defunctMillis;
                return true;
            }
        }
        return false;
    }

    /** The gateway answered: its count starts again. */
    void answered(int gatewayId) {
        State s = states.get(gatewayId);
        if (s != null) {
            s.inARow.set(0);
        }
    }

    /** Forgets gateways that are no longer loaded. */
    void retain(java.util.Set<Integer> ids) {
        states.keySet().retainAll(ids);
    }

    private static final class State {
        final AtomicInteger inARow = new AtomicInteger();
        volatile long defunctUntil;
    }
}
