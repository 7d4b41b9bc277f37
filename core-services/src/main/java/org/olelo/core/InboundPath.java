package org.olelo.core;

import gov.nist.javax.sip.header.Unsupported;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.net.InetSocketAddress;
import java.text.ParseException;
import java.util.Set;
import javax.sip.header.RouteHeader;
import org.olelo.core.internal.flood.FloodGuard;
import org.olelo.core.internal.message.RawReply;
import org.olelo.core.message.ParseOutcome;
import org.olelo.core.message.SipMessages;
import org.olelo.core.message.SipParser;
import org.olelo.core.message.lazy.Received;
import org.olelo.core.routing.LocalAddresses;
import org.olelo.core.stats.CoreStatistics;
import org.olelo.core.stats.DropReason;
import org.olelo.core.tap.MessageTap;
import org.olelo.core.transaction.ServerTransaction;
import org.olelo.core.transaction.TransactionLayer;
import org.olelo.core.transport.InboundSink;
import org.olelo.core.transport.InternalTransport;
import org.olelo.core.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbound stage: what the core does with each message a listening point read, up to the hand-off
 * to the {@link RequestHandler} (see the diagram on {@link SipCore}). Flood check, parse, the core
 * checks, Via received/rport, retransmissions, server transactions, 100 Trying, CANCEL, Route
 * pre-processing; a response goes to its client transaction, or to stateless forwarding when none
 * claims it.
 *
 * <p>Threads: runs on the reader thread of the transport that read the message, one message at a
 * time per thread; it never blocks (no locks held across calls, no name look-ups, the only I/O
 * is the non-blocking send of an answer) and never runs application code.
 */
final class InboundPath implements InboundSink {

    private static final Logger LOG = LoggerFactory.getLogger(InboundPath.class);

    private final CoreStatistics statistics;
    private final TransactionLayer transactions;
    private final LocalAddresses local;
    private final Set<String> proxyRequireSupported;
    private final FloodGuard flood;
    private final StatelessForwarding stateless;
    private volatile RequestHandler handler;
    private volatile MessageTap tap;
    private volatile InternalTransport internal;
    private volatile org.olelo.core.spi.ConnectionEvents connectionEvents;

    /**
     * @param flood     the flood guard, or null when flood detection is off
     * @param stateless where stray responses and stateless answers go
     */
    InboundPath(CoreStatistics statistics, TransactionLayer transactions, LocalAddresses local,
                Set<String> proxyRequireSupported, FloodGuard flood, StatelessForwarding stateless) {
        this.statistics = statistics;
        this.transactions = transactions;
        this.local = local;
        this.proxyRequireSupported = proxyRequireSupported;
        this.flood = flood;
        this.stateless = stateless;
    }

    /** The layer above; set before any listening point starts. */
    void setHandler(RequestHandler h) {
        this.handler = h;
    }

    /** The tap that sees what the listening points read and write; null for none. */
    void setTap(MessageTap t) {
        this.tap = t;
    }

    /** The internal transport: what comes in on it is neither tapped nor counted against a source. */
    void setInternal(InternalTransport t) {
        this.internal = t;
    }

    @Override
    public void onMessage(byte[] data, Transport via, InetSocketAddress source) {
        MessageTap t = tap;
        if (!(via instanceof InternalTransport)) {
            statistics.transportReceived(via.name(), data.length);
            if (t != null) {
                t.received(data, via, source);
            }
        }
        FloodGuard f = flood;
        if (f != null && via != internal && SipMessages.isRequest(data) && !f.admit(source.getAddress())) {
            return; // a flooding source: dropped unparsed and unanswered (counted by the guard)
        }
        ParseOutcome outcome = SipParser.parse(data);
        switch (outcome) {
            case ParseOutcome.Parsed p -> {
                Received.attach(p.message(), data);
                WebSocketContacts.addAlias(p.message(), via, source);
                if (p.message() instanceof SIPRequest r) {
                    onRequest(r, via, source);
                } else {
                    onResponse((SIPResponse) p.message());
                }
            }
            case ParseOutcome.Rejected r -> {
                statistics.parseError();
                statistics.rejected();
                byte[] reply = RawReply.build(r.raw(), r.status(), r.reason(), SipMessages.newTag());
                LOG.debug("rejected request from {}: {}", source, r.reason());
                if (reply != null) {
                    stateless.sendQuietly(via, reply, source);
                }
            }
            case ParseOutcome.Dropped d -> {
                if (!SipParser.isKeepAlive(data)) { // a keep-alive is neither an error nor a drop
                    statistics.parseError();
                    statistics.dropped(DropReason.UNPARSABLE);
                }
                LOG.debug("dropped message from {}: {}", source, d.why());
            }
        }
    }

