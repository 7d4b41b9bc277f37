package org.olelo.container.internal.stats;

import org.olelo.core.SipCore;
import org.olelo.core.stats.CoreStatistics;
import org.olelo.core.stats.CoreStatistics.Event;
import org.olelo.core.stats.DropReason;
import org.olelo.core.stats.SipMethod;
import org.olelo.core.transaction.TransactionLayer;

/**
 * Publishes the SIP core's counters ({@link CoreStatistics}) in the {@code sip} group. The meters
 * read the core's own counters when the statistics are read, so nothing is counted twice and the
 * message path is unchanged. Registered once per server, on the thread that builds it.
 */
public final class CoreMeters {

    private static final String G = "sip";

    private CoreMeters() {
    }

    /** Registers the core's meters into the container's statistics. */
    public static void register(OwnedStatistics stats, SipCore core) {
        CoreStatistics c = core.statistics();
        for (SipMethod m : SipMethod.values()) {
            stats.counterOf(G, "requests_received", "requests received, retransmissions included, by method",
                    () -> c.requestsReceived(m), "method", m.name());
            stats.counterOf(G, "requests_sent", "requests sent (relayed, made by applications, ACKs; retransmissions not included), by method",
                    () -> c.requestsSent(m), "method", m.name());
        }
        for (int k = 1; k <= 6; k++) {
            int cls = k;
            stats.counterOf(G, "responses_received", "responses received, by status class",
                    () -> c.responsesReceived(cls), "class", cls + "xx");
            stats.counterOf(G, "responses_sent", "responses sent (made here or relayed; retransmissions not included), by status class",
                    () -> c.responsesSent(cls), "class", cls + "xx");
        }
        stats.counterOf(G, "requests_rejected", "requests answered with an error by the core before any transaction"
                + " (parse errors, core checks)", c::requestsRejected);
        stats.counterOf(G, "parse_errors", "messages the parser refused (answered 400 when possible, else dropped)",
                c::parseErrors);
        for (DropReason r : DropReason.values()) {
            dropped(stats, r.label(), () -> c.drops(r));
        }
        dropped(stats, "flood", () -> c.get(Event.FLOOD_DROPPED));
        dropped(stats, "internal_queue", () -> c.get(Event.INTERNAL_DROPPED));
        dropped(stats, "lookup_refused", () -> c.get(Event.LOOKUP_REFUSED));
        stats.counterOf(G, "retransmissions", "messages re-sent by transaction timers", c::retransmissions);
        TransactionLayer tx = core.transactions();
        stats.gauge(G, "transactions", "transactions in progress, by kind", tx::serverCount, "kind", "server");
        stats.gauge(G, "transactions", "transactions in progress, by kind", tx::clientCount, "kind", "client");
        stats.counterOf(G, "transactions_started", "transactions started, by kind", c::serverTransactionsCreated,
                "kind", "server");
        stats.counterOf(G, "transactions_started", "transactions started, by kind", c::clientTransactionsCreated,
                "kind", "client");
        event(stats, "flood_blocked_sources", "source addresses blocked for flooding", c, Event.FLOOD_BLOCKED);
        event(stats, "relay_refused", "requests in a dialog refused relaying (not a dialog this server record-routed)",
                c, Event.RELAY_REFUSED);
        event(stats, "tcp_connections_refused", "TCP connections closed at once at the connection limits", c,
                Event.TCP_CONNECTION_REFUSED);
        event(stats, "tcp_connections_evicted", "idle TCP connections closed to make room for a new one", c,
                Event.TCP_CONNECTION_EVICTED);
        event(stats, "tcp_connections_idle_closed", "TCP connections closed after tcp.idle.timeout.seconds", c,
                Event.TCP_IDLE_CLOSED);
        event(stats, "dns_lookups", "DNS queries sent by the RFC 3263 locator (NAPTR, SRV, A, AAAA, ENUM)", c,
                Event.DNS_LOOKUP);
        event(stats, "dns_cache_hits", "DNS questions answered from the locator's cache", c, Event.DNS_CACHE_HIT);
        event(stats, "dns_failures", "DNS queries that failed (no server answered in time, or a server failure)", c,
                Event.DNS_FAILURE);
        event(stats, "dns_failovers", "requests sent again to the next RFC 3263 target after one failed", c,
                Event.DNS_FAILOVER);
        event(stats, "tcp_message_timeouts", "TCP connections closed because a message did not arrive whole in time", c,
                Event.TCP_MESSAGE_TIMEOUT);
        core.config().listen().stream().map(l -> l.transport().toUpperCase(java.util.Locale.ROOT)).distinct()
                .forEach(kind -> transport(stats, c, kind));
        event(stats, "keepalive_crlf_pings", "double-CRLF keep-alives on TCP answered with a CRLF", c, Event.CRLF_PING);
        event(stats, "keepalive_stun_requests", "STUN Binding Requests on UDP answered with the sender's address", c,
                Event.STUN_BINDING);
        event(stats, "tls_handshakes_failed", "TLS connections closed because their handshake failed", c,
                Event.TLS_HANDSHAKE_FAILED);
    }

    /** Messages and bytes in and out of one transport kind of the listening points. */
    private static void transport(OwnedStatistics stats, CoreStatistics c, String kind) {
        String label = kind.toLowerCase(java.util.Locale.ROOT);
        stats.counterOf(G, "transport_messages_received", "messages read by the listening points, by transport",
                () -> c.transportMessages(kind, true), "transport", label);
        stats.counterOf(G, "transport_messages_sent", "messages written by the listening points (retransmissions"
                + " included), by transport", () -> c.transportMessages(kind, false), "transport", label);
        stats.counterOf(G, "transport_bytes_received", "bytes of the messages read, by transport",
                () -> c.transportBytes(kind, true), "transport", label);
        stats.counterOf(G, "transport_bytes_sent", "bytes of the messages written, by transport",
                () -> c.transportBytes(kind, false), "transport", label);
    }

    private static void dropped(OwnedStatistics stats, String reason, java.util.function.LongSupplier total) {
        stats.counterOf(G, "messages_dropped", "messages dropped without an answer, by reason", total, "reason", reason);
    }

    private static void event(OwnedStatistics stats, String name, String help, CoreStatistics c, Event e) {
        stats.counterOf(G, name, help, () -> c.get(e));
    }
}
