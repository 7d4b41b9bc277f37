package org.olelo.core.transaction;

import gov.nist.javax.sip.message.SIPResponse;

/**
 * Told once when a server transaction sends its first final response (the call log uses it).
 * Called on the thread that sent the response, outside the transaction's monitor, after the bytes
 * were handed to the transport; it must not block.
 */
@FunctionalInterface
public interface FinalResponseObserver {

    /**
     * @param transaction the transaction that answered
     * @param response    the final response it sent (not to be modified)
     */
    void finalResponseSent(ServerTransaction transaction, SIPResponse response);
}
