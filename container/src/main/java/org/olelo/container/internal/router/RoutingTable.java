package org.olelo.container.internal.router;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parsed routing file: tuples per SIP method, plus the {@code ALL} fallback.
 * Immutable, swapped as a whole on reload; any thread.
 *
 * @param byMethod tuples keyed by upper-case method name (or {@code ALL}), in file order
 */
public record RoutingTable(Map<String, List<RouteTuple>> byMethod) {

    /** The key that applies to methods without their own line. */
    public static final String ALL = "ALL";

    /** The table of an empty or missing file. */
    public static final RoutingTable EMPTY = new RoutingTable(Map.of());

    /** Freezes the map. */
    public RoutingTable {
        byMethod = Map.copyOf(byMethod);
    }

    /**
     * @param method a SIP method
     * @return the key whose tuples apply to it: the method itself, else {@code ALL}, else null
     */
    public String keyFor(String method) {
        String m = method.toUpperCase(Locale.ROOT);
        if (byMethod.containsKey(m)) {
            return m;
        }
        return byMethod.containsKey(ALL) ? ALL : null;
    }

    /** @return the tuples of a key, empty when there is none */
    public List<RouteTuple> tuples(String key) {
        return key == null ? List.of() : byMethod.getOrDefault(key, List.of());
    }
}
