package org.olelo.core.internal.transport;

/**
 * How long an accept loop pauses after a failed accept: 10 ms after the first failure, doubling up
 * to 1 s while failures go on, and nothing once an accept succeeds again. Out of file descriptors,
 * {@code accept} fails at once every time; without a pause the loop would spin a core and flood the
 * log. Used by the accept thread only.
 */
final class AcceptBackoff {

    static final long FIRST_MILLIS = 10;
    static final long MAX_MILLIS = 1000;

    private long current;

    /** An accept failed: the pause to make before the next one. */
    long failed() {
        current = current == 0 ? FIRST_MILLIS : Math.min(current * 2, MAX_MILLIS);
        return current;
    }

    /** An accept succeeded: the next failure starts again from the first pause. */
    void succeeded() {
        current = 0;
    }
}
