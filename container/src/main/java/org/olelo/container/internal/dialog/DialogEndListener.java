package org.olelo.container.internal.dialog;

/**
 * Hears of each tracked dialog that ends (the accounting writes a call record for an answered
 * one). Called on the thread that ended it, usually its application session's executor; must not
 * block.
 */
@FunctionalInterface
public interface DialogEndListener {

    /**
     * @param dialog   the dialog, in its ended state, with its answer time if it had one
     * @param answered true when the dialog was confirmed (a call took place)
     */
    void ended(TrackedDialog dialog, boolean answered);
}
