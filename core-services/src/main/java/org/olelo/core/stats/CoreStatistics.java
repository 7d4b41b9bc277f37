package org.olelo.core.stats;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of the SIP core, cheap enough to bump on every message: striped {@link LongAdder}s, no
 * locks, no map and no string built on the message path (per-method counters are an array indexed
 * by {@link SipMethod}, a fixed set whatever methods senders make up; status classes are an array).
 * Names are made only when a snapshot is read (RPC, management, tests), in Kamailio's style:
 * {@code rcv_requests_invite}, {@code sent_replies_2xx}, {@code tm_uas_transactions}, ...; the typed
 * getters ({@link #requestsReceived(SipMethod)}...) read one counter without building names, for
 * exporters.
 */
public final class CoreStatistics {

    /** Defensive events, each counted under its snapshot name. */
    public enum Event {
        /**
         * A TCP connection was closed at once: {@code tcp.max.connections} were open and each had
         * carried a message, or its address had {@code tcp.max.connections.per.address} open.
         */
        TCP_CONNECTION_REFUSED("tcp_connections_refused"),
        /** A TCP connection that had carried no message was closed to make room for a new one at the cap. */
        TCP_CONNECTION_EVICTED("tcp_connections_evicted"),
        /** A TCP connection was closed after {@code tcp.idle.timeout.seconds} without traffic. */
        TCP_IDLE_CLOSED("tcp_connections_idle_closed"),
        /** A TCP connection was closed because a message did not complete within {@code tcp.message.timeout.seconds}. */
        TCP_MESSAGE_TIMEOUT("tcp_message_timeouts"),
        /** A TLS connection was closed because its handshake failed (old protocol, untrusted or missing certificate...). */
        TLS_HANDSHAKE_FAILED("tls_handshakes_failed"),
        /** A message to this server itself was dropped: no Max-Forwards left, or the internal queue was full. */
        INTERNAL_DROPPED("internal_messages_dropped"),
        /** A request was dropped because its source address is blocked for flooding. */
        FLOOD_DROPPED("pike_dropped_requests"),
        /** A source address was blocked for flooding. */
        FLOOD_BLOCKED("pike_blocked_sources"),
        /** A request inside a dialog was refused relaying (not a dialog this server record-routed). */
        RELAY_REFUSED("relay_refused"),
        /** A host look-up was not started because the most allowed were in progress; what needed it was not sent. */
        LOOKUP_REFUSED("dns_lookups_refused"),
        /** A DNS query was sent by the RFC 3263 locator (NAPTR, SRV, A, AAAA or ENUM). */
        DNS_LOOKUP("dns_lookups"),
        /** A DNS question of the RFC 3263 locator was answered from its cache. */
        DNS_CACHE_HIT("dns_cache_hits"),
        /** A DNS query of the RFC 3263 locator failed: timeout, server failure, or no server answered. */
        DNS_FAILURE("dns_failures"),
        /** A request was sent again to the next RFC 3263 target after the one before failed. */
        DNS_FAILOVER("dns_failovers"),
        /** A double-CRLF keep-alive on a stream was answered with a CRLF (RFC 5626 §4.4.1). */
        CRLF_PING("keepalive_crlf_pings"),
        /** A STUN Binding Request on a datagram listening point was answered (RFC 5626 §4.4.2). */
        STUN_BINDING("keepalive_stun_requests");

        private final String counterName;

        Event(String counterName) {
            this.counterName = counterName;
        }

        /** The name in {@link #snapshot()}. */
        public String counterName() {
            return counterName;
        }
    }

    private final LongAdder[] receivedRequests = adders(SipMethod.values().length);
    private final LongAdder[] sentRequests = adders(SipMethod.values().length);
    private final LongAdder[] receivedReplies = adders(7);
    private final LongAdder[] sentReplies = adders(7);
    private final LongAdder rejected = new LongAdder();
    private final LongAdder parseErrors = new LongAdder();
    private final LongAdder[] dropped = adders(DropReason.values().length);
    private final LongAdder retransmissions = new LongAdder();
    private final LongAdder uasTransactions = new LongAdder();
    private final LongAdder uacTransactions = new LongAdder();
    private final LongAdder[] events = adders(Event.values().length);

    /**
     * Messages and bytes in and out per transport kind (UDP, TCP, TLS, WS...): four adders per kind.
     * The kinds are those of the listening points, a handful, never taken from a message.
     */
    private final java.util.concurrent.ConcurrentHashMap<String, LongAdder[]> byTransport =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static LongAdder[] adders(int n) {
        LongAdder[] a = new LongAdder[n];
        for (int i = 0; i < n; i++) {
            a[i] = new LongAdder();
        }
        return a;
    }

    private static int cls(int status) {
        int c = status / 100;
        return c < 1 || c > 6 ? 0 : c;
    }

    /** A request was received. */
    public void requestReceived(String method) {
        receivedRequests[SipMethod.of(method).ordinal()].increment();
    }

    /** A response was received. */
    public void responseReceived(int status) {
        receivedReplies[cls(status)].increment();
    }

    /** A request was sent (forwarded or originated). */
    public void requestSent(String method) {
        sentRequests[SipMethod.of(method).ordinal()].increment();
    }

    /** A response was sent (local or relayed). */
    public void responseSent(int status) {
        sentReplies[cls(status)].increment();
    }

    /** A malformed request was answered before any transaction existed. */
    public void rejected() {
        rejected.increment();
    }

    /** The parser refused a message: it was answered 400 (also {@link #rejected()}) or dropped. */
    public void parseError() {
        parseErrors.increment();
    }

    /** A message was dropped unanswered, for a reason that has no {@link Event} of its own. */
    public void dropped(DropReason reason) {
        dropped[reason.ordinal()].increment();
    }

    /** A message was retransmitted by a transaction timer. */
    public void retransmission() {
        retransmissions.increment();
    }

    /** A server transaction was created. */
    public void serverTransactionCreated() {
        uasTransactions.increment();
    }

    /** A client transaction was created. */
    public void clientTransactionCreated() {
        uacTransactions.increment();
    }

    /** One defensive event happened. */
    public void count(Event e) {
        events[e.ordinal()].increment();
    }

    /** A message of {@code bytes} bytes read by a listening point of the transport kind (e.g. {@code UDP}). */
    public void transportReceived(String kind, int bytes) {
        LongAdder[] a = transport(kind);
        a[0].increment();
        a[1].add(bytes);
    }

    /** A message of {@code bytes} bytes written by a listening point of the transport kind (retransmissions included). */
    public void transportSent(String kind, int bytes) {
        LongAdder[] a = transport(kind);
        a[2].increment();
        a[3].add(bytes);
    }

    private LongAdder[] transport(String kind) {
        LongAdder[] a = byTransport.get(kind);
        return a != null ? a : byTransport.computeIfAbsent(kind, k -> adders(4));
    }

    /**
     * @param kind     a transport kind as its listening points name it ({@code UDP}, {@code TLS}...)
     * @param received true for what was read, false for what was written
     * @return messages read or written over that kind since the start
     */
    public long transportMessages(String kind, boolean received) {
        LongAdder[] a = byTransport.get(kind);
        return a == null ? 0 : a[received ? 0 : 2].sum();
    }

    /** Bytes read or written over a transport kind since the start; see {@link #transportMessages}. */
    public long transportBytes(String kind, boolean received) {
        LongAdder[] a = byTransport.get(kind);
        return a == null ? 0 : a[received ? 1 : 3].sum();
    }

    /** Current value of an event counter. */
    public long get(Event e) {
        return events[e.ordinal()].sum();
    }

    /** Requests received with this method (retransmissions included). */
    public long requestsReceived(SipMethod m) {
        return receivedRequests[m.ordinal()].sum();
    }

    /** Requests sent with this method: through client transactions, statelessly, or an ACK to a 2xx. */
    public long requestsSent(SipMethod m) {
        return sentRequests[m.ordinal()].sum();
    }

    /** Responses received of a status class, 1 to 6 ({@code 1xx}...{@code 6xx}). */
    public long responsesReceived(int statusClass) {
        return receivedReplies[statusClass].sum();
    }

    /** Responses sent of a status class, 1 to 6. */
    public long responsesSent(int statusClass) {
        return sentReplies[statusClass].sum();
    }

    /** Requests answered with an error before any transaction existed (parse errors and core checks). */
    public long requestsRejected() {
        return rejected.sum();
    }

    /** Messages the parser refused. */
    public long parseErrors() {
        return parseErrors.sum();
    }

    /** Messages dropped for this reason. */
    public long drops(DropReason reason) {
        return dropped[reason.ordinal()].sum();
    }

    /** Messages re-sent by transaction timers. */
    public long retransmissions() {
        return retransmissions.sum();
    }

    /** Server transactions created. */
    public long serverTransactionsCreated() {
        return uasTransactions.sum();
    }

    /** Client transactions created. */
    public long clientTransactionsCreated() {
        return uacTransactions.sum();
    }

    /** Current value of a counter by its snapshot name, 0 when never bumped. */
    public long get(String name) {
        return snapshot().getOrDefault(name, 0L);
    }

    /** All counters by name, sorted. */
    public Map<String, Long> snapshot() {
        Map<String, Long> m = new TreeMap<>();
        for (SipMethod method : SipMethod.values()) {
            long in = receivedRequests[method.ordinal()].sum();
            long out = sentRequests[method.ordinal()].sum();
            if (in > 0) {
                m.put("rcv_requests_" + method.lowerName(), in);
            }
            if (out > 0) {
                m.put("fwd_requests_" + method.lowerName(), out);
            }
        }
        for (int c = 1; c <= 6; c++) {
            m.put("rcv_replies_" + c + "xx", receivedReplies[c].sum());
            m.put("sent_replies_" + c + "xx", sentReplies[c].sum());
        }
        m.put("err_requests_rejected", rejected.sum());
        long drops = 0;
        for (DropReason r : DropReason.values()) {
            drops += dropped[r.ordinal()].sum();
        }
        m.put("err_messages_dropped", drops);
        m.put("err_parse_errors", parseErrors.sum());
        m.put("tm_retransmissions", retransmissions.sum());
        m.put("tm_uas_transactions", uasTransactions.sum());
        m.put("tm_uac_transactions", uacTransactions.sum());
        for (Event e : Event.values()) {
            m.put(e.counterName(), events[e.ordinal()].sum());
        }
        byTransport.forEach((kind, a) -> {
            String k = kind.toLowerCase(java.util.Locale.ROOT);
            m.put("net_" + k + "_messages_received", a[0].sum());
            m.put("net_" + k + "_bytes_received", a[1].sum());
            m.put("net_" + k + "_messages_sent", a[2].sum());
            m.put("net_" + k + "_bytes_sent", a[3].sum());
        });
        return m;
    }
}
