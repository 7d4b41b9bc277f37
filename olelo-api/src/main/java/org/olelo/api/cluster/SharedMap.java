package org.olelo.api.cluster;

import java.util.Set;

/**
 * A map from text keys to byte values, replicated synchronously to every member of the cluster
 * (see {@link SharedMaps}). Values are bytes so that no application class crosses the network:
 * the application encodes its own values. A value handed in or out is copied.
 *
 * <p>Concurrent writes of one key on two nodes are not merged: the last one applied wins. An
 * application that reads, changes and writes a key serialises those steps itself (on one node;
 * across nodes, the last write wins). Calls may block on the network (a write waits for every member's
 * acknowledgement); do not call them while holding a lock a SIP thread needs for long.
 */
public interface SharedMap {

    /**
     * @param key the key
     * @return a copy of its value, or null when absent
     */
    byte[] get(String key);

    /**
     * Stores a value on every member before returning.
     *
     * @param key   the key
     * @param value the value, copied
     * @throws IllegalStateException when the cluster could not store it (the write may then be
     *                               visible on some members only)
     */
    void put(String key, byte[] value);

    /**
     * Removes a key from every member before returning; nothing happens when it is absent.
     *
     * @param key the key
     * @throws IllegalStateException when the cluster could not remove it
     */
    void remove(String key);

    /** @return a copy of the keys present now */
    Set<String> keys();

    /** @return how many keys are present */
    int size();
}
