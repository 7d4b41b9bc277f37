package org.olelo.core.internal.resolve;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import org.olelo.core.internal.log.LogThrottle;
import org.olelo.core.spi.Resolver;
import org.olelo.core.stats.CoreStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Host names to addresses through the {@link Resolver}, so that no transport reader thread ever
 * waits for one: a look-up runs on a virtual thread of its own; at most {@value #MAX_CONCURRENT}
 * run at once (a name asked for while its look-up runs waits for that one instead of starting
 * another); an answer is kept {@value #TTL_SECONDS} s, a failure {@value #NEGATIVE_TTL_SECONDS} s
 * ({@link HostCache}). A name longer than {@value #MAX_NAME_LENGTH} characters is no DNS name and
 * is refused without a look-up.
 *
 * <p>Threads: {@link #lookup(String, BiConsumer)} never blocks, from any thread (reader threads
 * included); its callback runs at once on the calling thread when the answer is in the cache, else
 * on the look-up's virtual thread. {@link #lookup(String)} blocks the calling thread for the
 * look-up: for threads that may block (an application's), never a reader thread.
 *
 * <p>When {@value #MAX_CONCURRENT} look-ups are in progress (a resolver that hangs, a flood of
 * names), a new name fails at once; each such refusal is counted
 * ({@link CoreStatistics.Event#LOOKUP_REFUSED}) and logged at most once every 10 s.
 */
public final class HostLookups {

    /** Look-ups in progress at most. */
    public static final int MAX_CONCURRENT = 32;
    /** How long an answer is kept, in seconds. */
    public static final int TTL_SECONDS = 30;
    /** How long a failed look-up is kept, in seconds. */
    public static final int NEGATIVE_TTL_SECONDS = 5;
    /** The longest DNS name (RFC 1035: 253 characters written out). */
    public static final int MAX_NAME_LENGTH = 253;
    /** How long {@link #lookup(String)} waits for a look-up slot or a look-up of the same name, in seconds. */
    static final int WAIT_SECONDS = 10;

    private static final Logger LOG = LoggerFactory.getLogger(HostLookups.class);

    private final Resolver resolver;
    private final CoreStatistics statistics;
    private final LongSupplier clock;
    private final HostCache cache = new HostCache();
    private final Semaphore slots = new Semaphore(MAX_CONCURRENT);
    private final ConcurrentHashMap<String, CompletableFuture<InetAddress[]>> running = new ConcurrentHashMap<>();
    private final LogThrottle refusedLog = new LogThrottle(10, TimeUnit.SECONDS);

    /**
     * @param resolver   the resolver that may block
     * @param statistics where refused look-ups are counted
     */
    public HostLookups(Resolver resolver, CoreStatistics statistics) {
        this(resolver, statistics, System::nanoTime);
    }

    HostLookups(Resolver resolver, CoreStatistics statistics, LongSupplier clock) {
        this.resolver = resolver;
        this.statistics = statistics;
        this.clock = clock;
    }

    /**
     * Looks {@code host} up without blocking; {@code then} gets the addresses (best first) or,
     * when there are none, the reason. See the class comment for the thread it runs on.
     */
    public void lookup(String host, BiConsumer<InetAddress[], UnknownHostException> then) {
        String key = host.toLowerCase(Locale.ROOT);
        if (key.length() > MAX_NAME_LENGTH) {
            then.accept(null, new UnknownHostException("a host name longer than " + MAX_NAME_LENGTH + " characters"));
            return;
        }
        HostCache.Entry e = cache.get(key, clock.getAsLong());
        if (e != null) {
            deliver(e, then);
            return;
        }
        CompletableFuture<InetAddress[]> f = running.get(key);
        if (f == null) {
            if (!slots.tryAcquire()) {
                then.accept(null, refused(host));
                return;
            }
            f = begin(key, host);
        }
        f.whenComplete((a, t) -> then.accept(a, a == null ? failure(host, t) : null));
    }

    /**
     * Looks {@code host} up on the calling thread, which may block for the look-up (never a
     * transport reader thread).
     *
     * @throws UnknownHostException when the name has no address, the look-up fails or too many
     *                              are in progress for {@value #WAIT_SECONDS} s
     */
    public InetAddress[] lookup(String host) throws UnknownHostException {
        String key = host.toLowerCase(Locale.ROOT);
        if (key.length() > MAX_NAME_LENGTH) {
            throw new UnknownHostException("a host name longer than " + MAX_NAME_LENGTH + " characters");
        }
        HostCache.Entry e = cache.get(key, clock.getAsLong());
        if (e != null) {
            if (e.addresses() == null) {
                throw new UnknownHostException(e.failure());
            }
            return e.addresses();
        }
        CompletableFuture<InetAddress[]> f = running.get(key);
        try {
            if (f == null) {
                if (!slots.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                    throw refused(host);
                }
                f = begin(key, host);
            }
            return f.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new UnknownHostException(host + ": look-up interrupted");
        } catch (ExecutionException | TimeoutException ex) {
            throw failure(host, ex);
        }
    }

    /**
     * Starts the look-up of a name on a virtual thread, holding a slot already taken; or joins the
     * look-up of that name another thread started meanwhile, giving the slot back.
     */
    private CompletableFuture<InetAddress[]> begin(String key, String host) {
        CompletableFuture<InetAddress[]> mine = new CompletableFuture<>();
        CompletableFuture<InetAddress[]> other = running.putIfAbsent(key, mine);
        if (other != null) {
            slots.release();
            return other;
        }
        Thread.ofVirtual().name("sip-lookup").start(() -> run(key, host, mine));
        return mine;
    }

    private void run(String key, String host, CompletableFuture<InetAddress[]> mine) {
        InetAddress[] found = null;
        String why;
        try {
            found = resolver.resolve(host);
            why = found == null || found.length == 0 ? host + ": no address" : null;
        } catch (UnknownHostException e) {
            why = e.getMessage() == null ? host + ": unknown host" : e.getMessage();
        } catch (RuntimeException e) {
            why = host + ": look-up failed (" + e.getClass().getSimpleName() + ")";
            LOG.debug("look-up of {} failed", host, e);
        }
        long now = clock.getAsLong();
        if (why == null) {
            cache.put(new HostCache.Entry(key, found.clone(), null, now + TimeUnit.SECONDS.toNanos(TTL_SECONDS)));
        } else {
            cache.put(new HostCache.Entry(key, null, why, now + TimeUnit.SECONDS.toNanos(NEGATIVE_TTL_SECONDS)));
        }
        // the answer is in the cache before the look-up stops counting as running, so a caller
        // in between finds one or the other; the slot is free before the callbacks (which send) run
        running.remove(key, mine);
        slots.release();
        if (why == null) {
            mine.complete(found);
        } else {
            mine.completeExceptionally(new UnknownHostException(why));
        }
    }

    private static void deliver(HostCache.Entry e, BiConsumer<InetAddress[], UnknownHostException> then) {
        if (e.addresses() != null) {
            then.accept(e.addresses(), null);
        } else {
            then.accept(null, new UnknownHostException(e.failure()));
        }
    }

    private UnknownHostException refused(String host) {
        statistics.count(CoreStatistics.Event.LOOKUP_REFUSED);
        long held = refusedLog.tryLog();
        if (held >= 0) {
            LOG.warn("{} host look-ups are in progress (the resolver is slow or many names are asked for); the look-up of"
                    + " {} was not started and what needed it was not sent ({} more since the last report)",
                    MAX_CONCURRENT, host, held);
        }
        return new UnknownHostException(host + ": too many look-ups in progress");
    }

    private static UnknownHostException failure(String host, Throwable t) {
        Throwable c = t instanceof CompletionException || t instanceof ExecutionException ? t.getCause() : t;
        if (c instanceof UnknownHostException u) {
            return u;
        }
        return new UnknownHostException(host + (c instanceof TimeoutException ? ": look-up timed out" : ": look-up failed"));
    }
}
