package org.olelo.container.internal.shutdown;

import gov.nist.javax.sip.header.RetryAfter;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.net.InetSocketAddress;
import javax.sip.InvalidArgumentException;
import javax.sip.header.RouteHeader;
import org.olelo.core.RequestHandler;
import org.olelo.core.transaction.ServerTransaction;
import org.olelo.core.transport.Transport;

/**
 * Stands between the SIP core and the container: passes everything on until it is closed; then
 * it answers every new initial request (no To tag) itself with {@code 503 Service Unavailable}
 * and {@code Retry-After}, so that clients try another server, while requests inside dialogs,
 * ACKs and CANCELs still reach the container and the calls and transactions in progress finish.
 *
 * <p>Runs on the transport reader threads, like the container it wraps; one volatile read per
 * request, never blocks.
 */
public final class ShutdownGate implements RequestHandler {

    /** Seconds a refused client is asked to wait before it tries again. */
    static final int RETRY_AFTER_SECONDS = 30;

    private final RequestHandler next;
    private volatile boolean closed;

    /** @param next the container */
    public ShutdownGate(RequestHandler next) {
        this.next = next;
    }

    /** From now on new initial requests get 503. */
    public void close() {
        closed = true;
    }

    /** @return whether new initial requests are refused */
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void onRequest(ServerTransaction transaction) {
        SIPRequest r = transaction.request();
        if (closed && r != null && r.getToTag() == null) {
            refuse(transaction);
            return;
        }
        next.onRequest(transaction);
    }

    private static void refuse(ServerTransaction st) {
        SIPResponse busy;
        try {
            busy = st.createResponse(503, "Service Unavailable");
        } catch (IllegalStateException e) {
            return; // answered meanwhile (a CANCEL)
        }
        RetryAfter ra = new RetryAfter();
        try {
            ra.setRetryAfter(RETRY_AFTER_SECONDS);
        } catch (InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
        busy.setHeader(ra);
        st.sendResponseIfPending(busy);
    }

    @Override
    public void onAck(SIPRequest ack, RouteHeader poppedRoute, Transport transport, InetSocketAddress source) {
        next.onAck(ack, poppedRoute, transport, source);
    }

    @Override
    public void onCancel(ServerTransaction invite, ServerTransaction cancel) {
        next.onCancel(invite, cancel);
    }
}
