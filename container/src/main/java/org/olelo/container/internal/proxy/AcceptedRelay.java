package org.olelo.container.internal.proxy;

import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPResponse;
import java.io.IOException;
import org.olelo.core.transaction.ClientTransaction;
import org.olelo.core.transaction.ClientTransactionListener;
import org.olelo.core.transaction.ServerTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an unsupervised proxy leaves to an INVITE branch's client transaction in the Accepted state
 * (RFC 6026): further 2xx responses (retransmissions, other forks) go upstream through the server
 * transaction without our Via, as the proxy itself would forward them. It holds nothing else, so
 * the proxy, its branches and the application's session are not kept alive by the transaction for
 * the 64*T1 of Timer M.
 *
 * <p>Runs on the transport reader thread that received the response; never blocks.
 */
final class AcceptedRelay implements ClientTransactionListener {

    private static final Logger LOG = LoggerFactory.getLogger(AcceptedRelay.class);

    private final ServerTransaction upstream;

    AcceptedRelay(ServerTransaction upstream) {
        this.upstream = upstream;
    }

    @Override
    public void onResponse(ClientTransaction tx, SIPResponse r) {
        if (r.getStatusCode() / 100 != 2) {
            return;
        }
        if (r.getTopmostVia() != null) {
            r.removeFirst(Via.NAME);
        }
        if (r.getTopmostVia() == null) {
            return;
        }
        try {
            upstream.sendResponse(r);
        } catch (IllegalStateException e) {
            LOG.debug("2xx not forwarded: {}", e.getMessage());
        }
    }

    @Override
    public void onTimeout(ClientTransaction tx) {
        // the Accepted state has no timeout that reports
    }

    @Override
    public void onTransportError(ClientTransaction tx, IOException error) {
        // nothing is sent in the Accepted state
    }
}
