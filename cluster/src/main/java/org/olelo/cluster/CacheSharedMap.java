package org.olelo.cluster;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.infinispan.Cache;
import org.infinispan.commons.CacheException;
import org.infinispan.context.Flag;
import org.olelo.api.cluster.SharedMap;

/**
 * A {@link SharedMap} on a synchronously replicated cache: reads are local (every member holds
 * every entry), writes return once every member has applied them.
 *
 * <p>The bytes are kept as a string of the same length, one ISO-8859-1 character per byte (stored
 * by the JDK as one byte each): a string compares by content, so the cache's conditional
 * replace and remove work for {@link #replace}, which they do not for arrays. Values are copied in
 * and out. Thread-safe; writes block on the network.
 */
final class CacheSharedMap implements SharedMap {

    private final Cache<String, String> cache;
    private final Cache<String, String> writes;
    private final Cache<String, String> local;

    CacheSharedMap(Cache<String, String> cache) {
        this.cache = cache;
        // no previous value is needed back: that saves a remote read per write
        this.writes = cache.getAdvancedCache().withFlags(Flag.IGNORE_RETURN_VALUES);
        // every member holds every entry: keys and size are read here, without a remote call
        this.local = cache.getAdvancedCache().withFlags(Flag.CACHE_MODE_LOCAL);
    }

    @Override
    public byte[] get(String key) {
        return bytes(cache.get(key));
    }

    @Override
    public void put(String key, byte[] value) {
        try {
            writes.put(key, text(value));
        } catch (CacheException e) {
            throw new IllegalStateException("the cluster could not store the value: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean replace(String key, byte[] expected, byte[] value) {
        try {
            if (expected == null) {
                return value == null ? !cache.containsKey(key) : cache.putIfAbsent(key, text(value)) == null;
            }
            return value == null ? cache.remove(key, text(expected)) : cache.replace(key, text(expected), text(value));
        } catch (CacheException e) {
            throw new IllegalStateException("the cluster could not store the value: " + e.getMessage(), e);
        }
    }

    @Override
    public void remove(String key) {
        try {
            writes.remove(key);
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

    private static String text(byte[] value) {
        return new String(value, StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
