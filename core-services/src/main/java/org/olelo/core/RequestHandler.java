package org.olelo.core;

import gov.nist.javax.sip.message.SIPRequest;
import java.net.InetSocketAddress;
import javax.sip.header.RouteHeader;
import org.olelo.core.transaction.ServerTransaction;
import org.olelo.core.transport.Transport;

/**
 * The one narrow interface through which the core hands requests to the layer above (the
 * container). Every method is called on a transport reader thread after the core checks passed;
 * implementations hand the work to their own executor and return at once: they must never run
 * application code or block here.
 */
public interface RequestHandler {

    /**
     * A new request (not ACK, not CANCEL) with its server transaction; Route entries naming this
     * server were removed ({@link ServerTransaction#poppedRoute()}).
     */
    void onRequest(ServerTransaction transaction);

    /** An ACK that matched no server transaction: the ACK for a 2xx, end to end. */
    void onAck(SIPRequest ack, RouteHeader poppedRoute, Transport transport, InetSocketAddress source);

    /**
     * A CANCEL matched a pending INVITE; the core already answered the CANCEL with 200. The handler
     * answers the INVITE (487) and cancels whatever it started for it.
     */
    void onCancel(ServerTransaction invite, ServerTransaction cancel);
}
