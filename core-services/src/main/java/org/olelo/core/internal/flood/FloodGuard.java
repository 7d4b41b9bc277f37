package org.olelo.core.internal.flood;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.olelo.core.flood.Cidr;
import org.olelo.core.flood.FloodSettings;
import org.olelo.core.internal.net.AddressText;
import org.olelo.core.stats.CoreStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the requests of each source address per second, before they are parsed, and drops those
 * of a source that sent more than {@link FloodSettings#requestsPerSecond()} in one second, for
 * {@link FloodSettings#blockSeconds()}. Each block is logged once at WARN (address, rate, duration)
 * and counted ({@link CoreStatistics.Event#FLOOD_BLOCKED}); each dropped request is counted
 * ({@link CoreStatistics.Event#FLOOD_DROPPED}).
 *
 * <p>Bounded whatever the sources: a fixed table of {@value #BUCKETS} buckets of {@value #WAYS}
 * entries (about 600 KB), the bucket chosen by a hash of the address with a secret random seed (a
 * sender cannot aim at a bucket). A new address takes the entry of its bucket seen longest ago,
 * never a blocked one while another is free, so an attacker cycling through 60,000 spoofed
 * addresses only evicts addresses that are quiet, while one that floods keeps its entry (it is seen
 * all the time) and stays blocked. Constant cost per request: one hash, at most four comparisons,
 * one short lock among 64.
 *
 * <p>Threads: called on transport reader threads, concurrently; each bucket is guarded by its lock
 * stripe, held for a few comparisons only (the log line is written after it is released).
 */
public final class FloodGuard {

    static final int BUCKETS = 4096;
    static final int WAYS = 4;
    private static final int STRIPES = 64;
    private static final Logger LOG = LoggerFactory.getLogger(FloodGuard.class);

    private final int limit;
    private final long blockNanos;
    private final int blockSeconds;
    private final List<Cidr> exempt;
    private final int[] exemptV4Net;
    private final int[] exemptV4Mask;
    private final Cidr[] exemptV6;
    private final CoreStatistics statistics;
    private final LongSupplier clock;
    private final long seed = new SecureRandom().nextLong() | 1;
    private final long[] keyHi = new long[BUCKETS * WAYS];
    private final long[] keyLo = new long[BUCKETS * WAYS];
    private final long[] window = new long[BUCKETS * WAYS];
    private final int[] count = new int[BUCKETS * WAYS];
    private final long[] blockedUntil = new long[BUCKETS * WAYS];
    private final long[] lastSeen = new long[BUCKETS * WAYS];
    private final Object[] locks = new Object[STRIPES];

    /**
     * @param settings   threshold, block time and exempt blocks (must be enabled)
     * @param statistics where blocks and dropped requests are counted
     */
    public FloodGuard(FloodSettings settings, CoreStatistics statistics) {
        this(settings, statistics, System::nanoTime);
    }

    /** As above, with the clock given (System.nanoTime() in production). */
    FloodGuard(FloodSettings settings, CoreStatistics statistics, LongSupplier clock) {
        this.limit = settings.requestsPerSecond();
        this.blockSeconds = settings.blockSeconds();
        this.blockNanos = TimeUnit.SECONDS.toNanos(settings.blockSeconds());
        this.exempt = settings.exempt();
        List<Cidr> v4 = exempt.stream().filter(c -> c.network() instanceof Inet4Address).toList();
        exemptV4Net = new int[v4.size()];
        exemptV4Mask = new int[v4.size()];
        for (int i = 0; i < v4.size(); i++) {
            exemptV4Net[i] = v4.get(i).network().hashCode();
            exemptV4Mask[i] = v4.get(i).bits() == 0 ? 0 : -1 << (32 - v4.get(i).bits());
        }
        exemptV6 = exempt.stream().filter(c -> !(c.network() instanceof Inet4Address)).toArray(Cidr[]::new);
        this.statistics = statistics;
        this.clock = clock;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    /**
     * Counts one request from {@code source}.
     *
     * @return false when it must be dropped: the source is blocked, or has just exceeded the rate
     */
    public boolean admit(InetAddress source) {
        if (exempt(source)) {
            return true;
        }
        long hi;
        long lo;
        if (source instanceof Inet4Address) {
            hi = 0;
            lo = (1L << 32) | (source.hashCode() & 0xffffffffL); // hashCode() is the IPv4 address
        } else {
            byte[] b = source.getAddress();
            hi = bytes(b, 0);
            lo = bytes(b, 8);
            if (hi == 0 && lo == 0) {
                lo = 1L << 40; // "::" cannot send; keep 0/0 for empty entries
            }
        }
        long now = clock.getAsLong();
        long second = Math.floorDiv(now, 1_000_000_000L);
        int bucket = bucket(hi, lo);
        int rate;
        synchronized (locks[bucket & (STRIPES - 1)]) {
            int e = find(bucket, hi, lo, now);
            if (blockedUntil[e] - now > 0) {
                statistics.count(CoreStatistics.Event.FLOOD_DROPPED);
                return false;
            }
            lastSeen[e] = now;
            if (window[e] != second) {
                window[e] = second;
                count[e] = 0;
            }
            if (++count[e] <= limit) {
                return true;
            }
            blockedUntil[e] = now + blockNanos;
            rate = count[e];
        }
        statistics.count(CoreStatistics.Event.FLOOD_BLOCKED);
        statistics.count(CoreStatistics.Event.FLOOD_DROPPED);
        LOG.warn("flood from {}: more than {} requests in one second ({} so far); its requests are dropped for {} s",
                AddressText.plain(source), limit, rate, blockSeconds);
        return false;
    }

    private boolean exempt(InetAddress a) {
        if (a instanceof Inet4Address) {
            int x = a.hashCode(); // the IPv4 address
            for (int i = 0; i < exemptV4Net.length; i++) {
                if ((x & exemptV4Mask[i]) == exemptV4Net[i]) {
                    return true;
                }
            }
            return false;
        }
        for (Cidr c : exemptV6) {
            if (c.contains(a)) {
                return true;
            }
        }
        return false;
    }

    /** The entry of the address in its bucket, made when missing; the lock is held. */
    private int find(int bucket, long hi, long lo, long now) {
        int base = bucket * WAYS;
        int victim = -1;
        for (int i = base; i < base + WAYS; i++) {
            if (keyHi[i] == hi && keyLo[i] == lo) {
                return i;
            }
            if (victim < 0 || better(i, victim, now)) {
                victim = i;
            }
        }
        keyHi[victim] = hi;
        keyLo[victim] = lo;
        window[victim] = Long.MIN_VALUE;
        count[victim] = 0;
        blockedUntil[victim] = now;
        lastSeen[victim] = now;
        return victim;
    }

    /** Whether entry {@code a} makes room more readily than {@code b}: empty, then not blocked, then seen longer ago. */
    private boolean better(int a, int b, long now) {
        boolean emptyA = keyHi[a] == 0 && keyLo[a] == 0;
        boolean emptyB = keyHi[b] == 0 && keyLo[b] == 0;
        if (emptyA != emptyB) {
            return emptyA;
        }
        boolean blockedA = blockedUntil[a] - now > 0;
        boolean blockedB = blockedUntil[b] - now > 0;
        if (blockedA != blockedB) {
            return !blockedA;
        }
        return blockedA ? blockedUntil[a] - blockedUntil[b] < 0 : lastSeen[a] - lastSeen[b] < 0;
    }

    private int bucket(long hi, long lo) {
        long h = mix(hi ^ seed) * 31 + mix(lo + seed);
        return (int) (mix(h) & (BUCKETS - 1));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    private static long bytes(byte[] b, int off) {
        long v = 0;
        for (int i = off; i < off + 8; i++) {
            v = (v << 8) | (b[i] & 0xff);
        }
        return v;
    }

    /** Addresses held in the table now (tests): never more than its fixed size. */
    int size() {
        int n = 0;
        for (int i = 0; i < keyHi.length; i++) {
            if (keyHi[i] != 0 || keyLo[i] != 0) {
                n++;
            }
        }
        return n;
    }

    /** The exempt blocks. */
    public List<Cidr> exempt() {
        return exempt;
    }
}
