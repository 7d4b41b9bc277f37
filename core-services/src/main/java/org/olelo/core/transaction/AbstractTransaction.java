package org.olelo.core.transaction;

import java.util.concurrent.ScheduledFuture;

/**
 * What client and server transactions share: the table key, the state, the two timers every
 * transaction runs at most (a retransmission timer and an end timer), and termination, which
 * cancels both and takes the transaction out of its table. State is guarded by the transaction's
 * monitor.
 */
abstract class AbstractTransaction {

    protected final TransactionLayer layer;
    private final String key;
    protected TransactionState state;
    protected ScheduledFuture<?> retransmitTimer;
    protected ScheduledFuture<?> endTimer;

    AbstractTransaction(TransactionLayer layer, String key, TransactionState initial) {
        this.layer = layer;
        this.key = key;
        this.state = initial;
    }

    /** The key of the transaction in its table. */
    final String key() {
        return key;
    }

    /** Cancels the retransmission and end timers. */
    protected final synchronized void cancelTimers() {
        if (retransmitTimer != null) {
            retransmitTimer.cancel(false);
            retransmitTimer = null;
        }
        if (endTimer != null) {
            endTimer.cancel(false);
            endTimer = null;
        }
    }

    /** Ends the transaction once: timers cancelled, removed from the table. */
    final void terminate() {
        synchronized (this) {
            if (state == TransactionState.TERMINATED) {
                return;
            }
            state = TransactionState.TERMINATED;
            cancelTimers();
        }
        removeFromLayer();
    }

    /** Takes the transaction out of its table. */
    abstract void removeFromLayer();
}
