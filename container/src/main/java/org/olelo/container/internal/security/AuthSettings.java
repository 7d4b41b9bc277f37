package org.olelo.container.internal.security;

import java.util.List;

/**
 * How the container authenticates requests to constrained servlets; the {@code auth.*}
 * configuration keys.
 *
 * <p>Immutable value; any thread.
 *
 * @param enabled      false turns container authentication off: security constraints of
 *                     applications are then not enforced at all
 * @param nonceSeconds how long a nonce stays valid; an older one with the right
 *                     password is answered with {@code stale=true}
 * @param maxFailures  failed attempts of one user from one source address that block that user
 *                     there; also the failed attempts of one user from anywhere after which the
 *                     answers to its failing attempts slow down (a user is never blocked)
 * @param maxFailuresSource failed attempts from one source address, across users, that block the
 *                     address
 * @param blockSeconds how long a block lasts, and the window in which failures are counted
 * @param algorithms   the algorithms offered, one challenge each, in order of preference; only
 *                     these are accepted. RFC 8760 has clients take the first one they support,
 *                     but some (SIPp 3.6, older phones) take the first one, period: they need MD5
 *                     first
 */
public record AuthSettings(boolean enabled, int nonceSeconds, int maxFailures, int maxFailuresSource,
                           int blockSeconds, List<DigestAlgorithm> algorithms) {

    /**
     * Failed attempts from one address, across users, that block it unless configured otherwise:
     * ten times the default per user, so that up to nine users behind one NAT address can each fail
     * as often as their own allowance within a window without shutting out the others (a phone
     * with a stale password is blocked by its own allowance first), while an address that tries
     * many user names is stopped after a hundred guesses.
     */
    public static final int DEFAULT_MAX_FAILURES_SOURCE = 100;

    /**
     * The algorithms offered unless configured otherwise: MD5 alone. SHA-256 (RFC 8760) is supported
     * and offered when configured ({@code auth.algorithms=SHA-256,MD5}), but the clients shipped with
     * Debian 12 break on it: SIPp 3.6 answers only the first challenge and knows only MD5, and
     * baresip 1.0 fails the whole registration ("Function not implemented") as soon as one challenge
     * names an algorithm it lacks.
     */
    public static final List<DigestAlgorithm> DEFAULT_ALGORITHMS = List.of(DigestAlgorithm.MD5);

    /** Checks the ranges and freezes the algorithms. */
    public AuthSettings {
        if (nonceSeconds < 1 || maxFailures < 1 || maxFailuresSource < 1 || blockSeconds < 1) {
            throw new IllegalArgumentException("auth.nonce.seconds, auth.max.failures, auth.max.failures.source and"
                    + " auth.block.seconds must be at least 1");
        }
        algorithms = List.copyOf(algorithms);
        if (algorithms.isEmpty() || algorithms.stream().distinct().count() != algorithms.size()) {
            throw new IllegalArgumentException("auth.algorithms must name each algorithm at most once, and one at least");
        }
    }

    /** Settings with {@link #DEFAULT_MAX_FAILURES_SOURCE}. */
    public AuthSettings(boolean enabled, int nonceSeconds, int maxFailures, int blockSeconds,
                        List<DigestAlgorithm> algorithms) {
        this(enabled, nonceSeconds, maxFailures, DEFAULT_MAX_FAILURES_SOURCE, blockSeconds, algorithms);
    }

    /** Settings with {@link #DEFAULT_MAX_FAILURES_SOURCE} that offer {@link #DEFAULT_ALGORITHMS}. */
    public AuthSettings(boolean enabled, int nonceSeconds, int maxFailures, int blockSeconds) {
        this(enabled, nonceSeconds, maxFailures, blockSeconds, DEFAULT_ALGORITHMS);
    }

    /**
     * @return enabled, nonces valid for 300 s, 10 failures of a user at an address or 100 at an
     *         address block for 60 s, MD5 offered
     */
    public static AuthSettings defaults() {
        return new AuthSettings(true, 300, 10, 60);
    }
}
