package org.olelo.apps.registrar.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.olelo.api.cluster.SharedMap;
import org.olelo.apps.registrar.spi.Binding;
import org.olelo.apps.registrar.spi.StoreException;

/**
 * The location index shared by every node of a cluster: each AOR's bindings are one value of a
 * {@link SharedMap} (replicated synchronously), so a binding written by the node that took the
 * REGISTER is on every node before the 200 is sent, and survives the death of that node.
 *
 * <p>Two nodes that write one AOR at the same moment (two devices of one user registering
 * through two nodes) do not merge: the last write wins and the other binding comes back with the
 * device's next refresh. The expiry cleanup runs on every node and removes a binding only with a
 * conditional write, so it never undoes a registration another node made meanwhile.
 *
 * <p>Safe for concurrent use from any thread. Reads are local; writes block until every member
 * has the value.
 */
public final class SharedLocationStore implements LocationIndex {

    private final SharedMap map;

    /** @param map the shared map holding AOR to encoded bindings */
    public SharedLocationStore(SharedMap map) {
        this.map = map;
    }

    @Override
    public List<Binding> get(String aor) throws StoreException {
        byte[] bytes = map.get(aor);
        return bytes == null ? List.of() : decode(aor, bytes);
    }

    @Override
    public void put(String aor, List<Binding> bindings) throws StoreException {
        try {
            if (bindings.isEmpty()) {
                map.remove(aor);
            } else {
                map.put(aor, BindingCodec.encode(bindings));
            }
        } catch (IllegalStateException e) {
            throw new StoreException("the cluster could not store the bindings of " + aor, e);
        }
    }

    @Override
    public void remove(String aor) throws StoreException {
        put(aor, List.of());
    }

    @Override
    public int removeExpired(long now) throws StoreException {
        int removed = 0;
        for (String aor : map.keys()) {
            byte[] bytes = map.get(aor);
            if (bytes == null) {
                continue;
            }
            List<Binding> list = decode(aor, bytes);
            List<Binding> kept = new ArrayList<>(list.size());
            for (Binding b : list) {
                if (!b.expired(now)) {
                    kept.add(b);
                }
            }
            if (kept.size() == list.size()) {
                continue;
            }
            try {
                // only if unchanged since read: a registration another node made meanwhile stays
                if (map.replace(aor, bytes, kept.isEmpty() ? null : BindingCodec.encode(kept))) {
                    removed += list.size() - kept.size();
                }
            } catch (IllegalStateException e) {
                throw new StoreException("the cluster could not remove expired bindings of " + aor, e);
            }
        }
        return removed;
    }

    @Override
    public Map<String, List<Binding>> loadAll() throws StoreException {
        Map<String, List<Binding>> all = new HashMap<>();
        for (String aor : map.keys()) {
            List<Binding> list = get(aor);
            if (!list.isEmpty()) {
                all.put(aor, list);
            }
        }
        return all;
    }

    @Override
    public int count(long now) throws StoreException {
        int n = 0;
        for (List<Binding> list : loadAll().values()) {
            for (Binding b : list) {
                if (!b.expired(now)) {
                    n++;
                }
            }
        }
        return n;
    }

    @Override
    public void replaceAll(Map<String, List<Binding>> all) {
        all.forEach((aor, list) -> {
            if (!list.isEmpty()) {
                map.put(aor, BindingCodec.encode(list));
            }
        });
    }

    @Override
    public boolean isEmpty() {
        return map.size() == 0;
    }

    private static List<Binding> decode(String aor, byte[] bytes) throws StoreException {
        try {
            return BindingCodec.decode(aor, bytes);
        } catch (IOException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }
}
