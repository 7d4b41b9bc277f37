package org.olelo.core;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import org.olelo.core.routing.Hop;
import org.olelo.core.routing.LocalAddresses;
import org.olelo.core.routing.Resolver;
import org.olelo.core.transport.InternalTransport;
import org.olelo.core.transport.Transport;

/**
 * The next-hop stage: where a message goes, as a listening point to send from and a peer address
 * (RFC 3263 §4 for literal addresses and A/AAAA records; NAPTR/SRV are not used yet). A target
 * that names this server is the {@link InternalTransport}.
 */
final class NextHops {

    private final List<Transport> transports;
    private final LocalAddresses local;
    private final Supplier<InternalTransport> internal;
    private final Resolver resolver;

    /**
     * @param transports the started listening points (a live list)
     * @param internal   the path to this server itself, null before the start
     */
    NextHops(List<Transport> transports, LocalAddresses local, Supplier<InternalTransport> internal, Resolver resolver) {
        this.transports = transports;
        this.local = local;
        this.internal = internal;
        this.resolver = resolver;
    }

    /** See {@link SipCore#resolve(URI, String)}. */
    Hop resolve(URI target, String defaultTransport) throws UnknownHostException {
        if (!(target instanceof SipURI su)) {
            throw new UnknownHostException("cannot route to a " + target.getScheme() + " URI");
        }
        InternalTransport self = internal.get();
        if (self != null && local.isLocal(su.getMAddrParam() != null ? su.getMAddrParam() : su.getHost(), su.getPort(),
                su.getTransportParam())) {
            return new Hop(self, self.localAddress()); // the next hop is this server: no socket
        }
        String transport = su.getTransportParam();
        if (transport == null) {
            transport = su.isSecure() ? "TLS" : defaultTransport != null && hasTransport(defaultTransport) ? defaultTransport : "UDP";
        }
        transport = transport.toUpperCase(Locale.ROOT);
        String host = su.getMAddrParam() != null ? su.getMAddrParam() : su.getHost();
        host = stripBrackets(host);
        int port = su.getPort() > 0 ? su.getPort() : (su.isSecure() ? 5061 : 5060);
        InetAddress addr = resolver.resolve(host)[0];
        Transport t = transport(transport, addr);
        if (t == null) {
            throw new UnknownHostException("no " + transport + " listening point for " + addr.getHostAddress());
        }
        return new Hop(t, new InetSocketAddress(addr, port));
    }

    /** Addresses of a host, best first. */
    InetAddress[] addresses(String host) throws UnknownHostException {
        return resolver.resolve(host);
    }

    private boolean hasTransport(String name) {
        for (Transport t : transports) {
            if (t.name().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** A listening point of the given transport whose address family fits the destination, or null. */
    Transport transport(String name, InetAddress destination) {
        boolean v6 = destination instanceof Inet6Address;
        Transport fallback = null;
        for (Transport t : transports) {
            if (!t.name().equalsIgnoreCase(name)) {
                continue;
            }
            if ((t.localAddress().getAddress() instanceof Inet6Address) == v6) {
                return t;
            }
            if (fallback == null) {
                fallback = t;
            }
        }
        return fallback;
    }

    /** A host without the brackets of an IPv6 reference. */
    static String stripBrackets(String h) {
        return h != null && h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }
}
