package org.olelo.container.internal.acc;

import java.sql.Connection;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes accounting records to the database off the message path: callers {@link #offer} a record
 * into a bounded queue (never blocking); one platform thread, {@code olelo-acc-writer}, takes them
 * in batches of up to {@value #BATCH}, gathered for at most {@value #LINGER_MILLIS} ms, and inserts
 * each batch in one transaction.
 *
 * <p>When the database fails, the batch is kept and tried again every {@code retryMillis} while
 * new records wait in the queue; the outage is logged once when it starts and once when it ends,
 * and counted. When the queue is full, new records are dropped: counted, and logged with how many
 * at most every 10 s. A batch the database refuses for its data (not for an outage) is written row
 * by row, and the rows it still refuses are dropped, counted and logged.
 */
public final class AccWriter implements AutoCloseable {

    /** Most records written in one transaction. */
    static final int BATCH = 200;
    /**
     * How long the writer lets records gather after the first before it writes a batch that is not
     * full: at a low call rate a commit per record would cost more than the records.
     */
    static final long LINGER_MILLIS = 100;
    private static final Logger LOG = LoggerFactory.getLogger(AccWriter.class);
    private static final long DROP_REPORT_MILLIS = 10_000;

    private final DataSource ds;
    private final ArrayBlockingQueue<AccRecord> queue;
    private final long retryMillis;
    private final Thread thread;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong outages = new AtomicLong();
    private volatile boolean running = true;
    // writer thread only
    private boolean down;
    private long droppedReported;
    private long lastDropReport;

    /**
     * Starts the writer thread.
     *
     * @param ds          the database holding the accounting tables
     * @param queueSize   how many records may wait
     * @param retryMillis how long to wait before trying a failed database again
     */
    public AccWriter(DataSource ds, int queueSize, long retryMillis) {
        this.ds = ds;
        this.queue = new ArrayBlockingQueue<>(queueSize);
        this.retryMillis = retryMillis;
        this.thread = Thread.ofPlatform().daemon().name("olelo-acc-writer").start(this::run);
    }

    /** Queues a record; any thread, never blocks. False (and counted) when the queue is full. */
    public boolean offer(AccRecord r) {
        if (queue.offer(r)) {
            return true;
        }
        dropped.incrementAndGet();
        return false;
    }

    /** Records written since the start. */
    public long written() {
        return written.get();
    }

    /** Records dropped since the start: the queue was full, or the database refused their data. */
    public long dropped() {
        return dropped.get();
    }

    /** Database outages since the start. */
    public long outages() {
        return outages.get();
    }

    /** Records waiting for the database. */
    public int queued() {
        return queue.size();
    }

    private void run() {
        List<AccRecord> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty() || !batch.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    AccRecord first = queue.poll(500, TimeUnit.MILLISECONDS);
                    reportDrops(false);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                    if (batch.size() < BATCH && running) {
                        Thread.sleep(LINGER_MILLIS);
                        queue.drainTo(batch, BATCH - batch.size());
                    }
                }
                if (write(batch)) {
                    batch.clear();
                } else if (!running) {
                    break;
                } else {
                    Thread.sleep(retryMillis);
                }
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            }
        }
        int lost = batch.size() + queue.size();
        if (lost > 0) {
            LOG.error("accounting stopped with {} records not written: the database did not answer", lost);
        }
    }

    /** Writes one batch; false when the database is unavailable (the batch is to be tried again). */
    private boolean write(List<AccRecord> batch) {
        try (Connection c = ds.getConnection()) {
            try {
                AccInserts.write(c, batch);
            } catch (SQLDataException | SQLIntegrityConstraintViolationException e) {
                oneByOne(c, batch);
            }
            written.addAndGet(batch.size());
            if (down) {
                down = false;
                LOG.info("accounting database answers again; writing the {} records kept meanwhile",
                        batch.size() + queue.size());
                reportDrops(true);
            }
            return true;
        } catch (SQLException | RuntimeException e) {
            if (!down) {
                down = true;
                outages.incrementAndGet();
                LOG.warn("accounting database unavailable ({}); records are kept, up to {} waiting, and written when"
                        + " it answers again", firstLine(e), queue.remainingCapacity() + queue.size());
            }
            return false;
        }
    }

    private void oneByOne(Connection c, List<AccRecord> batch) throws SQLException {
        int refused = 0;
        for (AccRecord r : batch) {
            try {
                AccInserts.write(c, List.of(r));
            } catch (SQLDataException | SQLIntegrityConstraintViolationException e) {
                refused++;
                LOG.warn("accounting record refused by the database and dropped ({}): {}", firstLine(e), r);
            }
        }
        written.addAndGet(-refused);
        dropped.addAndGet(refused);
    }

    /** The first line of an exception's message (a driver's may go on with the whole statement). */
    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl).strip();
    }

    private void reportDrops(boolean now) {
        long d = dropped.get();
        long t = System.currentTimeMillis();
        if (d > droppedReported && (now || t - lastDropReport >= DROP_REPORT_MILLIS)) {
            LOG.warn("accounting queue full ({} records): {} records dropped since the last report, {} in all",
                    queue.size() + queue.remainingCapacity(), d - droppedReported, d);
            droppedReported = d;
            lastDropReport = t;
        }
    }

    /**
     * Stops taking records, writes what is queued (one more try if the database is down), and
     * waits for the thread at most {@code waitMillis}.
     */
    public void close(long waitMillis) {
        running = false;
        try {
            thread.join(waitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        reportDrops(true);
    }

    @Override
    public void close() {
        close(10_000);
    }
}
