package org.olelo.core.spi;

import java.util.Map;

/**
 * The core's counters, read-only, by name, in Kamailio's style: {@code rcv_requests_invite},
 * {@code sent_replies_2xx}, {@code tm_uas_transactions}, {@code tcp_connections_refused}...
 * Every counter only grows while the core runs.
 *
 * <p>Threads: safe from any thread at any time; a read walks the counters without a lock (each
 * value is exact, the set of them is not one instant), so read it at the pace of a scrape or a
 * timer, not per message.
 */
@FunctionalInterface
public interface CoreCounters {

    /** Every counter by name, sorted. */
    Map<String, Long> snapshot();

    /** One counter, 0 when it was never bumped. */
    default long get(String name) {
        return snapshot().getOrDefault(name, 0L);
    }
}
