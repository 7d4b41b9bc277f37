package org.olelo.apps.registrar.store;

import org.olelo.apps.registrar.spi.Binding;
import org.olelo.apps.registrar.spi.LocationStore;
import org.olelo.apps.registrar.spi.StoreException;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;

/**
 * The location store the application uses: the memory index and the {@code location} table
 * combined as Kamailio usrloc's {@link DbMode}s.
 *
 * <pre>
 *  mode           reads     put()                                  durability
 *  memory         memory    memory                                 none
 *  write-through  memory    database commit, then memory           when put() returns
 *  write-back     memory    memory, AOR marked dirty               at the next flush (every flush interval, and on close)
 *  db-only        database  database commit                        when put() returns
 * </pre>
 *
 * "memory" is this node's {@link MemoryLocationStore}, or, when the server runs in a cluster, the
 * {@link SharedLocationStore} every node shares. The memory modes backed by a database fill the
 * index from the table when opened (a shared index only while it is empty). Expired
 * bindings are removed from both. Writes to one AOR are serialised here so that the database and
 * the index apply them in the same order.
 *
 * <p>Safe for concurrent use from any thread. In write-back mode one daemon thread of its own
 * flushes; flush failures are reported to the error callback and retried at the next flush.
 */
public final class CachedLocationStore implements LocationStore {

    private static final int STRIPES = 64;

    private final DbMode mode;
    private final LocationIndex memory;
    private final JdbcLocationStore db;
    private final BiConsumer<String, Throwable> errors;
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];
    private final ReentrantLock flushLock = new ReentrantLock();
    private ScheduledExecutorService flusher;

    private CachedLocationStore(DbMode mode, JdbcLocationStore db, BiConsumer<String, Throwable> errors,
                                LocationIndex index) {
        this.mode = mode;
        this.db = db;
        this.errors = errors;
        this.memory = mode == DbMode.DB_ONLY ? null : index;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /**
     * Opens the store: loads the index from the table (write-through, write-back) and starts the
     * flusher (write-back). The table must exist ({@link SchemaMigrator}).
     *
     * @param mode          the mode
     * @param dataSource    the database; ignored (may be null) in memory mode, required otherwise
     * @param flushInterval how often write-back flushes
     * @param errors        receives what fails in the background (message, cause)
     * @return the open store
     * @throws StoreException when the table cannot be read
     */
    public static CachedLocationStore open(DbMode mode, DataSource dataSource, Duration flushInterval,
                                           BiConsumer<String, Throwable> errors) throws StoreException {
        return open(mode, dataSource, flushInterval, errors, new MemoryLocationStore());
    }

    /**
     * Like {@link #open(DbMode, DataSource, Duration, BiConsumer)}, with a given index in place of
     * this node's memory: the cluster's {@link SharedLocationStore}. A shared index is filled from
     * the table only while it is empty (the first node of the cluster); later nodes find the
     * bindings the running ones hold, which may be newer than the table's.
     *
     * @param mode          the mode
     * @param dataSource    the database; ignored (may be null) in memory mode, required otherwise
     * @param flushInterval how often write-back flushes
     * @param errors        receives what fails in the background (message, cause)
     * @param index         the index (ignored in db-only mode)
     * @return the open store
     * @throws StoreException when the table cannot be read
     */
    public static CachedLocationStore open(DbMode mode, DataSource dataSource, Duration flushInterval,
                                           BiConsumer<String, Throwable> errors, LocationIndex index)
            throws StoreException {
        Objects.requireNonNull(errors, "errors");
        if (mode.usesDatabase() && dataSource == null) {
            throw new IllegalArgumentException("db.mode=" + mode + " needs a DataSource");
        }
        CachedLocationStore s = new CachedLocationStore(mode, mode.usesDatabase() ? new JdbcLocationStore(dataSource) : null,
                errors, index);
        if ((mode == DbMode.WRITE_THROUGH || mode == DbMode.WRITE_BACK) && s.memory.isEmpty()) {
            s.memory.replaceAll(s.db.loadAll());
        }
        if (mode == DbMode.WRITE_BACK) {
            long ms = Math.max(1, flushInterval.toMillis());
            s.flusher = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                    .name("registrar-flush").factory());
            s.flusher.scheduleWithFixedDelay(s::flushQuietly, ms, ms, TimeUnit.MILLISECONDS);
        }
        return s;
    }

    /** @return the mode */
    public DbMode mode() {
        return mode;
    }

    @Override
    public List<Binding> get(String aor) throws StoreException {
        return mode == DbMode.DB_ONLY ? db.get(aor) : memory.get(aor);
    }

    @Override
    public void put(String aor, List<Binding> bindings) throws StoreException {
        ReentrantLock lock = locks[Math.floorMod(aor.hashCode(), STRIPES)];
        lock.lock();
        try {
            switch (mode) {
                case MEMORY -> memory.put(aor, bindings);
                case WRITE_THROUGH -> {
                    db.put(aor, bindings);
                    memory.put(aor, bindings);
                }
                case WRITE_BACK -> {
                    memory.put(aor, bindings);
                    dirty.add(aor);
                }
                case DB_ONLY -> db.put(aor, bindings);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void remove(String aor) throws StoreException {
        put(aor, List.of());
    }

    @Override
    public int removeExpired(long now) throws StoreException {
        if (mode == DbMode.DB_ONLY) {
            return db.removeExpired(now);
        }
        int removed = memory.removeExpired(now);
        if (db != null) {
            db.removeExpired(now);
        }
        return removed;
    }

    @Override
    public Map<String, List<Binding>> loadAll() throws StoreException {
        return mode == DbMode.DB_ONLY ? db.loadAll() : memory.loadAll();
    }

    @Override
    public int count(long now) throws StoreException {
        return mode == DbMode.DB_ONLY ? db.count(now) : memory.count(now);
    }

    /**
     * Write-back: writes every AOR changed since the last flush to the database now. Does nothing
     * in the other modes. An AOR that fails stays dirty for the next flush.
     *
     * @throws StoreException the first failure, after every dirty AOR was tried
     */
    public void flush() throws StoreException {
        if (mode != DbMode.WRITE_BACK) {
            return;
        }
        flushLock.lock();
        try {
            StoreException first = null;
            for (String aor : new ArrayList<>(dirty)) {
                dirty.remove(aor);
                try {
                    db.put(aor, memory.get(aor));
                } catch (StoreException e) {
                    dirty.add(aor);
                    if (first == null) {
                        first = e;
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        } finally {
            flushLock.unlock();
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (StoreException | RuntimeException e) {
            errors.accept("registrar: write-back flush failed, will retry: " + e.getMessage(), e);
        }
    }

    /** @return how many AORs wait for the next write-back flush */
    public int pendingFlush() {
        return dirty.size();
    }

    /** Stops the flusher and, in write-back mode, flushes what is pending. */
    @Override
    public void close() throws StoreException {
        if (flusher != null) {
            flusher.shutdown();
            try {
                flusher.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flush();
    }
}
