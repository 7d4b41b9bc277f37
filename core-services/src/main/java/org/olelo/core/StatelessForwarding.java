package org.olelo.core;

import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.header.ViaList;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.text.ParseException;
import org.olelo.core.internal.message.RawReply;
import org.olelo.core.message.MessageEncoder;
import org.olelo.core.message.SipMessages;
import org.olelo.core.message.lazy.Received;
import org.olelo.core.routing.Hop;
import org.olelo.core.routing.LocalAddresses;
import org.olelo.core.stats.CoreStatistics;
import org.olelo.core.stats.DropReason;
import org.olelo.core.transaction.TransactionLayer;
import org.olelo.core.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stateless stage: messages sent without a transaction. Answers decided before a transaction
 * exists, messages the layer above sends statelessly (relayed ACKs), and responses no client
 * transaction claimed, relayed upstream along their Via (RFC 3261 §16.11, §18.2.1).
 *
 * <p>Threads: called on reader threads (answers, stray responses) and on the layer above's
 * threads; the only blocking is the transport's send. A stray response whose next Via names a
 * host (not an IP literal) that is not in the cache of look-ups is sent later, from the look-up's
 * virtual thread, never after a wait on the reader thread.
 */
final class StatelessForwarding {

    private static final Logger LOG = LoggerFactory.getLogger(StatelessForwarding.class);

    private final CoreStatistics statistics;
    private final TransactionLayer transactions;
    private final LocalAddresses local;
    private final NextHops hops;

    StatelessForwarding(CoreStatistics statistics, TransactionLayer transactions, LocalAddresses local, NextHops hops) {
        this.statistics = statistics;
        this.transactions = transactions;
        this.local = local;
        this.hops = hops;
    }

    /** Sends a message without a transaction. */
    void send(SIPMessage m, Hop hop) throws IOException {
        if (m instanceof SIPRequest r) {
            statistics.requestSent(r.getMethod());
        } else {
            statistics.responseSent(((SIPResponse) m).getStatusCode());
        }
        byte[] edited = Received.edited(m); // a relayed message nothing else changed
        hop.transport().send(edited != null ? edited : MessageEncoder.encode(m), hop.address());
    }

    /** Answers a request to where it came from, without a transaction; an ACK is never answered. */
    void respond(SIPRequest r, int status, String reason, Transport via, InetSocketAddress source) {
        if (r.getMethod().equals("ACK")) {
            return;
        }
        byte[] reply;
        if (r.getTopmostVia() == null || r.getFrom() == null || r.getTo() == null || r.getCallId() == null || r.getCSeq() == null) {
            reply = RawReply.build(MessageEncoder.encode(r), status, reason, SipMessages.newTag());
        } else {
            SIPResponse resp = r.createResponse(status, reason);
            if (resp.getToTag() == null) {
                try {
                    resp.getTo().setTag(SipMessages.newTag());
                } catch (ParseException e) {
                    // leave it without a tag
                }
            }
            reply = MessageEncoder.encode(resp);
        }
        if (reply != null) {
            statistics.responseSent(status);
            sendQuietly(via, reply, source);
        }
    }

    /**
     * §18.2.1/§16.7: strip our Via from a response no transaction claimed and relay it upstream.
     * When the next Via is this server's too, the response is offered to the transactions at once,
     * as the internal transport would have delivered it, and stripped again if none claims it: a
     * response never goes through the internal transport, however many Vias of ours it carries.
     */
    void forwardStrayResponse(SIPResponse r) {
        Via next;
        while (true) {
            ViaList vias = r.getViaHeaders();
            if (vias == null || vias.size() < 2) {
                return;
            }
            Via top = (Via) vias.getFirst();
            if (!local.isLocal(top.getHost(), top.getPort(), top.getTransport())) {
                statistics.dropped(DropReason.STRAY_RESPONSE);
                return;
            }
            r.removeFirst(Via.NAME);
            Received.poppedVia(r);
            next = r.getTopmostVia();
            if (!local.isLocal(next.getHost(), next.getPort(), next.getTransport())) {
                break;
            }
            if (transactions.onResponse(r)) {
                return;
            }
        }
        String host = next.getReceived() != null ? next.getReceived() : NextHops.stripBrackets(next.getHost());
        int port = next.getRPort() > 0 ? next.getRPort() : (next.getPort() > 0 ? next.getPort() : 5060);
        String transport = next.getTransport();
        hops.address(host, (addr, e) -> {
            if (e != null) {
                statistics.dropped(DropReason.STRAY_RESPONSE);
                LOG.debug("cannot relay stray response: {}", e.toString());
            } else {
                relay(r, addr, port, transport, host);
            }
        });
    }

    /** Sends a stray response to the address its next Via resolved to; never to a broadcast or multicast address. */
    private void relay(SIPResponse r, InetAddress addr, int port, String transport, String host) {
        if (addr.isMulticastAddress() || host.equals("255.255.255.255")) {
            statistics.dropped(DropReason.STRAY_RESPONSE);
            return;
        }
        Transport t = hops.transport(transport, addr);
        if (t == null) {
            return;
        }
        try {
            send(r, new Hop(t, new InetSocketAddress(addr, port)));
        } catch (IOException e) {
            LOG.debug("cannot relay stray response: {}", e.toString());
        }
    }

    /** Sends bytes, logging (at DEBUG) instead of throwing when the send fails. */
    void sendQuietly(Transport t, byte[] b, InetSocketAddress to) {
        try {
            t.send(b, to);
        } catch (IOException e) {
            LOG.debug("send to {} failed: {}", to, e.toString());
        }
    }
}
