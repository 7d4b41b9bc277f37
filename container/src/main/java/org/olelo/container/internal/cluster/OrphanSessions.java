package org.olelo.container.internal.cluster;

import java.util.List;
import java.util.function.Consumer;
import org.olelo.container.internal.replica.SessionSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sessions of members that left the view: once the cluster has moved the copies to their new
 * owners, this node takes over those it is the primary owner of (each unless another node claimed
 * it first, for a request of its dialogs), so that their timers fire on one survivor. Runs on a virtual thread started by the view listener; sleeps while the copies move.
 */
final class OrphanSessions {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanSessions.class);
    private static final long SETTLE_MILLIS = 10_000;

    private OrphanSessions() {
    }

    static void takeOver(ClusterSessionStore store, List<String> left, Consumer<List<SessionSnapshot>> takeOver) {
        try {
            long until = System.currentTimeMillis() + SETTLE_MILLIS;
            Thread.sleep(200);
            while (store.rebalancing() && System.currentTimeMillis() < until) {
                Thread.sleep(100);
            }
            List<SessionSnapshot> orphans = store.orphansOf(left);
            if (!orphans.isEmpty()) {
                LOG.info("cluster: {} application sessions of {} are now owned here: taken over unless another node"
                        + " took them over first", orphans.size(), left);
                takeOver.accept(orphans);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("cluster: the sessions of {} could not be taken over: {}", left, e.toString());
        }
    }
}
