package org.olelo.cluster;

import java.util.HashSet;
import java.util.Set;
import org.infinispan.Cache;
import org.infinispan.commons.CacheException;
import org.infinispan.context.Flag;
import org.olelo.api.cluster.SharedMap;

/**
 * A {@link SharedMap} on a synchronously replicated cache: reads are local (every member holds
 * every entry), writes return once every member has applied them. Values are copied in and out,
 * so no caller can change what the cache holds. Thread-safe; writes block on the network.
 */
final class CacheSharedMap implements SharedMap {

    private final Cache<String, byte[]> cache;
    private final Cache<String, byte[]> local;

    CacheSharedMap(Cache<String, byte[]> cache) {
        this.cache = cache;
        // every member holds every entry: keys and size are read here, without a remote call
        this.local = cache.getAdvancedCache().withFlags(Flag.CACHE_MODE_LOCAL);
    }

    @Override
    public byte[] get(String key) {
        byte[] v = cache.get(key);
        return v == null ? null : v.clone();
    }

    @Override
    public void put(String key, byte[] value) {
        try {
            // no previous value is needed back: that saves a remote read per write
            cache.getAdvancedCache().withFlags(Flag.IGNORE_RETURN_VALUES).put(key, value.clone());
        } catch (CacheException e) {
            throw new IllegalStateException("the cluster could not store the value: " + e.getMessage(), e);
        }
    }

    @Override
    public void remove(String key) {
        try {
            cache.getAdvancedCache().withFlags(Flag.IGNORE_RETURN_VALUES).remove(key);
        } catch (CacheException e) {
            throw new IllegalStateException("the cluster could not remove the value: " + e.getMessage(), e);
        }
    }

    @Override
    public Set<String> keys() {
        return new HashSet<>(local.keySet());
    }

    @Override
    public int size() {
        return local.size();
    }
}
