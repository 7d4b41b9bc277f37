package org.olelo.core.transport;

import java.util.Locale;

/**
 * One listening point: transport, host and port, parsed from {@code udp:HOST:PORT} or
 * {@code tcp:[IPv6]:PORT}.
 *
 * @param transport upper-case transport kind ("UDP", "TCP", or the kind of a
 *                  {@code org.olelo.core.spi.TransportFactory} on the class path: the core checks
 *                  that one exists when it starts)
 * @param host      literal address or host name to bind
 * @param port      port to bind; 0 picks a free port
 */
public record ListenAddress(String transport, String host, int port) {

    /** Checks that the transport is a name (ASCII letters and digits) and the port range. */
    public ListenAddress {
        transport = transport.toUpperCase(Locale.ROOT);
        if (transport.isEmpty() || !transport.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
            throw new IllegalArgumentException("transport '" + transport.toLowerCase(Locale.ROOT)
                    + "' is not a name such as udp or tcp");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " out of range 0-65535");
        }
    }

    /**
     * Parses {@code transport:host:port}; an IPv6 host is written in brackets.
     *
     * @throws IllegalArgumentException naming what was expected
     */
    public static ListenAddress parse(String text) {
        int first = text.indexOf(':');
        int last = text.lastIndexOf(':');
        if (first <= 0 || last == first) {
            throw new IllegalArgumentException("listen address '" + text + "': expected transport:host:port, e.g. udp:127.0.0.1:5060");
        }
        String host = text.substring(first + 1, last);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(last + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("listen address '" + text + "': port is not a number");
        }
        return new ListenAddress(text.substring(0, first), host, port);
    }

    @Override
    public String toString() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return transport.toLowerCase(Locale.ROOT) + ":" + h + ":" + port;
    }
}
