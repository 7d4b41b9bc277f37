package org.olelo.resolver.dns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code dns.} settings of the locator, parsed and checked, with defaults in code.
 *
 * @param servers          DNS servers to ask, in order ({@code dns.servers}); empty: those of the
 *                         operating system ({@code /etc/resolv.conf})
 * @param timeoutMillis    how long one query waits for one server ({@code dns.timeout.ms}, 2,000)
 * @param retries          how many times a query is sent again before it fails ({@code dns.retries}, 1)
 * @param cacheEntries     answers kept at most ({@code dns.cache.entries}, 4,096; rounded up to a
 *                         power of two)
 * @param negativeTtlSeconds how long "no such name" or "no such record" is kept at most
 *                         ({@code dns.negative.ttl.seconds}, 30)
 * @param enumSuffix       the ENUM domain under which numbers are looked up ({@code dns.enum.suffix},
 *                         {@code e164.arpa})
 */
public record DnsSettings(List<InetSocketAddress> servers, int timeoutMillis, int retries, int cacheEntries,
                          int negativeTtlSeconds, String enumSuffix) {

    /** How long a failed query (timeout, server failure) is kept before it is tried again, in seconds. */
    public static final int FAILURE_TTL_SECONDS = 5;

    public DnsSettings {
        servers = List.copyOf(servers);
    }

    /** The defaults: the system's servers, 2 s, 1 retry, 4,096 entries, 30 s, {@code e164.arpa}. */
    public static DnsSettings defaults() {
        return new DnsSettings(List.of(), 2_000, 1, 4_096, 30, "e164.arpa");
    }

    /**
     * Reads the {@code dns.} keys of the raw settings; a key that is absent or empty keeps its default.
     *
     * @throws IOException naming the key whose value is wrong
     */
    public static DnsSettings parse(Map<String, String> raw) throws IOException {
        DnsSettings d = defaults();
        return new DnsSettings(servers(raw.getOrDefault("dns.servers", "")),
                number(raw, "dns.timeout.ms", d.timeoutMillis(), 1, 60_000),
                number(raw, "dns.retries", d.retries(), 0, 10),
                number(raw, "dns.cache.entries", d.cacheEntries(), 16, 1 << 20),
                number(raw, "dns.negative.ttl.seconds", d.negativeTtlSeconds(), 0, 86_400),
                suffix(raw.getOrDefault("dns.enum.suffix", "")));
    }

    /** The longest a caller waits for one query, all servers and retries included, in milliseconds. */
    public long queryBudgetMillis(int serverCount) {
        return (long) timeoutMillis * (retries + 1) * Math.max(1, serverCount) + 100;
    }

    private static List<InetSocketAddress> servers(String value) throws IOException {
        List<InetSocketAddress> l = new ArrayList<>();
        for (String s : value.split(",")) {
            s = s.trim();
            if (s.isEmpty()) {
                continue;
            }
            String host = s;
            int port = 53;
            int colon = s.lastIndexOf(':');
            if (s.startsWith("[")) {
                int close = s.indexOf(']');
                if (close < 0) {
                    throw new IOException("dns.servers: " + s + " is not host[:port]");
                }
                host = s.substring(1, close);
                if (close + 1 < s.length()) {
                    port = port(s.substring(close + 2), s);
                }
            } else if (colon > 0 && s.indexOf(':') == colon) {
                host = s.substring(0, colon);
                port = port(s.substring(colon + 1), s);
            }
            if (!host.matches("[0-9a-fA-F.:]+")) {
                throw new IOException("dns.servers: " + s + " is not an IP address (a DNS server must be given by address)");
            }
            try {
                // an IP literal (checked above): no look-up is made
                l.add(new InetSocketAddress(java.net.InetAddress.getByName(host), port));
            } catch (java.net.UnknownHostException e) {
                throw new IOException("dns.servers: " + s + " is not an IP address");
            }
        }
        return l;
    }

    private static int port(String p, String whole) throws IOException {
        try {
            int v = Integer.parseInt(p);
            if (v > 0 && v < 65_536) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IOException("dns.servers: " + whole + " has no valid port");
    }

    private static int number(Map<String, String> raw, String key, int def, int min, int max) throws IOException {
        String v = raw.getOrDefault(key, "").trim();
        if (v.isEmpty()) {
            return def;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IOException(key + ": " + v + " is not a number from " + min + " to " + max);
    }

    private static String suffix(String v) throws IOException {
        v = v.trim();
        if (v.isEmpty()) {
            return "e164.arpa";
        }
        if (v.endsWith(".")) {
            v = v.substring(0, v.length() - 1);
        }
        if (!v.matches("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*")) {
            throw new IOException("dns.enum.suffix: " + v + " is not a domain name");
        }
        return v;
    }
}
