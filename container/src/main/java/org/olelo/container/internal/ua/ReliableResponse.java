package org.olelo.container.internal.ua;

import org.olelo.container.internal.message.SipServletResponseImpl;

/** A reliable provisional response sent and not yet acknowledged by PRACK. */
final class ReliableResponse {

    final SipServletResponseImpl response;
    final long rseq;
    final long cseq;
    final String method;

    ReliableResponse(SipServletResponseImpl response, long rseq, long cseq, String method) {
        this.response = response;
        this.rseq = rseq;
        this.cseq = cseq;
        this.method = method;
    }
}
