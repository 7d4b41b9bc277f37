package org.olelo.container.internal.replica;

import java.util.concurrent.atomic.AtomicLong;
import org.olelo.container.internal.session.SessionWrites;
import org.olelo.container.internal.session.SipApplicationSessionImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the copies of the sessions of distributable applications up to date: at the end of each
 * invocation that touched a session, its {@link SessionSnapshot} goes to the
 * {@link SessionReplication}; when it is invalidated, the copy is removed. A store that cannot be
 * reached, or an attribute that cannot be serialised, costs the copy (or that attribute), never the
 * call: one WARN line says so, at most one every ten seconds.
 *
 * <p>Runs on the application session's executor, after the application code; blocks on the
 * store's network writes.
 */
public final class Replicator implements SessionWrites {

    private static final Logger LOG = LoggerFactory.getLogger(Replicator.class);
    private static final long WARN_EVERY_NANOS = 10_000_000_000L;

    private final SessionReplication store;
    private final String writer;
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    /**
     * @param store  where the copies go
     * @param writer this node's name in the cluster, written into each copy
     */
    public Replicator(SessionReplication store, String writer) {
        this.store = store;
        this.writer = writer;
    }

    /** @return where the copies go */
    public SessionReplication store() {
        return store;
    }

    /**
     * Claims the take-over of a copy for this node (see {@link SessionReplication#claim}). Blocks on
     * the store's network write.
     *
     * @param copy the copy of a session whose writer left
     * @return true when this node restores it
     */
    public boolean claim(SessionSnapshot copy) {
        return store.claim(copy, writer);
    }

    @Override
    public void written(SipApplicationSessionImpl as) {
        String app = as.getApplicationName();
        SessionSnapshot s = Snapshots.take(as, writer, (what, e) ->
                warn("{}: {} of application session {} is left out of its copy in the cluster: {}", app, what,
                        as.getId(), e.toString()));
        try {
            store.stored(s);
        } catch (RuntimeException e) {
            warn("{}: the copy of application session {} could not be written to the cluster: {}", app, as.getId(),
                    e.toString());
        }
    }

    @Override
    public void invalidated(SipApplicationSessionImpl as) {
        try {
            store.removed(as.getId());
        } catch (RuntimeException e) {
            warn("{}: the copy of application session {} could not be removed from the cluster: {}",
                    as.getApplicationName(), as.getId(), e.toString());
        }
    }

    private void warn(String format, Object... args) {
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            LOG.warn(format, args);
        }
    }
}
