package org.olelo.apps.registrar.service;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The domains this registrar is responsible for: a configured list plus the hosts of the
 * container's listening points, read each time (they are published once the listeners are bound,
 * possibly after the application started). Host names compare without case, a trailing dot and
 * IPv6 brackets. Safe for concurrent use; never blocks.
 */
public final class LocalDomains {

    private final Set<String> configured;
    private final Supplier<? extends Collection<String>> live;

    /**
     * @param configured the configured domains
     * @param live       supplies the current listening-point hosts (may return an empty list)
     */
    public LocalDomains(Collection<String> configured, Supplier<? extends Collection<String>> live) {
        Set<String> s = new LinkedHashSet<>();
        for (String d : configured) {
            if (!d.isBlank()) {
                s.add(normalise(d));
            }
        }
        this.configured = Set.copyOf(s);
        this.live = live;
    }

    /**
     * @param domains the domains
     * @return a fixed list with no listening-point hosts (for tests and tools)
     */
    public static LocalDomains of(String... domains) {
        return new LocalDomains(List.of(domains), List::of);
    }

    /**
     * @param host a host name or address, or null
     * @return whether it is one of ours
     */
    public boolean isLocal(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String h = normalise(host);
        if (configured.contains(h)) {
            return true;
        }
        for (String l : live.get()) {
            if (l != null && normalise(l).equals(h)) {
                return true;
            }
        }
        return false;
    }

    /** @return the configured domains, normalised */
    public Set<String> configured() {
        return configured;
    }

    /**
     * @param host a host
     * @return it in lower case, without IPv6 brackets and trailing dot
     */
    static String normalise(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.endsWith(".") && h.length() > 1) {
            h = h.substring(0, h.length() - 1);
        }
        return h;
    }
}
