package org.olelo.container.internal.session;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The index keys of one {@link SipApplicationSessionImpl} ({@code addIndexKey}): kept here and in
 * the {@link SessionManager}'s table from key to sessions, which forgets them when the session ends.
 *
 * <p>Thread-safe (the application may add keys on any of its threads).
 */
final class IndexKeys {

    private final SessionManager manager;
    private final SipApplicationSessionImpl session;
    private final Set<String> keys = ConcurrentHashMap.newKeySet();

    IndexKeys(SessionManager manager, SipApplicationSessionImpl session) {
        this.manager = manager;
        this.session = session;
    }

    /** @throws NullPointerException when {@code key} is null */
    void add(String key) {
        if (key == null) {
            throw new NullPointerException("index key");
        }
        keys.add(key);
        manager.addIndexKey(session, key);
    }

    void remove(String key) {
        if (key != null && keys.remove(key)) {
            manager.removeIndexKey(session, key);
        }
    }

    /** @return a copy of the keys */
    Set<String> copy() {
        return new HashSet<>(keys);
    }

    /** @return the keys themselves (for the session table, as the session ends) */
    Set<String> live() {
        return keys;
    }
}
