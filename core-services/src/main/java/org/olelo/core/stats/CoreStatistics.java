package org.olelo.core.stats;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of the SIP core, cheap enough to bump on every message (striped {@link LongAdder}s, no
 * locks): requests received and sent per method, responses received and sent per status class,
 * transactions, retransmissions, rejected and dropped messages. Read by RPC and the management API.
 */
public final class CoreStatistics {

    private final ConcurrentHashMap<String, LongAdder> counters = new ConcurrentHashMap<>();

    private void add(String name) {
        LongAdder a = counters.get(name);
        if (a == null) {
            a = counters.computeIfAbsent(name, k -> new LongAdder());
        }
        a.increment();
    }

    /** A request was received. */
    public void requestReceived(String method) {
        add("rcv_requests_" + method.toLowerCase());
    }

    /** A response was received. */
    public void responseReceived(int status) {
        add("rcv_replies_" + status / 100 + "xx");
    }

    /** A request was sent (forwarded or originated). */
    public void requestSent(String method) {
        add("fwd_requests_" + method.toLowerCase());
    }

    /** A response was sent (local or relayed). */
    public void responseSent(int status) {
        add("sent_replies_" + status / 100 + "xx");
    }

    /** A malformed request was answered before any transaction existed. */
    public void rejected() {
        add("err_requests_rejected");
    }

    /** A message was dropped unanswered. */
    public void dropped() {
        add("err_messages_dropped");
    }

    /** A message was retransmitted by a transaction timer. */
    public void retransmission() {
        add("tm_retransmissions");
    }

    /** A server transaction was created. */
    public void serverTransactionCreated() {
        add("tm_uas_transactions");
    }

    /** A client transaction was created. */
    public void clientTransactionCreated() {
        add("tm_uac_transactions");
    }

    /** Current value of a counter, 0 when never bumped. */
    public long get(String name) {
        LongAdder a = counters.get(name);
        return a == null ? 0 : a.sum();
    }

    /** All counters, sorted by name. */
    public Map<String, Long> snapshot() {
        Map<String, Long> m = new TreeMap<>();
        counters.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }
}
