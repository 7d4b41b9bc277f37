package org.olelo.container.internal.trace;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trace's background writer: a bounded queue of traced messages and one platform thread that
 * writes them to the trace file and to the Homer collector. A full queue drops the message, counts
 * it, and says so in the log at most every {@link #DROP_REPORT_NANOS}. Outputs open when a message
 * arrives for them and close after {@link #IDLE_NANOS} without messages, so that the file can be
 * moved or removed between traces.
 *
 * <p>Threads: {@link #offer} from any thread, never blocking; {@link #target} from any thread;
 * the outputs belong to the writer thread alone.
 */
final class TraceWriter implements AutoCloseable {

    /** Messages waiting at most. */
    static final int CAPACITY = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(TraceWriter.class);
    private static final long DROP_REPORT_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** Where messages go. */
    record Target(Path file, InetSocketAddress hep, long hepId) {
    }

    private final ArrayBlockingQueue<TraceRecord> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong finished = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;
    private volatile Target wanted;
    private volatile boolean running = true;
    // writer thread only
    private Target current;
    private Target warned;
    private TraceFileOutput file;
    private HepOutput hep;
    private long reportedDrops;
    private long lastReport;
    private boolean hepFailing;
    private boolean fileFailing;

    TraceWriter(Target initial) {
        this.wanted = Objects.requireNonNull(initial);
        this.thread = Thread.ofPlatform().daemon().name("olelo-trace").start(this::loop);
    }

    /** Sets where the next messages go; outputs switch before the next message is written. */
    void target(Target t) {
        wanted = Objects.requireNonNull(t);
    }

    /** @return where messages go */
    Target target() {
        return wanted;
    }

    /** Queues a message; false (and counted) when the queue is full. */
    boolean offer(TraceRecord r) {
        offered.incrementAndGet();
        if (queue.offer(r)) {
            return true;
        }
        dropped.incrementAndGet();
        finished.incrementAndGet();
        return false;
    }

    /** @return messages dropped because the queue was full, since start */
    long dropped() {
        return dropped.get();
    }

    /**
     * Waits until every message queued before the call is written (or dropped).
     *
     * @return false when that took longer than the timeout
     */
    boolean awaitWritten(long timeoutMillis) throws InterruptedException {
        long goal = offered.get();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (finished.get() < goal) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(2);
        }
        return true;
    }

    private void loop() {
        List<TraceRecord> batch = new ArrayList<>();
        long lastWrite = System.nanoTime();
        while (running || !queue.isEmpty()) {
            TraceRecord first;
            try {
                first = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                first = queue.poll();
            }
            reportDrops();
            if (first == null) {
                if (current != null && System.nanoTime() - lastWrite > IDLE_NANOS) {
                    closeOutputs();
                }
                continue;
            }
            batch.add(first);
            queue.drainTo(batch, 511);
            switchOutputs();
            for (TraceRecord r : batch) {
                write(r);
            }
            flush();
            finished.addAndGet(batch.size());
            batch.clear();
            lastWrite = System.nanoTime();
        }
        closeOutputs();
    }

    private void switchOutputs() {
        Target t = wanted;
        if (t.equals(current)) {
            return;
        }
        closeOutputs();
        current = t;
        boolean warn = !t.equals(warned); // a target that fails is retried, but reported once
        try {
            file = new TraceFileOutput(t.file());
            fileFailing = false;
        } catch (IOException | RuntimeException e) {
            if (warn) {
                LOG.warn("SIP trace: cannot write the trace file {}: {}", t.file(), e.toString());
            }
            warned = t;
        }
        if (t.hep() != null) {
            try {
                hep = new HepOutput(t.hep(), t.hepId());
                hepFailing = false;
            } catch (IOException | RuntimeException e) {
                if (warn) {
                    LOG.warn("SIP trace: cannot send to the HEP collector {}:{}: {}", t.hep().getHostString(),
                            t.hep().getPort(), e.toString());
                }
                warned = t;
            }
        }
    }

    private void write(TraceRecord r) {
        if (file != null) {
            try {
                file.write(r);
                fileFailing = false;
            } catch (IOException e) {
                fileFailed(e);
            }
        }
        if (hep != null) {
            try {
                hep.send(r);
                hepFailing = false;
            } catch (IOException e) {
                if (!hepFailing) {
                    LOG.warn("SIP trace: sending to the HEP collector {} failed: {}", hep.collector(), e.toString());
                }
                hepFailing = true;
            }
        }
    }

    private void flush() {
        if (file != null) {
            try {
                file.flush();
            } catch (IOException e) {
                fileFailed(e);
            }
        }
    }

    /** Reports a failing trace file once, until it works again. */
    private void fileFailed(IOException e) {
        if (!fileFailing) {
            LOG.warn("SIP trace: writing {} failed: {}", file.file(), e.toString());
        }
        fileFailing = true;
    }

    private void closeOutputs() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                LOG.debug("SIP trace: closing {} failed: {}", file.file(), e.toString());
            }
            file = null;
        }
        if (hep != null) {
            try {
                hep.close();
            } catch (IOException e) {
                LOG.debug("SIP trace: closing the HEP socket failed: {}", e.toString());
            }
            hep = null;
        }
        current = null;
    }

    private void reportDrops() {
        long d = dropped.get();
        long now = System.nanoTime();
        if (d > reportedDrops && now - lastReport > DROP_REPORT_NANOS) {
            LOG.warn("SIP trace: {} messages not traced because the writer fell behind (queue of {} full)",
                    d - reportedDrops, CAPACITY);
            reportedDrops = d;
            lastReport = now;
        }
    }

    /** Writes what is queued, then stops the thread (waits up to a second). */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
