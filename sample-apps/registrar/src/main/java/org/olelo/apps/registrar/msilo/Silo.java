package org.olelo.apps.registrar.msilo;

import org.olelo.api.stats.Statistics;
import org.olelo.apps.registrar.spi.StoreException;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * The offline message store (Kamailio's {@code msilo}): keeps MESSAGEs for users who are offline
 * and delivers them when the users register again.
 *
 * <ul>
 *   <li>{@link #store}: checks the body size, then hands the message to the {@link SiloWriter},
 *       which checks the user's count and commits the row (several messages per commit under
 *       load); only then may the caller answer 202, so an acknowledged message survives a crash;</li>
 *   <li>{@link #registered}: after a successful REGISTER with at least one binding; when the user
 *       has messages, one of {@value #DELIVERY_THREADS} delivery threads sends them one at a time,
 *       oldest first, each after the previous one was answered. A 2xx removes the message; any
 *       other answer, or none within {@value #ANSWER_WAIT_SECONDS} s, keeps it and stops this
 *       user's delivery (so the order is kept): it is tried again at the user's next registration,
 *       or by the sweep once its backoff (30 s doubling at each failure, at most one hour) is over
 *       and the user is registered;</li>
 *   <li>{@link #sweep}, every {@code msilo.sweep.interval} seconds on a thread of its own: removes
 *       expired messages and starts the deliveries that are due.</li>
 * </ul>
 *
 * <p>{@link #store} runs on the servlet's thread and blocks on the database; {@link #registered}
 * never blocks (a hash look-up, and a task handed to the delivery threads). The tables in memory
 * are bounded: the users with messages (at most {@value #MAX_INDEXED}; beyond, the sweep finds
 * them) and the deliveries in progress (at most {@value #MAX_DRAINING}).
 */
public final class Silo implements AutoCloseable {

    /** The ServletContext attribute under which the registrar publishes its silo (absent when off). */
    public static final String ATTRIBUTE = "org.olelo.apps.registrar.msilo";

    /** Threads delivering at once (each to another user). */
    public static final int DELIVERY_THREADS = 4;
    /** How long a delivery waits for its final answer, seconds (above the 32 s of a SIP transaction). */
    public static final int ANSWER_WAIT_SECONDS = 40;
    static final int MAX_INDEXED = 100_000;
    static final int MAX_DRAINING = 10_000;
    private static final int BATCH = 20;
    private static final int SWEEP_BATCH = 1_000;
    private static final int FROM_MAX = 512;
    private static final int CTYPE_MAX = 255;
    private static final int CALL_ID_MAX = 255;

    private final SiloConfig config;
    private final SiloStore store;
    private final SiloSender sender;
    private final Predicate<String> isRegistered;
    private final BiConsumer<String, Throwable> log;
    private final LongSupplier clock;
    private final SiloStatistics stats;
    private final AtomicLong pending = new AtomicLong();
    private final Set<String> withMessages = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, Boolean> draining = new ConcurrentHashMap<>();
    private final SiloWriter writer;
    private volatile boolean closed;
    private final ExecutorService delivery = Executors.newFixedThreadPool(DELIVERY_THREADS,
            Thread.ofVirtual().name("registrar-msilo-delivery-", 0).factory());
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("registrar-msilo-sweep").factory());

    /**
     * @param config       the settings
     * @param store        the table, migrated
     * @param sender       sends a stored message
     * @param isRegistered whether an AOR has a current binding now
     * @param statsFactory makes the counters, given the gauge of stored messages
     * @param log          receives what an operator should know (message, cause or null)
     * @param clock        the time, epoch milliseconds
     */
    Silo(SiloConfig config, SiloStore store, SiloSender sender, Predicate<String> isRegistered,
         Function<LongSupplier, SiloStatistics> statsFactory, BiConsumer<String, Throwable> log,
         LongSupplier clock) throws StoreException {
        this.config = config;
        this.store = store;
        this.sender = sender;
        this.isRegistered = isRegistered;
        this.log = log;
        this.clock = clock;
        pending.set(store.countAll());
        withMessages.addAll(store.recipients(now(), MAX_INDEXED));
        this.stats = statsFactory.apply(pending::get);
        this.writer = new SiloWriter(store, config.maxMessages(), log);
    }

    /**
     * Opens the store and starts the sweep.
     *
     * @param config       the settings
     * @param store        the table, migrated
     * @param sender       sends a stored message
     * @param isRegistered whether an AOR has a current binding now
     * @param stats        the container's statistics, or null
     * @param log          receives what an operator should know (message, cause or null)
     * @return the running silo
     * @throws StoreException when the table cannot be read
     */
    public static Silo start(SiloConfig config, SiloStore store, SiloSender sender, Predicate<String> isRegistered,
                             Statistics stats, BiConsumer<String, Throwable> log) throws StoreException {
        Silo silo = new Silo(config, store, sender, isRegistered, g -> SiloStatistics.create(stats, g), log,
                System::currentTimeMillis);
        silo.sweeper.scheduleWithFixedDelay(silo::sweep, config.sweepInterval(), config.sweepInterval(), TimeUnit.SECONDS);
        return silo;
    }

    /**
     * Stores a MESSAGE for an offline user; see the class description.
     *
     * @param from        the From header value without tag
     * @param aor         the recipient's canonical AOR
     * @param user        its user part
     * @param host        its domain
     * @param contentType the Content-Type, or null
     * @param body        the body, possibly empty
     * @param callId      the Call-ID, for the log
     * @return what was done, and so the answer
     */
    public StoreOutcome store(String from, String aor, String user, String host, String contentType, byte[] body,
                              String callId) {
        if (body != null && body.length > config.maxBodyBytes()) {
            stats.refused();
            return StoreOutcome.TOO_LARGE;
        }
        if (from.length() > FROM_MAX || (contentType != null && contentType.length() > CTYPE_MAX)) {
            stats.refused();
            return StoreOutcome.BAD_HEADER;
        }
        long now = now();
        String id = callId == null || callId.length() <= CALL_ID_MAX ? callId : callId.substring(0, CALL_ID_MAX);
        StoreOutcome outcome = writer.write(new SiloStore.Insert(
                new StoredMessage(0, from, aor, now, now + config.expiresSeconds(), 0, contentType, body, id, 0), user, host));
        if (outcome != StoreOutcome.STORED) {
            stats.refused();
            return outcome;
        }
        pending.incrementAndGet();
        stats.stored();
        if (withMessages.size() < MAX_INDEXED) {
            withMessages.add(aor);
        }
        return StoreOutcome.STORED;
    }

    /**
     * The user has registered (a 200 with at least one binding): starts delivering their messages,
     * if they have any. Never blocks.
     *
     * @param aor the canonical AOR
     */
    public void registered(String aor) {
        if (closed || !withMessages.contains(aor)) {
            return;
        }
        if (draining.putIfAbsent(aor, Boolean.FALSE) != null) {
            draining.replace(aor, Boolean.TRUE); // in progress: go over the messages once more when done
            return;
        }
        if (draining.size() > MAX_DRAINING) {
            draining.remove(aor);
            return;
        }
        try {
            delivery.execute(() -> drain(aor));
        } catch (RejectedExecutionException e) {
            draining.remove(aor);
        }
    }

    /** Delivers until the AOR has no message left or one fails; again when a registration came meanwhile. */
    private void drain(String aor) {
        try {
            do {
                deliverAll(aor);
            } while (!draining.remove(aor, Boolean.FALSE) && draining.replace(aor, Boolean.FALSE) != null
                    && !Thread.currentThread().isInterrupted());
        } catch (StoreException | RuntimeException e) {
            draining.remove(aor);
            log.accept("msilo: delivering the messages of " + aor + " stopped, will retry: " + e.getMessage(), e);
        }
    }

    private void deliverAll(String aor) throws StoreException {
        while (true) {
            List<StoredMessage> batch = store.pending(aor, now(), BATCH);
            if (batch.isEmpty()) {
                withMessages.remove(aor);
                return;
            }
            for (StoredMessage m : batch) {
                if (!deliver(m)) {
                    return;
                }
            }
        }
    }

    /** @return whether it was delivered */
    private boolean deliver(StoredMessage m) throws StoreException {
        int status;
        String why;
        CompletableFuture<Integer> answer = sender.send(m).toCompletableFuture();
        try {
            for (int waited = 0; !answer.isDone() && waited < ANSWER_WAIT_SECONDS && !closed; waited++) {
                try {
                    answer.get(1, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    // checks whether the silo is closing once a second
                }
            }
            if (!answer.isDone()) {
                if (closed) {
                    return false; // kept untouched: tried again after the next start
                }
                status = 0;
                why = "no answer within " + ANSWER_WAIT_SECONDS + " s";
            } else {
                status = answer.get();
                why = "answered " + status;
            }
        } catch (ExecutionException e) {
            status = 0;
            why = "not sent: " + e.getCause().getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (status >= 200 && status < 300) {
            if (store.delete(m.id())) {
                pending.decrementAndGet();
                stats.delivered();
            }
            return true;
        }
        stats.failure();
        long backoff = backoffSeconds(m.attempts());
        store.failed(m.id(), now() + backoff);
        log.accept("msilo: message " + m.id() + " for " + m.aor() + " not delivered (" + why + "); kept, tried again at "
                + "the next registration or in " + backoff + " s", null);
        return false;
    }

    /** @return the wait after the {@code attempts + 1}-th failure: 30 s doubling, at most one hour */
    static long backoffSeconds(int attempts) {
        return Math.min(3600L, 30L << Math.min(attempts, 7));
    }

    /** Removes expired messages and starts the deliveries that are due; run by the sweep thread. */
    void sweep() {
        try {
            long now = now();
            int removed = store.removeExpired(now);
            if (removed > 0) {
                pending.addAndGet(-removed);
                stats.expired(removed);
                log.accept("msilo: removed " + removed + " expired undelivered message(s)", null);
            }
            for (String aor : store.due(now, SWEEP_BATCH)) {
                if (withMessages.size() < MAX_INDEXED) {
                    withMessages.add(aor);
                }
                if (isRegistered.test(aor)) {
                    registered(aor);
                }
            }
        } catch (StoreException | RuntimeException e) {
            log.accept("msilo: sweep failed, will retry: " + e.getMessage(), e);
        }
    }

    /**
     * @param aor   one recipient, or null for all
     * @param limit the most messages to list
     * @return the stored messages, by recipient and age
     */
    public List<StoredMessage> list(String aor, int limit) throws StoreException {
        return store.list(aor, limit);
    }

    /** @return the counters */
    public SiloStatistics statistics() {
        return stats;
    }

    /** @return the settings */
    public SiloConfig config() {
        return config;
    }

    private long now() {
        return clock.getAsLong() / 1000;
    }

    /**
     * Stops the sweep, the deliveries and the writer without interrupting them (an interrupt inside
     * the database driver could close the shared database file): a delivery waiting for its answer
     * gives up within a second and its message is kept; waits at most about 5 s for each.
     */
    @Override
    public void close() {
        closed = true;
        sweeper.shutdown();
        delivery.shutdown();
        writer.close();
        try {
            sweeper.awaitTermination(5, TimeUnit.SECONDS);
            delivery.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
