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
 * nothing else there.
 */
final class UacListener implements ClientTransactionListener {

    private static final Logger LOG = LoggerFactory.getLogger(UacListener.class);
    private final UserAgent ua;
    private final SipServletRequestImpl request;

    UacListener(UserAgent ua, SipServletRequestImpl request) {
        this.ua = ua;
        this.request = request;
    }

    @Override
    public void onResponse(ClientTransaction tx, SIPResponse response) {
        SipSessionImpl s = SipSessionImpl.of(request);
        s.parent().executor().execute(() -> ua.uac.onResponse(request, response, tx.hop()));
    }

    @Override
    public void onTimeout(ClientTransaction tx) {
        SipSessionImpl s = SipSessionImpl.of(request);
        s.parent().executor().execute(() -> ua.uac.onNoResponse(request, 408, "Request Timeout"));
    }

    @Override
    public void onTransportError(ClientTransaction tx, IOException error) {
        SipSessionImpl s = SipSessionImpl.of(request);
        LOG.debug("{} to {} not sent (call-id {}): {}", request.getMethod(), tx.hop().address(), request.getCallId(),
                error.toString());
        s.parent().executor().execute(() -> ua.uac.onNoResponse(request, 503, "Service Unavailable"));
    }
}
