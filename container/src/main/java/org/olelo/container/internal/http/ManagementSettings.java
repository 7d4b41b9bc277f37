package org.olelo.container.internal.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Settings of the operations plane: the HTTP listener, the token of the management endpoints and
 * the drain time of a shutdown requested through them.
 *
 * <p>Immutable value; any thread.
 *
 * @param httpListen           where the HTTP listener binds ({@code http.listen}), unresolved;
 *                             null when it is off
 * @param token                the bearer token every management request must carry
 *                             ({@code management.token}); empty: none, and then only loopback
 *                             clients are served
 * @param shutdownDrainSeconds how long {@code core.shutdown} waits for transactions to finish
 *                             before the server stops ({@code shutdown.drain.seconds})
 */
public record ManagementSettings(InetSocketAddress httpListen, String token, long shutdownDrainSeconds) {

    /** The default HTTP address: the loopback interface, port 8080. */
    public static final InetSocketAddress DEFAULT_LISTEN = InetSocketAddress.createUnresolved("127.0.0.1", 8080);
    /** The default drain time of {@code core.shutdown}, in seconds. */
    public static final long DEFAULT_SHUTDOWN_DRAIN_SECONDS = 30;

    /** Turns a null token into the empty one. */
    public ManagementSettings {
        token = token == null ? "" : token;
    }

    /** HTTP on 127.0.0.1:8080, no token, 30 s of drain. */
    public static ManagementSettings defaults() {
        return new ManagementSettings(DEFAULT_LISTEN, "", DEFAULT_SHUTDOWN_DRAIN_SECONDS);
    }

    /** A copy with the HTTP listener off (tests, embedded servers). */
    public ManagementSettings withoutHttp() {
        return new ManagementSettings(null, token, shutdownDrainSeconds);
    }

    /** A copy with another HTTP address (null: off). */
    public ManagementSettings withHttpListen(InetSocketAddress address) {
        return new ManagementSettings(address, token, shutdownDrainSeconds);
    }

    /** A copy with another token (empty: none). */
    public ManagementSettings withToken(String t) {
        return new ManagementSettings(httpListen, t, shutdownDrainSeconds);
    }

    /** @return whether a token is set */
    public boolean hasToken() {
        return !token.isEmpty();
    }

    /** @return {@code host:port} of the HTTP listener as configured, or the empty text when it is off */
    public String listenText() {
        if (httpListen == null) {
            return "";
        }
        String host = httpListen.getHostString();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + httpListen.getPort();
    }

    /**
     * Whether a listening host only accepts connections from this machine: a loopback address, or
     * a name that resolves to one ({@code localhost}). A wildcard address ({@code 0.0.0.0},
     * {@code ::}) or a name that does not resolve is not.
     *
     * @param host the host as configured
     * @return true for a loopback host
     */
    public static boolean isLoopbackHost(String host) {
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
