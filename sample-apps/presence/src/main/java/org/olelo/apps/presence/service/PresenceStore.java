package org.olelo.apps.presence.service;

import java.util.List;

/**
 * Where publications, subscriptions and authorisation decisions are kept so that they survive a
 * restart. Every write completes (is committed) before it returns, so what the service acknowledged
 * is not lost when the process is killed. Implementations are thread-safe and may block.
 */
public interface PresenceStore {

    /** A subscription as stored. */
    record StoredSubscription(String id, String presentity, String watcher, String event, String callId,
                              Status status, long expiresAt, long createdAt) {
    }

    /** A failure of the storage; the request that needed it is answered 500. */
    final class StoreException extends Exception {
        private static final long serialVersionUID = 1L;

        public StoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** @return the publications that end after {@code now}, oldest first (body only; not parsed) */
    List<Publication> publications(long now) throws StoreException;

    /** Stores {@code p}, replacing the publication of the same presentity with {@code oldEtag} (null: none). */
    void putPublication(Publication p, String oldEtag) throws StoreException;

    /** Removes one publication. */
    void removePublication(String aor, String etag) throws StoreException;

    /** Removes the publications that ended at or before {@code now}; @return how many */
    int removeExpiredPublications(long now) throws StoreException;

    /** @return the subscriptions that end after {@code now} */
    List<StoredSubscription> subscriptions(long now) throws StoreException;

    /** Stores a subscription, replacing the one with the same id. */
    void putSubscription(StoredSubscription s) throws StoreException;

    /** Removes a subscription (none: nothing happens). */
    void removeSubscription(String id) throws StoreException;

    /** Removes the subscriptions that ended at or before {@code now}; @return how many */
    int removeExpiredSubscriptions(long now) throws StoreException;

    /** @return the decision about {@code watcher} watching {@code presentity}, or null */
    Status decision(String presentity, String watcher) throws StoreException;

    /** Stores a decision, replacing any earlier one. */
    void putDecision(String presentity, String watcher, Status status, long now) throws StoreException;
}
