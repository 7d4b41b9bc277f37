package org.olelo.container.internal;

import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPRequest;
import javax.sip.header.RouteHeader;
import org.olelo.container.internal.invoke.SerialExecutor;
import org.olelo.container.internal.message.SipServletRequestImpl;
import org.olelo.container.internal.proxy.ProxyImpl;
import org.olelo.container.internal.proxy.ResponseDelivery;
import org.olelo.container.internal.runtime.ContainerRuntime;
import org.olelo.core.SipCore;
import org.olelo.core.message.lazy.Received;
import org.olelo.core.routing.DialogTransport;
import org.olelo.core.routing.Hop;
import org.olelo.core.routing.MaxForwardsRule;
import org.olelo.core.transaction.ServerTransaction;
import org.olelo.core.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the server relays with no application: a request by its Route set or Request-URI (a
 * transaction-stateful relay on a virtual thread of its own), and an end-to-end ACK statelessly.
 *
 * <p>{@link #request} only queues work, so any thread may call it; {@link #ack} sends on the calling
 * thread when the next hop needs no look-up, and from the look-up's thread when it does.
 */
final class Relays {

    private static final Logger LOG = LoggerFactory.getLogger(Relays.class);

    private final ContainerRuntime rt;
    private final SipCore core;

    Relays(ContainerRuntime rt) {
        this.rt = rt;
        this.core = rt.core();
    }

    /** Relays a request by its Route set or Request-URI with no application involved. */
    void request(ServerTransaction st) {
        SerialExecutor ex = new SerialExecutor(rt.virtualThreads());
        ex.execute(() -> {
            SIPRequest r = st.request();
            if (r == null) {
                return;
            }
            SipServletRequestImpl req = SipServletRequestImpl.received(st, r, null, false);
            st.setApplicationData(req);
            ProxyImpl p = new ProxyImpl(rt, req, null, ex, ResponseDelivery.NONE, 180, true);
            try {
                p.proxyTo(req.getRequestURI());
            } catch (RuntimeException e) {
                LOG.debug("relay failed", e);
                SipContainer.respond(st, 500, "Server Internal Error");
            }
        });
    }

    /**
     * Forwards an end-to-end ACK statelessly (RFC 3261 §16.11), adding our Via. Max-Forwards as on
     * every relay path: absent counts as 70, each hop takes one, and an ACK with none left is dropped.
     * A next hop that names no transport gets the one of our Record-Route entry the core removed
     * ({@code popped}, see {@link DialogTransport}), else the inbound one. Called on reader threads:
     * a target that needs a look-up is sent from the look-up's thread.
     */
    void ack(SIPRequest ack, RouteHeader popped, Transport inbound) {
        javax.sip.address.URI next = ack.getRouteHeaders() != null && !ack.getRouteHeaders().isEmpty()
                ? ((RouteHeader) ack.getRouteHeaders().getFirst()).getAddress().getURI() : ack.getRequestURI();
        core.resolve(next, DialogTransport.of(popped, inbound.name()), hop -> ack(ack, hop),
                e -> LOG.debug("ACK not relayed: {}", e.toString()));
    }

    private void ack(SIPRequest ack, Hop hop) {
        try {
            if (!MaxForwardsRule.forHop(ack, hop)) {
                core.statistics().dropped(org.olelo.core.stats.DropReason.TOO_MANY_HOPS);
                return;
            }
            // An ACK is never answered, so Max-Forwards alone bounds a loop of it; its branch carries
            // no loop hash, so that an ACK passing two record-routing applications of this server
            // (whose Route sets differ only by the entry already popped) is not taken for a loop.
            Via via = core.newVia(hop.transport(), SipCore.branch(null));
            ack.addFirst(via);
            Received.pushedVia(ack, via.getHeaderValue());
            core.sendStateless(ack, hop);
        } catch (Exception e) {
            LOG.debug("ACK not relayed: {}", e.toString());
        }
    }
}
