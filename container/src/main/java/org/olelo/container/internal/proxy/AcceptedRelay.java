package org.olelo.container.internal.proxy;

import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPResponse;
import java.io.IOException;
import org.olelo.core.message.lazy.Received;
import org.olelo.core.transaction.ClientTransaction;
import org.olelo.core.transaction.ClientTransactionListener;
import org.olelo.core.transaction.ServerTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a proxy leaves to an INVITE branch's client transaction in the Accepted state (RFC 6026):
 * further 2xx responses (retransmissions, other forks) go upstream through the server transaction
 * without our Via, as the proxy itself would forward them. A supervised proxy's branch sees them
 * first while its session lives (the application is shown every 2xx); once the session is
 * invalidated the branch is let go ({@link #release}). Either way the transaction does not keep
 * the proxy, its branches, their messages and the application's session alive for the 64*T1 of
 * Timer M: at a thousand calls a second that would be tens of thousands of finished calls.
 *
 * <p>Runs on the transport reader thread that received the response; never blocks.
 */
final class AcceptedRelay implements ClientTransactionListener {

    private static final Logger LOG = LoggerFactory.getLogger(AcceptedRelay.class);

    private final ServerTransaction upstream;
    /** The supervised proxy's branch, until its session is invalidated; null for an unsupervised proxy. */
    private volatile ClientTransactionListener branch;

    /** A relay for an unsupervised proxy. */
    AcceptedRelay(ServerTransaction upstream) {
        this(upstream, null);
    }

    /** A relay that hands 2xx to a supervised proxy's branch until {@link #release}. */
    AcceptedRelay(ServerTransaction upstream, ClientTransactionListener branch) {
        this.upstream = upstream;
        this.branch = branch;
    }

    /** Lets the branch go: from now on 2xx are only relayed. Any thread. */
    void release() {
        branch = null;
    }

    @Override
    public void onResponse(ClientTransaction tx, SIPResponse r) {
        ClientTransactionListener b = branch;
        if (b != null) {
            b.onResponse(tx, r);
            return;
        }
        if (r.getStatusCode() / 100 != 2) {
            return;
        }
        if (r.getTopmostVia() != null) {
            r.removeFirst(Via.NAME);
            Received.poppedVia(r);
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
