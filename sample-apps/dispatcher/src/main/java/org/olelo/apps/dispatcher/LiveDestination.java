package org.olelo.apps.dispatcher;

import jakarta.servlet.sip.SipURI;
import java.util.concurrent.atomic.AtomicInteger;
import org.olelo.apps.dispatcher.DispatcherStatistics.Meters;

/**
 * A destination at run time: its configuration, its state, its current load and the probing
 * bookkeeping.
 *
 * <p>Thread use: {@link #state} is read on the servlet threads and written by the prober (on its
 * application session's queue) and by management commands, hence volatile; {@link #load} is
 * changed by the calls' threads (atomic); the probe counters are touched only on the prober's
 * queue.
 */
final class LiveDestination {

    final Destination config;
    /** The parsed URI the requests go to (never modified: clone before use). */
    final SipURI uri;
    final Meters meters;
    final AtomicInteger load = new AtomicInteger();
    private volatile DestinationState state = DestinationState.ACTIVE;
    /** Set when an operator made it inactive: probes do not bring it back. */
    private volatile boolean held;

    /** The sequence number of the last probe sent, and of the last one answered (prober's queue only). */
    long probeSent;
    long probeAnswered;
    /** Probes in a row that got no answer (prober's queue only). */
    int missed;

    LiveDestination(Destination config, SipURI uri, Meters meters) {
        this.config = config;
        this.uri = uri;
        this.meters = meters;
    }

    /** Whether new calls may go here. */
    boolean routable() {
        return state == DestinationState.ACTIVE;
    }

    /** Whether it is within its {@code maxload} (always when it has none). */
    boolean hasRoom() {
        return config.maxLoad() == 0 || load.get() < config.maxLoad();
    }

    DestinationState state() {
        return state;
    }

    boolean held() {
        return held;
    }

    /** Sets the state as the prober sees it; an operator's hold is kept. */
    void probed(DestinationState s) {
        if (!held) {
            state = s;
        }
    }

    /** Sets the state as an operator asked: {@code inactive} holds it, anything else releases it. */
    void forced(DestinationState s) {
        held = s == DestinationState.INACTIVE;
        state = s;
    }

    /** Takes over the state and load of the same destination before a reload (not the probe counters). */
    void inherit(LiveDestination old) {
        state = old.state;
        held = old.held;
        load.set(old.load.get());
    }

    /** One call more (algorithm 10), unless that would pass {@code maxload}: then false. */
    boolean tryLoadUp() {
        int max = config.maxLoad();
        while (true) {
            int n = load.get();
            if (max > 0 && n >= max) {
                return false;
            }
            if (load.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    /** One call less, never below zero. */
    void loadDown() {
        load.updateAndGet(n -> n > 0 ? n - 1 : 0);
    }

    @Override
    public String toString() {
        return config.uri() + " (set " + config.setId() + ", " + state.text() + ")";
    }
}
