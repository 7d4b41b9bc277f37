package org.olelo.container.internal.acc;

import java.time.Instant;

/**
 * One row for the accounting tables: a transaction ({@link Event}, into {@code acc} or
 * {@code missed_calls}) or an ended call ({@link Cdr}, into {@code acc_cdrs}). Text is cut to the
 * width of its column when the record is made, so that no value a peer sent can make an insert
 * fail. Immutable; made on application session executors, written by the writer thread.
 */
public sealed interface AccRecord {

    /** A transaction: an answered INVITE or a BYE ({@code acc}), or a failed INVITE ({@code missed_calls}). */
    record Event(boolean missed, String method, String fromTag, String toTag, String callId, int sipCode,
                 String sipReason, Instant time, String srcUser, String srcDomain, String dstUser, String dstDomain)
            implements AccRecord {

        /** Cuts every text to its column. */
        public Event {
            method = cut(method, 16);
            fromTag = cut(fromTag, 128);
            toTag = cut(toTag, 128);
            callId = cut(callId, 255);
            sipReason = cut(sipReason, 128);
            srcUser = cut(srcUser, 64);
            srcDomain = cut(srcDomain, 128);
            dstUser = cut(dstUser, 64);
            dstDomain = cut(dstDomain, 128);
        }
    }

    /** An answered call that ended: from its answer to its end. */
    record Cdr(Instant start, Instant end, String callId, String fromTag, String toTag, String srcUser,
               String dstUser) implements AccRecord {

        /** Cuts every text to its column. */
        public Cdr {
            callId = cut(callId, 255);
            fromTag = cut(fromTag, 128);
            toTag = cut(toTag, 128);
            srcUser = cut(srcUser, 64);
            dstUser = cut(dstUser, 64);
        }

        /** Seconds from the answer to the end, to the millisecond. */
        public java.math.BigDecimal duration() {
            return java.math.BigDecimal.valueOf(Math.max(0, java.time.Duration.between(start, end).toMillis()), 3);
        }
    }

    /** {@code s} cut to {@code max} characters; null stays null. */
    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