    /** Where the connections a stream listening point reports through its sink go (the core's). */
    void setConnectionEvents(org.olelo.core.spi.ConnectionEvents events) {
        this.connectionEvents = events;
    }

    @Override
    public void onConnectionClosed(Transport via, InetSocketAddress peer) {
        org.olelo.core.spi.ConnectionEvents e = connectionEvents;
        if (e != null) {
            e.closed(via, peer);
        }
    }

    @Override
    public void onSending(byte[] data, Transport via, InetSocketAddress to) {
        if (!(via instanceof InternalTransport)) {
            statistics.transportSent(via.name(), data.length);
        }
        MessageTap t = tap;
        if (t != null) {
            t.sent(data, via, to);
        }
    }

    private void onRequest(SIPRequest r, Transport via, InetSocketAddress source) {
        statistics.requestReceived(r.getMethod());
        CoreChecks.Failure f = CoreChecks.structural(r);
        if (f != null) {
            statistics.rejected();
            stateless.respond(r, f.status(), f.reason(), via, source);
            return;
        }
        markReceived(r, source);
        String method = r.getMethod();
        if (method.equals("ACK")) {
            onAck(r, via, source);
            return;
        }
        ServerTransaction existing = transactions.findServer(r);
        if (existing != null) {
            existing.onRetransmissionReceived();
            return;
        }
        String hash = SipCore.loopHash(r);
        ServerTransaction st = transactions.createServer(r, via, source, hash);
        if (st.request() != r) {
            st.onRetransmissionReceived();
            return;
        }
        f = CoreChecks.proxy(r, local, hash, proxyRequireSupported);
        if (f != null) {
            reject(st, f);
            return;
        }
        if (method.equals("INVITE")) {
            st.respondIfPending(100, null);
        }
        if (method.equals("CANCEL")) {
            ServerTransaction invite = transactions.findCancelled(r);
            if (invite == null || invite.lastStatus() >= 200) {
                st.sendResponse(st.createResponse(481, "Call/Transaction Does Not Exist"));
                return;
            }
            st.sendResponse(st.createResponse(200, null));
            handler.onCancel(invite, st);
            return;
        }
        st.setPoppedRouteFromCore(RouteEntries.preprocess(r, local));
        handler.onRequest(st);
    }

    /** An ACK: absorbed by the INVITE server transaction of a non-2xx, else handed up (the 2xx ACK). */
    private void onAck(SIPRequest r, Transport via, InetSocketAddress source) {
        ServerTransaction st = transactions.findServer(r);
        if (st != null) {
            st.onAckReceived();
            return;
        }
        if (CoreChecks.proxy(r, local, SipCore.loopHash(r), proxyRequireSupported) != null) {
            return; // an ACK is never answered
        }
        RouteHeader popped = RouteEntries.preprocess(r, local);
        handler.onAck(r, popped, via, source);
    }

    /** Answers a request that failed the proxy checks, with Unsupported for a 420. */
    private static void reject(ServerTransaction st, CoreChecks.Failure f) {
        SIPResponse resp;
        try {
            resp = st.createResponse(f.status(), f.reason());
        } catch (IllegalStateException e) {
            return; // a CANCEL on another thread answered the request first
        }
        for (String tag : f.unsupported()) {
            Unsupported u = new Unsupported();
            try {
                u.setOptionTag(tag);
            } catch (ParseException e) {
                continue;
            }
            resp.addHeader(u);
        }
        st.sendResponseIfPending(resp);
    }

    private void onResponse(SIPResponse r) {
        statistics.responseReceived(r.getStatusCode());
        if (transactions.onResponse(r)) {
            return;
        }
        stateless.forwardStrayResponse(r);
    }

    /** RFC 3581 and §18.2.1: note where the request really came from in the top Via. */
    private static void markReceived(SIPRequest r, InetSocketAddress source) {
        Via top = r.getTopmostVia();
        try {
            String ip = source.getAddress().getHostAddress();
            if (top.hasParameter("rport")) {
                top.setParameter("rport", Integer.toString(source.getPort()));
                top.setReceived(ip);
            } else if (!ip.equalsIgnoreCase(NextHops.stripBrackets(top.getHost()))) {
                top.setReceived(ip);
            } else {
                return;
            }
            Received.rewroteTopVia(r, top.getHeaderValue());
        } catch (ParseException | RuntimeException e) {
            LOG.debug("cannot mark Via received: {}", e.toString());
        }
    }
}
