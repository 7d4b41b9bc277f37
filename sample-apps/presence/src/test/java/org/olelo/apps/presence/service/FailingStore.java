package org.olelo.apps.presence.service;

import java.util.List;

/** Test support: reads from a real store, fails every write. */
final class FailingStore implements PresenceStore {

    private final PresenceStore reads;

    FailingStore(PresenceStore reads) {
        this.reads = reads;
    }

    private static StoreException down() {
        return new StoreException("database down", null);
    }

    @Override
    public List<Publication> publications(long now) throws StoreException {
        return reads.publications(now);
    }

    @Override
    public void putPublication(Publication p, String oldEtag) throws StoreException {
        throw down();
    }

    @Override
    public void removePublication(String aor, String etag) throws StoreException {
        throw down();
    }

    @Override
    public int removeExpiredPublications(long now) throws StoreException {
        throw down();
    }

    @Override
    public List<StoredSubscription> subscriptions(long now) throws StoreException {
        return reads.subscriptions(now);
    }

    @Override
    public void putSubscription(StoredSubscription s) throws StoreException {
        throw down();
    }

    @Override
    public void removeSubscription(String id) throws StoreException {
        throw down();
    }

    @Override
    public int removeExpiredSubscriptions(long now) throws StoreException {
        throw down();
    }

    @Override
    public Status decision(String presentity, String watcher) throws StoreException {
        return reads.decision(presentity, watcher);
    }

    @Override
    public void putDecision(String presentity, String watcher, Status status, long now) throws StoreException {
        throw down();
    }
}
