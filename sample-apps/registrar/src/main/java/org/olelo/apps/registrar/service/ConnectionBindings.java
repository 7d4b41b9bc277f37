package org.olelo.apps.registrar.service;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.olelo.apps.registrar.spi.Binding;
import org.olelo.apps.registrar.spi.LocationStore;
import org.olelo.apps.registrar.spi.StoreException;

/**
 * The bindings that can only be reached through the connection their REGISTER came over: those
 * registered over a WebSocket ({@code ws}, {@code wss}; a browser cannot be called any other way).
 * When the container reports such a connection closed, its bindings are removed at once instead
 * of lingering until they expire, so that a call to the user gets 480 rather than a timeout.
 *
 * <p>An index from connection ({@code transport} and {@code received}) to the AORs registered over
 * it, filled by the {@link Registrar} as it stores bindings, and emptied per connection when it
 * closes: its size follows the open WebSocket connections. Thread-safe; {@link #closed} takes the
 * registrar's lock of each AOR and blocks on the store.
 */
public final class ConnectionBindings {

    private final ConcurrentHashMap<String, Set<String>> aorsByConnection = new ConcurrentHashMap<>();
    private final LocationStore store;
    private final Function<String, ReentrantLock> locks;

    /**
     * @param store where bindings are kept
     * @param locks the registrar's lock of an AOR key
     */
    ConnectionBindings(LocationStore store, Function<String, ReentrantLock> locks) {
        this.store = store;
        this.locks = locks;
    }

    /** Whether a binding registered over this transport (lower case) goes with its connection. */
    static boolean dependsOnConnection(String transport) {
        return "ws".equals(transport) || "wss".equals(transport);
    }

    /** Notes the connections of an AOR's new bindings; called under the AOR's lock. */
    void stored(String aor, List<Binding> bindings) {
        for (Binding b : bindings) {
            if (b.received() != null && dependsOnConnection(b.transport())) {
                aorsByConnection.computeIfAbsent(key(b.transport(), b.received()), k -> ConcurrentHashMap.newKeySet()).add(aor);
            }
        }
    }

    /**
     * A connection closed: removes the bindings registered over it.
     *
     * @param transport the connection's transport, any case
     * @param received  its peer as {@code sip:HOST:PORT}
     * @return how many bindings were removed
     * @throws StoreException when the store cannot be read or written (the rest are still tried)
     */
    public int closed(String transport, String received) throws StoreException {
        String t = transport.toLowerCase(Locale.ROOT);
        Set<String> aors = aorsByConnection.remove(key(t, received));
        if (aors == null) {
            return 0;
        }
        int removed = 0;
        StoreException failed = null;
        for (String aor : aors) {
            ReentrantLock lock = locks.apply(aor);
            lock.lock();
            try {
                List<Binding> current = store.get(aor);
                List<Binding> kept = current.stream().filter(b -> !(t.equals(b.transport()) && received.equals(b.received())))
                        .toList();
                if (kept.size() != current.size()) {
                    store.put(aor, kept);
                    removed += current.size() - kept.size();
                }
            } catch (StoreException e) {
                failed = e;
            } finally {
                lock.unlock();
            }
        }
        if (failed != null) {
            throw failed;
        }
        return removed;
    }

    /** Connections with bindings noted (tests). */
    int size() {
        return aorsByConnection.size();
    }

    private static String key(String transport, String received) {
        return transport + " " + received;
    }
}
