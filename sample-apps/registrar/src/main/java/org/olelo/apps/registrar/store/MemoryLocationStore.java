package org.olelo.apps.registrar.store;

import org.olelo.apps.registrar.spi.Binding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory location index: a {@link ConcurrentHashMap} from AOR to an immutable list of
 * bindings. A replacement swaps the list reference, so readers never see a half-written list.
 * Nothing survives a restart ({@code db.mode=memory}); the other modes put a database behind it
 * ({@link CachedLocationStore}).
 *
 * <p>Safe for concurrent use from any thread; never blocks.
 */
public final class MemoryLocationStore implements LocationIndex {

    private final ConcurrentHashMap<String, List<Binding>> index = new ConcurrentHashMap<>();

    @Override
    public List<Binding> get(String aor) {
        return index.getOrDefault(aor, List.of());
    }

    @Override
    public void put(String aor, List<Binding> bindings) {
        if (bindings.isEmpty()) {
            index.remove(aor);
        } else {
            index.put(aor, List.copyOf(bindings));
        }
    }

    @Override
    public void remove(String aor) {
        index.remove(aor);
    }

    @Override
    public int removeExpired(long now) {
        int[] removed = {0};
        for (String aor : index.keySet()) {
            index.computeIfPresent(aor, (k, list) -> {
                List<Binding> kept = new ArrayList<>(list.size());
                for (Binding b : list) {
                    if (b.expired(now)) {
                        removed[0]++;
                    } else {
                        kept.add(b);
                    }
                }
                if (kept.size() == list.size()) {
                    return list;
                }
                return kept.isEmpty() ? null : List.copyOf(kept);
            });
        }
        return removed[0];
    }

    @Override
    public Map<String, List<Binding>> loadAll() {
        return new HashMap<>(index);
    }

    @Override
    public int count(long now) {
        int n = 0;
        for (List<Binding> list : index.values()) {
            for (Binding b : list) {
                if (!b.expired(now)) {
                    n++;
                }
            }
        }
        return n;
    }

    /**
     * Replaces the whole index with the given content (start-up load from the database).
     *
     * @param all AOR to bindings
     */
    @Override
    public void replaceAll(Map<String, List<Binding>> all) {
        index.clear();
        all.forEach(this::put);
    }

    @Override
    public boolean isEmpty() {
        return index.isEmpty();
    }
}
