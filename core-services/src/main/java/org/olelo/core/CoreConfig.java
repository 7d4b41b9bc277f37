package org.olelo.core;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.olelo.core.flood.FloodSettings;
import org.olelo.core.transaction.TimerSettings;
import org.olelo.core.transport.ListenAddress;
import org.olelo.core.transport.TcpLimits;

/**
 * Typed configuration of the SIP core, with defaults in {@link #defaults()}.
 *
 * @param listen             listening points (several allowed; IPv4 and IPv6)
 * @param aliases            extra host names that denote this server (e.g. {@code localhost})
 * @param udpReaders         reader threads per UDP listening point (default 2: one per core here;
 *                           more only queue on the socket lock)
 * @param udpBufferBytes     SO_RCVBUF/SO_SNDBUF for UDP sockets (default 4 MiB: absorbs bursts at
 *                           thousands of messages per second)
 * @param maxMessageBytes    largest message accepted (default 65,535)
 * @param connectTimeoutMillis TCP connect timeout for outgoing connections (default 3,000)
 * @param timers             RFC 3261 T1/T2/T4
 * @param proxyRequireSupported option tags accepted in Proxy-Require (default none: RFC 3261 §16.3
 *                           rejects the rest with 420)
 * @param tcp                connection cap and timeouts of TCP listening points
 * @param flood              flood detection per source address (Kamailio's pike)
 * @param extensions         settings of transport plug-ins and other extensions, by their key as
 *                           written in the configuration (e.g. {@code tls.certificate}); each
 *                           plug-in reads and checks its own keys
 */
public record CoreConfig(List<ListenAddress> listen, Set<String> aliases, int udpReaders, int udpBufferBytes,
                         int maxMessageBytes, int connectTimeoutMillis, TimerSettings timers,
                         Set<String> proxyRequireSupported, TcpLimits tcp, FloodSettings flood,
                         Map<String, String> extensions) {

    public CoreConfig {
        extensions = Map.copyOf(extensions);
    }

    /** Defaults: UDP and TCP on 127.0.0.1:5060, alias {@code localhost}. */
    public static CoreConfig defaults() {
        return new CoreConfig(List.of(ListenAddress.parse("udp:127.0.0.1:5060"), ListenAddress.parse("tcp:127.0.0.1:5060")),
                Set.of("localhost"), 2, 4 << 20, 65_535, 3_000, TimerSettings.DEFAULT, Set.of(),
                TcpLimits.DEFAULT, FloodSettings.DEFAULT, Map.of());
    }

    /** A copy with other listening points. */
    public CoreConfig withListen(List<ListenAddress> l) {
        return new CoreConfig(l, aliases, udpReaders, udpBufferBytes, maxMessageBytes, connectTimeoutMillis, timers, proxyRequireSupported, tcp, flood, extensions);
    }

    /** A copy with other aliases. */
    public CoreConfig withAliases(Set<String> a) {
        return new CoreConfig(listen, a, udpReaders, udpBufferBytes, maxMessageBytes, connectTimeoutMillis, timers, proxyRequireSupported, tcp, flood, extensions);
    }

    /** A copy with other TCP limits. */
    public CoreConfig withTcp(TcpLimits t) {
        return new CoreConfig(listen, aliases, udpReaders, udpBufferBytes, maxMessageBytes, connectTimeoutMillis, timers,
                proxyRequireSupported, t, flood, extensions);
    }

    /** A copy with other flood detection settings. */
    public CoreConfig withFlood(FloodSettings f) {
        return new CoreConfig(listen, aliases, udpReaders, udpBufferBytes, maxMessageBytes, connectTimeoutMillis, timers,
                proxyRequireSupported, tcp, f, extensions);
    }

    /** A copy with other timer values. */
    public CoreConfig withTimers(TimerSettings t) {
        return new CoreConfig(listen, aliases, udpReaders, udpBufferBytes, maxMessageBytes, connectTimeoutMillis, t, proxyRequireSupported, tcp, flood, extensions);
    }

    /** A copy with other extension settings. */
    public CoreConfig withExtensions(Map<String, String> e) {
        return new CoreConfig(listen, aliases, udpReaders, udpBufferBytes, maxMessageBytes, connectTimeoutMillis, timers,
                proxyRequireSupported, tcp, flood, e);
    }
}
