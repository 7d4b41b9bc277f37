package org.olelo.cluster;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code cluster.*} keys, parsed: the cluster this node joins, where it listens for the other
 * members and how fast it declares a silent member dead. Built from the raw values the container
 * hands through ({@link #parse}); immutable.
 *
 * @param name           the cluster's name; nodes join only a cluster of the same name. Empty:
 *                       clustering is off and nothing of this module starts
 * @param bind           where this node listens for the other members (JGroups over TCP); the
 *                       next port ({@code bind} + 1) takes the failure-detection socket
 * @param members        the addresses of the members to contact when joining (static discovery,
 *                       TCPPING); this node's own address may be among them
 * @param failureMillis  how long a member may stay silent before it is suspected (FD_ALL3); a
 *                       member whose process dies is noticed at once through its closed
 *                       failure-detection socket (FD_SOCK2), whatever this value
 */
public record ClusterSettings(String name, InetSocketAddress bind, List<InetSocketAddress> members, long failureMillis) {

    /** Key of the cluster name. */
    public static final String NAME = "cluster.name";
    /** Key of the listening address. */
    public static final String BIND = "cluster.bind";
    /** Key of the member list. */
    public static final String MEMBERS = "cluster.members";
    /** Key of the silence after which a member is suspected. */
    public static final String FAILURE_MILLIS = "cluster.failure.timeout.millis";
    /** Default listening address. */
    public static final String DEFAULT_BIND = "127.0.0.1:7800";
    /** Default silence after which a member is suspected, in milliseconds. */
    public static final long DEFAULT_FAILURE_MILLIS = 3000;

    /** Freezes the member list and checks the values. */
    public ClusterSettings {
        members = List.copyOf(members);
        if (failureMillis < 500) {
            throw new IllegalArgumentException(FAILURE_MILLIS + " must be at least 500, not " + failureMillis);
        }
    }

    /**
     * @param raw the configuration's {@code cluster.*} keys (others are ignored); absent keys take
     *            their defaults
     * @return the settings
     * @throws IllegalArgumentException naming the key whose value is malformed
     */
    public static ClusterSettings parse(Map<String, String> raw) {
        String name = raw.getOrDefault(NAME, "").trim();
        InetSocketAddress bind = address(BIND, raw.getOrDefault(BIND, "").isBlank() ? DEFAULT_BIND : raw.get(BIND));
        List<InetSocketAddress> members = new ArrayList<>();
        for (String part : raw.getOrDefault(MEMBERS, "").split(",")) {
            if (!part.isBlank()) {
                members.add(address(MEMBERS, part));
            }
        }
        long failure = DEFAULT_FAILURE_MILLIS;
        String f = raw.getOrDefault(FAILURE_MILLIS, "").trim();
        if (!f.isEmpty()) {
            try {
                failure = Long.parseLong(f);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(FAILURE_MILLIS + ": expected milliseconds but found '" + f + "'");
            }
        }
        return new ClusterSettings(name, bind, members, failure);
    }

    /** @return whether clustering is on ({@code cluster.name} set) */
    public boolean enabled() {
        return !name.isEmpty();
    }

    /** @return this node's name in the cluster: its listening address as {@code HOST:PORT} */
    public String nodeName() {
        return text(bind);
    }

    /** @return an address as {@code HOST:PORT}, an IPv6 host in brackets */
    static String text(InetSocketAddress a) {
        String host = a.getHostString();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    private static InetSocketAddress address(String key, String value) {
        String v = value.trim();
        int colon = v.lastIndexOf(':');
        if (colon <= 0 || colon == v.length() - 1) {
            throw new IllegalArgumentException(key + ": expected HOST:PORT but found '" + v + "'");
        }
        String host = v.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(v.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": expected HOST:PORT but found '" + v + "'");
        }
        if (port < 1 || port > 65534) {
            throw new IllegalArgumentException(key + ": port must be 1 to 65534 in '" + v + "'");
        }
        return InetSocketAddress.createUnresolved(host, port);
    }
}
