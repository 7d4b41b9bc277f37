package org.olelo.core.transaction;

/** States of RFC 3261 §17 transactions, with ACCEPTED from RFC 6026 for INVITE 2xx. */
public enum TransactionState {
    /** Client INVITE sent, nothing heard yet. */
    CALLING,
    /** Non-INVITE request sent or received, no response yet. */
    TRYING,
    /** A provisional response was sent or received. */
    PROCEEDING,
    /** A 2xx to an INVITE was sent or received; 2xx retransmissions pass through (RFC 6026). */
    ACCEPTED,
    /** A final response was sent or received; retransmissions are absorbed. */
    COMPLETED,
    /** Server INVITE: the ACK for a non-2xx final arrived. */
    CONFIRMED,
    /** Finished and removed from the transaction table. */
    TERMINATED
}
