package org.olelo.core.transaction;

import gov.nist.javax.sip.message.SIPResponse;
import java.io.IOException;

/**
 * The transaction user of a client transaction (a proxy branch, a UAC request). Called on transport
 * reader threads and on the timer thread: implementations hand work to their own executor and
 * return at once.
 */
public interface ClientTransactionListener {

    /**
     * A response for the transaction: every provisional, the first final, and for INVITE every 2xx
     * (retransmissions and other forks included, RFC 6026).
     */
    void onResponse(ClientTransaction tx, SIPResponse response);

    /** Timer B or F fired without a final response. */
    void onTimeout(ClientTransaction tx);

    /** The request could not be sent. */
    void onTransportError(ClientTransaction tx, IOException error);

    /**
     * The listener for the rest of an INVITE transaction once its first 2xx has been delivered to
     * this one: in the Accepted state (RFC 6026, 64*T1) it sees only further 2xx responses
     * (retransmissions and other forks). The transaction lets go of this listener, so a transaction
     * user that needs little for those (a proxy relays them upstream) returns a small object and
     * its own state is not kept alive for the length of the Accepted state. By default: this.
     */
    default ClientTransactionListener acceptedListener() {
        return this;
    }
}
