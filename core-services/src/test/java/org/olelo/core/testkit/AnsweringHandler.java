package org.olelo.core.testkit;

import gov.nist.javax.sip.message.SIPRequest;
import java.net.InetSocketAddress;
import javax.sip.header.RouteHeader;
import org.olelo.core.RequestHandler;
import org.olelo.core.transaction.ServerTransaction;
import org.olelo.core.transport.Transport;

/** The layer above the core in core tests: answers every request with one status; ACK and CANCEL do nothing. */
public final class AnsweringHandler implements RequestHandler {

    private final int status;

    /** @param status the final status every request gets */
    public AnsweringHandler(int status) {
        this.status = status;
    }

    @Override
    public void onRequest(ServerTransaction st) {
        st.sendResponse(st.createResponse(status, null));
    }

    @Override
    public void onAck(SIPRequest ack, RouteHeader popped, Transport t, InetSocketAddress src) {
    }

    @Override
    public void onCancel(ServerTransaction invite, ServerTransaction cancel) {
    }
}
