package org.olelo.core.stats;

/**
 * Why a message was dropped without an answer, for {@link CoreStatistics#dropped(DropReason)}.
 * Drops that have a defensive event of their own ({@link CoreStatistics.Event#FLOOD_DROPPED},
 * {@link CoreStatistics.Event#INTERNAL_DROPPED}, {@link CoreStatistics.Event#LOOKUP_REFUSED}) are
 * counted there, not here.
 */
public enum DropReason {
    /** The bytes were not SIP enough to answer (no request line, no headers to answer with). */
    UNPARSABLE("unparsable"),
    /**
     * A response that matched no transaction and could not be relayed: its top Via is not this
     * server's, the next Via's host does not resolve, or names a broadcast or multicast address.
     */
    STRAY_RESPONSE("stray_response"),
    /** A request relayed without a transaction (an end-to-end ACK) had no Max-Forwards left. */
    TOO_MANY_HOPS("too_many_hops");

    private final String label;

    DropReason(String label) {
        this.label = label;
    }

    /** The reason as a metric label value. */
    public String label() {
        return label;
    }
}
