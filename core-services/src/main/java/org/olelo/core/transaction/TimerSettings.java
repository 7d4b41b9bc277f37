package org.olelo.core.transaction;

/**
 * The RFC 3261 §17 timer base values in milliseconds.
 *
 * @param t1 round-trip estimate (default 500)
 * @param t2 maximum retransmit interval for non-INVITE requests and INVITE responses (default 4000)
 * @param t4 maximum time a message stays in the network (default 5000)
 */
public record TimerSettings(long t1, long t2, long t4) {

    /** RFC 3261 defaults. */
    public static final TimerSettings DEFAULT = new TimerSettings(500, 4000, 5000);

    /** Timers B, F, H and J: 64*T1. */
    public long timeout() {
        return 64 * t1;
    }
}
