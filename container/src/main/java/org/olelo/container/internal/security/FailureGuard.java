package org.olelo.container.internal.security;

import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lockout without lock-out: what failed authentications lead to, chosen so that nobody can lock a
 * user out and one user's guessing does not shut out everybody behind the same address.
 *
 * <ul>
 * <li><b>a user at an address</b> ({@code auth.max.failures} failures within
 *     {@code auth.block.seconds}): that user is refused from that address for
 *     {@code auth.block.seconds}; the same user elsewhere and other users of the address go on;</li>
 * <li><b>an address</b> ({@code auth.max.failures.source} failures across all users within the
 *     window): everything from it is refused for {@code auth.block.seconds}. The threshold is
 *     higher, so that several users behind one NAT address can each use up their own allowance
 *     without blocking the others, while an address that tries many user names is stopped;</li>
 * <li><b>a user across addresses</b>: never blocked, since anyone could then lock the user out.
 *     Past {@code auth.max.failures} failures within the window the answers to that user's
 *     <em>failing</em> attempts come later: {@value #FIRST_DELAY_MILLIS} ms, doubling with each
 *     further failure, at most {@value #MAX_DELAY_MILLIS} ms ({@link #failed} returns the delay,
 *     {@link Throttle} applies it). A right password is never delayed.</li>
 * </ul>
 * A success forgets the failures of that user at that address (not those of the address, nor
 * those of the user elsewhere: a guesser must not be able to reset them by logging in).
 *
 * <p>Each kind of key lives in its own {@link FailureTable} of {@value #CAPACITY} entries at most.
 * Keys are built so that no user name can be mistaken for another key: the realm goes with its
 * length, and user names are cut after {@value #MAX_USER} characters (longer ones cannot be
 * subscribers: the table holds 128).
 *
 * <p>Logging: each failure at INFO (user, realm, address; never a password, digest response or
 * HA1), the start of each block at WARN once, with what is blocked and for how long, and the start
 * of the slowdown of a user at INFO once per window. User names are logged printable and short.
 *
 * <p>Thread-safe; runs on the application session's virtual thread and never blocks.
 */
final class FailureGuard {

    /** Most entries per table (users at addresses, addresses, users). */
    static final int CAPACITY = 65_536;
    /** Delay of the first failing attempt of a user beyond the free ones. */
    static final long FIRST_DELAY_MILLIS = 250;
    /** Longest delay of a failing attempt. */
    static final long MAX_DELAY_MILLIS = 2_000;
    /** User names are cut after this many characters in keys and after 64 in the log. */
    static final int MAX_USER = 129;
    private static final int MAX_REALM = 256;
    private static final Logger LOG = LoggerFactory.getLogger(FailureGuard.class);

    private final FailureTable pairs;
    private final FailureTable sources;
    private final FailureTable users;
    private final int maxFailures;
    private final int maxFailuresSource;
    private final long windowMillis;
    private final LongSupplier clock;
    private final AuthCounters counters;

    /** A guard that counts nothing in the statistics. */
    FailureGuard(int maxFailures, int maxFailuresSource, long windowMillis, LongSupplier clock) {
        this(maxFailures, maxFailuresSource, windowMillis, clock, AuthCounters.NONE);
    }

    /**
     * @param maxFailures       failures of a user at an address that block that pair; also the
     *                          failures of a user across addresses before its answers slow down
     * @param maxFailuresSource failures at an address, across users, that block the address
     * @param windowMillis      the window in which failures add up, and the length of a block
     * @param clock             milliseconds
     * @param counters          where failures, blocks and blocked requests are counted
     */
    FailureGuard(int maxFailures, int maxFailuresSource, long windowMillis, LongSupplier clock, AuthCounters counters) {
        this.counters = counters;
        this.maxFailures = maxFailures;
        this.maxFailuresSource = maxFailuresSource;
        this.windowMillis = windowMillis;
        this.clock = clock;
        this.pairs = new FailureTable(CAPACITY, windowMillis, maxFailures);
        this.sources = new FailureTable(CAPACITY, windowMillis, maxFailuresSource);
        this.users = new FailureTable(CAPACITY, windowMillis, 0);
    }

    /**
     * @param source a source address
     * @return true while the address is blocked
     */
    boolean sourceBlocked(String source) {
        return counted(sources.blocked(source, clock.getAsLong()));
    }

    /**
     * @param user   the user name of the credentials
     * @param realm  the realm
     * @param source the source address
     * @return true while that user is blocked at that address
     */
    boolean pairBlocked(String user, String realm, String source) {
        return counted(pairs.blocked(pairKey(user, realm, source), clock.getAsLong()));
    }

    /** Counts a request refused for a block (each request is asked once about a block that holds). */
    private boolean counted(boolean blocked) {
        if (blocked) {
            counters.blockedRequests().increment();
        }
        return blocked;
    }

    /**
     * Records a failed authentication (a wrong password, or an unknown user) and logs it.
     *
     * @param user   the user name of the credentials
     * @param realm  the realm
     * @param source the source address
     * @return how long to hold back the answer to this attempt, milliseconds (0: none)
     */
    long failed(String user, String realm, String source) {
        long now = clock.getAsLong();
        String userKey = userKey(user, realm);
        int atPair = pairs.failed(source + ' ' + userKey, now);
        int atSource = sources.failed(source, now);
        int ofUser = users.failed(userKey, now);
        counters.failures().increment();
        String who = printable(user);
        realm = printable(realm);
        LOG.info("authentication failed: user {} realm {} from {} (failure {} of this user there, {} there across"
                + " users, within {} s)", who, realm, source, atPair, atSource, windowMillis / 1000);
        if (atPair == maxFailures) {
            counters.userBlocks().increment();
            LOG.warn("authentication: user {} realm {} blocked from {} for {} s after {} failed attempts from there;"
                    + " the user elsewhere and other users there are not affected", who, realm, source,
                    windowMillis / 1000, maxFailures);
        }
        if (atSource == maxFailuresSource) {
            counters.addressBlocks().increment();
            LOG.warn("authentication: address {} blocked for {} s after {} failed attempts there, across users",
                    source, windowMillis / 1000, maxFailuresSource);
        }
        long delay = delayAfter(ofUser, maxFailures);
        if (ofUser == maxFailures + 1) {
            LOG.info("authentication: user {} realm {} failed {} times within {} s, from one address or several;"
                    + " answers to its failing attempts now come {} ms later, doubling up to {} ms; right passwords"
                    + " are not delayed", who, realm, ofUser, windowMillis / 1000, delay, MAX_DELAY_MILLIS);
        }
        return delay;
    }

    /**
     * Forgets the failures of that user at that address.
     *
     * @param user   the authenticated user name
     * @param realm  the realm
     * @param source the source address
     */
    void succeeded(String user, String realm, String source) {
        pairs.forget(pairKey(user, realm, source), clock.getAsLong());
    }

    /**
     * @param failures the failures of a user within the window, this one included
     * @param free     how many of them are answered without delay
     * @return the delay of the answer: 0, then {@value #FIRST_DELAY_MILLIS} ms doubling, at most
     *         {@value #MAX_DELAY_MILLIS} ms
     */
    static long delayAfter(int failures, int free) {
        if (failures <= free) {
            return 0;
        }
        int doublings = Math.min(failures - free - 1, 20);
        return Math.min(MAX_DELAY_MILLIS, FIRST_DELAY_MILLIS << doublings);
    }

    private static String pairKey(String user, String realm, String source) {
        return source + ' ' + userKey(user, realm);
    }

    /** {@code <realm length>:<realm><user>}: unambiguous whatever characters the user name holds. */
    private static String userKey(String user, String realm) {
        String r = realm.length() > MAX_REALM ? realm.substring(0, MAX_REALM) : realm;
        String u = user.length() > MAX_USER ? user.substring(0, MAX_USER) : user;
        return r.length() + ":" + r + u;
    }

    /** A user name or realm for the log, quoted: control characters replaced, at most 64 characters. */
    static String printable(String user) {
        StringBuilder b = new StringBuilder(Math.min(user.length(), 67) + 2).append('"');
        for (int i = 0; i < user.length() && i < 64; i++) {
            char c = user.charAt(i);
            b.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return b.append(user.length() > 64 ? "...\"" : "\"").toString();
    }
}
