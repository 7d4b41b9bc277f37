package org.olelo.core.internal.transport;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.olelo.core.spi.TransportFactory;

/**
 * The transport factories found on the class path, by kind. Read once per start of the core, on
 * the starting thread; immutable afterwards.
 */
public final class TransportFactories {

    private final Map<String, TransportFactory> byKind;

    private TransportFactories(Map<String, TransportFactory> byKind) {
        this.byKind = Collections.unmodifiableMap(byKind);
    }

    /**
     * The factories {@link ServiceLoader} finds with the core's class loader.
     *
     * @throws IllegalStateException when two factories claim one kind, or one cannot be loaded
     *                               (the message names them)
     */
    public static TransportFactories installed() {
        Map<String, TransportFactory> m = new TreeMap<>();
        try {
            for (TransportFactory f : ServiceLoader.load(TransportFactory.class, TransportFactory.class.getClassLoader())) {
                String kind = f.kind().toUpperCase(Locale.ROOT);
                TransportFactory before = m.putIfAbsent(kind, f);
                if (before != null) {
                    throw new IllegalStateException("two transport factories for " + kind.toLowerCase(Locale.ROOT) + ": "
                            + before.getClass().getName() + " and " + f.getClass().getName());
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("a transport factory cannot be loaded: " + e.getMessage(), e);
        }
        return new TransportFactories(m);
    }

    /** The known kinds, upper case, sorted. */
    public java.util.Set<String> kinds() {
        return byKind.keySet();
    }

    /**
     * The factory of a kind.
     *
     * @throws IllegalArgumentException for an unknown kind, naming the known ones
     */
    public TransportFactory forKind(String kind) {
        TransportFactory f = byKind.get(kind.toUpperCase(Locale.ROOT));
        if (f == null) {
            throw new IllegalArgumentException("unknown transport '" + kind.toLowerCase(Locale.ROOT)
                    + "': this server knows " + String.join(", ", kinds()).toLowerCase(Locale.ROOT));
        }
        return f;
    }
}
