package org.olelo.apps.registrar.store;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.olelo.api.cluster.SharedMap;

/**
 * A {@link SharedMap} of one JVM, with the contract of the cluster's: values copied, conditional
 * replace by content. Stands for the cluster where a test is about the registrar's use of it (the
 * cluster module tests the replication itself). {@link #beforeReplace} lets a test write "from
 * another node" between a read and a conditional write.
 */
class MapInMemory implements SharedMap {

    private final ConcurrentHashMap<String, byte[]> map = new ConcurrentHashMap<>();
    Runnable beforeReplace = () -> { };

    @Override
    public byte[] get(String key) {
        byte[] v = map.get(key);
        return v == null ? null : v.clone();
    }

    @Override
    public void put(String key, byte[] value) {
        map.put(key, value.clone());
    }

    @Override
    public synchronized boolean replace(String key, byte[] expected, byte[] value) {
        beforeReplace.run();
        if (!Arrays.equals(map.get(key), expected)) {
            return false;
        }
        if (value == null) {
            map.remove(key);
        } else {
            map.put(key, value.clone());
        }
        return true;
    }

    @Override
    public void remove(String key) {
        map.remove(key);
    }

    @Override
    public Set<String> keys() {
        return new HashSet<>(map.keySet());
    }

    @Override
    public int size() {
        return map.size();
    }
}
