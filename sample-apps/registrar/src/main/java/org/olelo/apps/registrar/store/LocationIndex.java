package org.olelo.apps.registrar.store;

import java.util.List;
import java.util.Map;
import org.olelo.apps.registrar.spi.Binding;
import org.olelo.apps.registrar.spi.LocationStore;

/**
 * The in-memory side of a {@link CachedLocationStore}: this node's own map
 * ({@link MemoryLocationStore}) or the map shared by every node of a cluster
 * ({@link SharedLocationStore}). Safe for concurrent use from any thread.
 */
public interface LocationIndex extends LocationStore {

    /**
     * Puts the bindings loaded from the database into the index (at start).
     *
     * @param all AOR to bindings
     */
    void replaceAll(Map<String, List<Binding>> all);

    /** @return whether the index holds no AOR (a shared one: no node has written one yet) */
    boolean isEmpty();
}
