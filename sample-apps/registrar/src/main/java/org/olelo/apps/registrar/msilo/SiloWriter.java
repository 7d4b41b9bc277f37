package org.olelo.apps.registrar.msilo;

import org.olelo.apps.registrar.spi.StoreException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

/**
 * Writes stored messages with group commit: the servlet threads queue their messages and wait; one
 * writer thread takes everything queued (at most {@value #BATCH} at a time), checks each user's
 * limit and inserts in one transaction, commits once, and only then releases the waiting threads
 * with their outcome. A commit is a write to the database file, so under load many messages share
 * one; a message alone is written at once. One writer also means the per-user count and the insert
 * never race.
 *
 * <p>Thread-safe. {@link #write} blocks its caller (a virtual thread of the container) until the
 * commit; the writer thread blocks on the database. At most {@value #CAPACITY} messages wait; one
 * more is refused ({@link StoreOutcome#BUSY}) at once. Never interrupted: closing lets the current
 * batch finish (an interrupt inside the database driver could close the shared database file).
 */
final class SiloWriter implements AutoCloseable {

    static final int BATCH = 100;
    static final int CAPACITY = 10_000;

    private record Job(SiloStore.Insert insert, CompletableFuture<StoreOutcome> done) {
    }

    private final SiloStore store;
    private final int maxPerUser;
    private final BiConsumer<String, Throwable> log;
    private final BlockingQueue<Job> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Thread thread;
    private volatile boolean closed;

    SiloWriter(SiloStore store, int maxPerUser, BiConsumer<String, Throwable> log) {
        this.store = store;
        this.maxPerUser = maxPerUser;
        this.log = log;
        this.thread = Thread.ofPlatform().daemon().name("registrar-msilo-writer").start(this::loop);
    }

    /**
     * Queues a message and waits until it is committed or refused.
     *
     * @return {@link StoreOutcome#STORED}, {@link StoreOutcome#FULL}, {@link StoreOutcome#BUSY} or
     *         {@link StoreOutcome#FAILED}
     */
    StoreOutcome write(SiloStore.Insert insert) {
        Job job = new Job(insert, new CompletableFuture<>());
        if (closed || !queue.offer(job)) {
            return StoreOutcome.BUSY;
        }
        try {
            while (true) {
                try {
                    return job.done().get(1, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    if (!thread.isAlive()) { // closed after this job was queued: it will not be written
                        job.done().complete(StoreOutcome.BUSY);
                    }
                }
            }
        } catch (ExecutionException e) {
            return StoreOutcome.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return StoreOutcome.FAILED; // it may still be committed: the sender retries, the user may get it twice
        }
    }

    private void loop() {
        List<Job> batch = new ArrayList<>(BATCH);
        while (!closed || !queue.isEmpty()) {
            try {
                Job first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                List<SiloStore.Insert> inserts = batch.stream().map(Job::insert).toList();
                List<Boolean> stored = store.insertAll(inserts, maxPerUser);
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).done().complete(stored.get(i) ? StoreOutcome.STORED : StoreOutcome.FULL);
                }
            } catch (StoreException | RuntimeException e) {
                log.accept("msilo: " + batch.size() + " MESSAGE(s) not stored (answered 500): " + e.getMessage(), e);
                batch.forEach(j -> j.done().complete(StoreOutcome.FAILED));
            } catch (InterruptedException e) {
                break;
            } finally {
                batch.clear();
            }
        }
        queue.forEach(j -> j.done().complete(StoreOutcome.BUSY));
    }

    /** Stops taking messages; waits (at most 5 s) for the queued ones to be written. */
    @Override
    public void close() {
        closed = true;
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
