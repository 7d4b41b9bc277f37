package org.olelo.core.routing;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.olelo.core.transport.Transport;

/**
 * Knows which URIs point at this server: the advertised and bound addresses of every listening
 * point, plus configured aliases (names under which the server is reached, e.g. {@code localhost}).
 * An alias matches on any of our ports. Thread-safe; read on every request.
 */
public final class LocalAddresses {

    private final List<Transport> transports = new CopyOnWriteArrayList<>();
    private final Set<String> aliases;

    /** @param aliases host names or addresses that also denote this server (lower case) */
    public LocalAddresses(Set<String> aliases) {
        this.aliases = aliases.stream().map(a -> strip(a.toLowerCase(Locale.ROOT))).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Adds a started listening point. */
    public void add(Transport t) {
        transports.add(t);
    }

    /** True if {@code host:port} (port -1 meaning the default) names this server. */
    public boolean isLocal(String host, int port, String transportParam) {
        if (host == null) {
            return false;
        }
        String h = strip(host.toLowerCase(Locale.ROOT));
        int p = port > 0 ? port : 5060;
        for (Transport t : transports) {
            if (t.advertisedPort() != p && t.localAddress().getPort() != p) {
                continue;
            }
            if (h.equals(strip(t.advertisedHost().toLowerCase(Locale.ROOT)))
                    || h.equals(strip(t.localAddress().getAddress().getHostAddress().toLowerCase(Locale.ROOT)))
                    || aliases.contains(h)) {
                return true;
            }
        }
        return false;
    }

    /** True if the host alone (any port) is one of ours: used to decide whether a domain is local. */
    public boolean isLocalHost(String host) {
        if (host == null) {
            return false;
        }
        String h = strip(host.toLowerCase(Locale.ROOT));
        if (aliases.contains(h)) {
            return true;
        }
        for (Transport t : transports) {
            if (h.equals(strip(t.advertisedHost().toLowerCase(Locale.ROOT)))
                    || h.equals(strip(t.localAddress().getAddress().getHostAddress().toLowerCase(Locale.ROOT)))) {
                return true;
            }
        }
        return false;
    }

    private static String strip(String h) {
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        int pct = h.indexOf('%');
        return pct >= 0 ? h.substring(0, pct) : h;
    }
}
