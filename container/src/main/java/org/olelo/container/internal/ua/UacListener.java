package org.olelo.container.internal.ua;

import gov.nist.javax.sip.message.SIPResponse;
import java.io.IOException;
import org.olelo.container.internal.message.SipServletRequestImpl;
import org.olelo.container.internal.session.SipSessionImpl;
import org.olelo.core.transaction.ClientTransaction;
import org.olelo.core.transaction.ClientTransactionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the outcome of a client transaction started for an application's request to that
 * application session's executor. Called on transport reader threads and the timer thread; does
 * nothing else there. When the request's URI has further RFC 3263 targets ({@link UacFailover}), a
 * transport error, a timeout or a 503 without Retry-After sends it to the next one instead
 * ({@link UserAgent#failOver}) and the application sees only the last target's outcome.
 */
final class UacListener implements ClientTransactionListener {

    private static final Logger LOG = LoggerFactory.getLogger(UacListener.class);
    private final UserAgent ua;
    private final SipServletRequestImpl request;
    /** The request's other RFC 3263 targets, or null. */
    private final UacFailover failover;

    UacListener(UserAgent ua, SipServletRequestImpl request, UacFailover failover) {
        this.ua = ua;
        this.request = request;
        this.failover = failover;
    }

    @Override
    public void onResponse(ClientTransaction tx, SIPResponse response) {
        if (response.getStatusCode() == 503 && response.getHeader("Retry-After") == null && failOver(tx)) {
            return; // the transaction acknowledged the 503; the application sees the next target's answer
        }
        SipSessionImpl s = SipSessionImpl.of(request);
        s.parent().executor().execute(() -> ua.uac.onResponse(request, response, tx.hop()));
    }

    @Override
    public void onTimeout(ClientTransaction tx) {
        if (failOver(tx)) {
            return;
        }
        SipSessionImpl s = SipSessionImpl.of(request);
        s.parent().executor().execute(() -> ua.uac.onNoResponse(request, 408, "Request Timeout"));
    }

    /** Sends the request to the next target, on the session's executor, if there is one and no CANCEL was asked for. */
    private boolean failOver(ClientTransaction tx) {
        if (failover == null || tx.cancelRequested()) {
            return false;
        }
        org.olelo.core.routing.Hop next = failover.next();
        if (next == null) {
            return false;
        }
        LOG.debug("{} to {} failed (call-id {}); trying {}", request.getMethod(), tx.hop(), request.getCallId(), next);
        SipSessionImpl s = SipSessionImpl.of(request);
        s.parent().executor().execute(() -> ua.failOver(request, next, failover));
        return true;
    }

    @Override
    public void onTransportError(ClientTransaction tx, IOException error) {
        SipSessionImpl s = SipSessionImpl.of(request);
        LOG.debug("{} to {} not sent (call-id {}): {}", request.getMethod(), tx.hop().address(), request.getCallId(),
                error.toString());
        if (failOver(tx)) {
            return;
        }
        s.parent().executor().execute(() -> ua.uac.onNoResponse(request, 503, "Service Unavailable"));
    }
}
