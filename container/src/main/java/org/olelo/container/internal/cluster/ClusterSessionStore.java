package org.olelo.container.internal.cluster;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.infinispan.Cache;
import org.infinispan.context.Flag;
import org.olelo.cluster.ClusterService;
import org.olelo.container.internal.replica.DialogKey;
import org.olelo.container.internal.replica.SessionReplication;
import org.olelo.container.internal.replica.SessionSnapshot;
import org.olelo.container.internal.replica.SnapshotCodec;

/**
 * The copies of the sessions of distributable applications in the cluster: a distributed cache
 * with two owners per entry ({@value #SESSIONS}: application-session id to the bytes of its
 * {@link SessionSnapshot}), so that the death of one node loses no copy, and a second one
 * ({@value #DIALOGS}: {@link DialogKey} to application-session id) through which any node finds
 * the session of a dialog from a request's Call-ID and tags, and a third ({@value #CLAIMS}) that
 * decides which node takes over the copy of a member that left ({@link #claim}).
 *
 * <p>Called on the application sessions' executors; every write is synchronous (it returns once
 * both owners hold it). The dialogs this node indexed per session are remembered here, so that a
 * copy written again writes its index entries only when a dialog was added; that table holds one
 * entry per live session this node wrote, and loses it when the session ends.
 */
public final class ClusterSessionStore implements SessionReplication {

    private final ClusterService cluster;

    /** The cache of the copies. */
    public static final String SESSIONS = "olelo.sessions";
    /** The cache of the dialog index. */
    public static final String DIALOGS = "olelo.sessions.dialogs";
    /** The cache of the take-over claims (see {@link #claim}). */
    public static final String CLAIMS = "olelo.sessions.claims";
    /** How long a claim is kept: far longer than the claimer takes to write the copy under its name. */
    static final long CLAIM_MINUTES = 10;
    /** How many nodes hold each copy. */
    public static final int OWNERS = 2;

    private final Cache<String, byte[]> sessions;
    private final Cache<String, byte[]> sessionWrites;
    private final Cache<String, String> dialogs;
    private final Cache<String, String> dialogWrites;
    private final Cache<String, String> claims;
    private final ConcurrentHashMap<String, List<String>> indexed = new ConcurrentHashMap<>();

    /** @param cluster the running cluster, whose caches it defines on first use */
    public ClusterSessionStore(ClusterService cluster) {
        this.cluster = cluster;
        this.sessions = cluster.distributedCache(SESSIONS, OWNERS);
        this.dialogs = cluster.distributedCache(DIALOGS, OWNERS);
        this.claims = cluster.distributedCache(CLAIMS, OWNERS);
        // no previous value is needed back: that saves a remote read per write
        this.sessionWrites = sessions.getAdvancedCache().withFlags(Flag.IGNORE_RETURN_VALUES);
        this.dialogWrites = dialogs.getAdvancedCache().withFlags(Flag.IGNORE_RETURN_VALUES);
    }

    @Override
    public void stored(SessionSnapshot snapshot) {
        try {
            sessionWrites.put(snapshot.id(), SnapshotCodec.encode(snapshot));
            List<String> keys = snapshot.dialogKeys();
            if (keys.isEmpty()) {
                return;
            }
            List<String> before = indexed.put(snapshot.id(), keys);
            for (String k : keys) {
                if (before == null || !before.contains(k)) {
                    dialogWrites.put(k, snapshot.id());
                }
            }
        } catch (org.infinispan.commons.CacheException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public void removed(String appSessionId) {
        try {
            byte[] last = sessions.remove(appSessionId);
            List<String> keys = indexed.remove(appSessionId);
            if (keys == null && last != null) {
                keys = SnapshotCodec.decode(last).dialogKeys();
            }
            if (keys != null) {
                for (String k : keys) {
                    dialogWrites.remove(k);
                }
            }
        } catch (org.infinispan.commons.CacheException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public SessionSnapshot fetchByDialog(String callId, String tagA, String tagB) {
        String key = DialogKey.of(callId, tagA, tagB);
        try {
            String id = dialogs.get(key);
            byte[] b = id == null ? null : sessions.get(id);
            if (b == null) {
                return null;
            }
            SessionSnapshot s = SnapshotCodec.decode(b);
            return s.dialogKeys().contains(key) ? s : null;
        } catch (org.infinispan.commons.CacheException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public boolean alive(String writer) {
        return writer != null && cluster.members().contains(writer);
    }

    /**
     * Claims a copy with a conditional write ({@code putIfAbsent}, atomic on the key's primary
     * owner) keyed by the session and the member that wrote the copy, so that of the nodes taking
     * over that copy exactly one wins. A claim whose holder left the view too (before it wrote the
     * copy under its name) passes to the next node that asks, by a conditional replace of that
     * holder. The claim expires after {@value #CLAIM_MINUTES} minutes (by then the winner has
     * written the copy under its own name, and the others see a live writer), so the table holds
     * only the claims of recent take-overs.
     */
    @Override
    public boolean claim(SessionSnapshot copy, String node) {
        String key = copy.id() + "\n" + copy.writer();
        var unit = java.util.concurrent.TimeUnit.MINUTES;
        try {
            String holder = claims.putIfAbsent(key, node, CLAIM_MINUTES, unit);
            if (holder == null || holder.equals(node)) {
                return true;
            }
            return !alive(holder) && claims.replace(key, holder, node, CLAIM_MINUTES, unit);
        } catch (org.infinispan.commons.CacheException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * The copies this node is now the primary owner of that one of {@code writers} wrote last:
     * after those members left the view, the sessions this node takes over, so that each is taken
     * over by one member only. Reads this node's entries only.
     *
     * @param writers the members that left
     * @return the copies, decoded (a damaged one is skipped)
     */
    public List<SessionSnapshot> orphansOf(java.util.Collection<String> writers) {
        var local = sessions.getAdvancedCache().withFlags(Flag.CACHE_MODE_LOCAL, Flag.SKIP_CACHE_LOAD);
        var dm = sessions.getAdvancedCache().getDistributionManager();
        List<SessionSnapshot> out = new java.util.ArrayList<>();
        for (var e : local.entrySet()) {
            if (dm != null && !dm.getCacheTopology().getDistribution(e.getKey()).isPrimary()) {
                continue;
            }
            try {
                SessionSnapshot s = SnapshotCodec.decode(e.getValue());
                if (writers.contains(s.writer())) {
                    out.add(s);
                }
            } catch (IllegalArgumentException damaged) {
                // not a copy this version reads: left to its writer's successors of another version
            }
        }
        return out;
    }

    /** @return whether the copies are being moved between members after a view change */
    public boolean rebalancing() {
        var dm = sessions.getAdvancedCache().getDistributionManager();
        return dm != null && dm.isRehashInProgress();
    }

    /**
     * The copy of one application session.
     *
     * @param appSessionId its id
     * @return the copy, or null
     */
    public SessionSnapshot fetch(String appSessionId) {
        byte[] b = sessions.get(appSessionId);
        return b == null ? null : SnapshotCodec.decode(b);
    }
}
