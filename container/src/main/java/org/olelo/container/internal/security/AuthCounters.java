package org.olelo.container.internal.security;

import org.olelo.api.stats.Counter;
import org.olelo.api.stats.Statistics;

/**
 * What authentication counts, in the {@code auth} group of the server's statistics. Thread-safe;
 * each event is one atomic add.
 *
 * @param failures        failed authentications: a wrong password or an unknown user
 * @param userBlocks      blocks of a user at one address that started
 * @param addressBlocks   blocks of an address, across users, that started
 * @param blockedRequests requests refused with 403 because their address, or their user there, is blocked
 */
record AuthCounters(Counter failures, Counter userBlocks, Counter addressBlocks, Counter blockedRequests) {

    /** Counters that count nothing, for a guard built without statistics. */
    static final AuthCounters NONE = new AuthCounters(Uncounted.INSTANCE, Uncounted.INSTANCE, Uncounted.INSTANCE,
            Uncounted.INSTANCE);

    /** The counters registered in {@code stats}; {@link #NONE} when it is null. */
    static AuthCounters in(Statistics stats) {
        if (stats == null) {
            return NONE;
        }
        String blocks = "blocks started after too many failed authentications, by scope";
        return new AuthCounters(
                stats.counter("auth", "failures", "failed authentications: a wrong password or an unknown user"),
                stats.counter("auth", "blocks", blocks, "scope", "user_at_address"),
                stats.counter("auth", "blocks", blocks, "scope", "address"),
                stats.counter("auth", "blocked_requests",
                        "requests refused with 403 because their address, or their user at that address, is blocked"));
    }

    private enum Uncounted implements Counter {
        INSTANCE;

        @Override
        public void increment() {
        }

        @Override
        public void add(long amount) {
        }

        @Override
        public long count() {
            return 0;
        }
    }
}
