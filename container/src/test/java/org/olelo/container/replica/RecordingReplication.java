package org.olelo.container.replica;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.olelo.container.internal.replica.DialogKey;
import org.olelo.container.internal.replica.SessionReplication;
import org.olelo.container.internal.replica.SessionSnapshot;
import org.olelo.container.internal.replica.SnapshotCodec;

/**
 * A {@link SessionReplication} in memory that keeps what a cluster would: each copy goes through
 * its bytes ({@link SnapshotCodec}) on the way in, so that what the tests read is what another
 * node would decode. Thread-safe.
 */
final class RecordingReplication implements SessionReplication {

    final Map<String, SessionSnapshot> copies = new ConcurrentHashMap<>();
    final List<String> removed = new CopyOnWriteArrayList<>();
    final AtomicInteger writes = new AtomicInteger();
    /** The writers that {@link #alive} says are still members. */
    final java.util.Set<String> live = ConcurrentHashMap.newKeySet();

    @Override
    public void stored(SessionSnapshot snapshot) {
        writes.incrementAndGet();
        copies.put(snapshot.id(), SnapshotCodec.decode(SnapshotCodec.encode(snapshot)));
    }

    @Override
    public void removed(String appSessionId) {
        removed.add(appSessionId);
        copies.remove(appSessionId);
    }

    @Override
    public boolean alive(String writer) {
        return live.contains(writer);
    }

    @Override
    public SessionSnapshot fetchByDialog(String callId, String tagA, String tagB) {
        String key = DialogKey.of(callId, tagA, tagB);
        return copies.values().stream().filter(s -> s.dialogKeys().contains(key)).findFirst().orElse(null);
    }
}
