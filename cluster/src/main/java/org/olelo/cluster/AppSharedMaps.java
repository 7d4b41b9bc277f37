package org.olelo.cluster;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.olelo.api.cluster.SharedMap;
import org.olelo.api.cluster.SharedMaps;

/**
 * The {@link SharedMaps} of one application: each map is the replicated cache
 * {@code app.<application>.<map>}, so the same application on every node shares it and other
 * applications do not. The container puts one in each application's context when clustering is
 * on. Thread-safe.
 */
public final class AppSharedMaps implements SharedMaps {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final ClusterService cluster;
    private final String prefix;
    private final Map<String, SharedMap> maps = new ConcurrentHashMap<>();

    /**
     * @param cluster     the running cluster service
     * @param application the application's name
     */
    public AppSharedMaps(ClusterService cluster, String application) {
        this.cluster = cluster;
        this.prefix = "app." + application + ".";
    }

    @Override
    public SharedMap map(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a shared map name is 1 to 64 letters, digits, '_', '-' or '.'");
        }
        return maps.computeIfAbsent(name, n -> new CacheSharedMap(cluster.<String, byte[]>replicatedCache(prefix + n)));
    }

    @Override
    public String localMember() {
        return cluster.localMember();
    }

    @Override
    public List<String> members() {
        return cluster.members();
    }
}
