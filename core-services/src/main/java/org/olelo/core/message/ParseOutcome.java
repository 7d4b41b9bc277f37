package org.olelo.core.message;

import gov.nist.javax.sip.message.SIPMessage;

/**
 * What the parser made of one received message.
 *
 * <ul>
 *   <li>{@link Parsed}: a message the core can process;</li>
 *   <li>{@link Rejected}: a request so malformed that it is answered with a 4xx/5xx built from its raw
 *       bytes, without a transaction;</li>
 *   <li>{@link Dropped}: bytes that cannot be answered (a broken response, garbage, a keep-alive).</li>
 * </ul>
 */
public sealed interface ParseOutcome {

    /** A well-formed message. */
    record Parsed(SIPMessage message) implements ParseOutcome {
    }

    /** A request rejected before any transaction exists; {@code reason} names the fault. */
    record Rejected(int status, String reason, byte[] raw) implements ParseOutcome {
    }

    /** Bytes that get no answer; {@code why} is for the debug log and the statistics. */
    record Dropped(String why) implements ParseOutcome {
    }
}
