package org.olelo.core;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import org.olelo.core.internal.net.IpLiterals;
import org.olelo.core.internal.resolve.HostLookups;
import org.olelo.core.routing.Hop;
import org.olelo.core.routing.LocalAddresses;
import org.olelo.core.routing.NoSecureTransport;
import org.olelo.core.transport.InternalTransport;
import org.olelo.core.transport.Transport;

/**
 * The next-hop stage: where a message goes, as a listening point to send from and a peer address
 * (RFC 3263 §4 for literal addresses and A/AAAA records; NAPTR/SRV are not used yet). A target
 * that names this server is the {@link InternalTransport}.
 *
 * <p>An IP literal is read on the calling thread, without a look-up and without a thread hop; a
 * host name goes to {@link HostLookups}. Threads: the callback forms never block and serve reader
 * threads; {@link #resolve(URI, String)} blocks for a name that is not in the cache, and serves
 * threads that may block.
 */
final class NextHops {

    /** Where a SIP URI points before its host is resolved. */
    private record Target(String transport, String host, int port) {
    }

    private final List<Transport> transports;
    private final LocalAddresses local;
    private final Supplier<InternalTransport> internal;
    private final HostLookups lookups;

    /**
     * @param transports the started listening points (a live list)
     * @param internal   the path to this server itself, null before the start
     */
    NextHops(List<Transport> transports, LocalAddresses local, Supplier<InternalTransport> internal, HostLookups lookups) {
        this.transports = transports;
        this.local = local;
        this.internal = internal;
        this.lookups = lookups;
    }

    /** See {@link SipCore#resolve(URI, String)}; blocks for a name that is not in the cache. */
    Hop resolve(URI target, String defaultTransport) throws UnknownHostException {
        Hop self = selfHop(target);
        if (self != null) {
            return self;
        }
        Target t = target((SipURI) target, defaultTransport);
        InetAddress a = IpLiterals.parse(t.host());
        return hop(t, a != null ? a : lookups.lookup(t.host())[0]);
    }

    /** See {@link SipCore#resolve(URI, String, Consumer, Consumer)}; never blocks. */
    void resolve(URI target, String defaultTransport, Consumer<Hop> then, Consumer<UnknownHostException> failed) {
        Target t;
        InetAddress literal;
        try {
            Hop self = selfHop(target);
            if (self != null) {
                then.accept(self);
                return;
            }
            t = target((SipURI) target, defaultTransport);
            literal = IpLiterals.parse(t.host());
        } catch (UnknownHostException e) {
            failed.accept(e);
            return;
        }
        if (literal != null) {
            deliver(t, literal, then, failed);
            return;
        }
        lookups.lookup(t.host(), (found, e) -> {
            if (e != null) {
                failed.accept(e);
            } else {
                deliver(t, found[0], then, failed);
            }
        });
    }

    /**
     * The address of a host as a Via names it, without blocking: {@code then} gets the address or
     * the failure, at once for an IP literal or a cached name, else on a look-up thread.
     */
    void address(String host, BiConsumer<InetAddress, UnknownHostException> then) {
        InetAddress literal;
        try {
            literal = IpLiterals.parse(host);
        } catch (UnknownHostException e) {
            then.accept(null, e);
            return;
        }
        if (literal != null) {
            then.accept(literal, null);
        } else {
            lookups.lookup(host, (found, e) -> then.accept(found == null ? null : found[0], e));
        }
    }

    private void deliver(Target t, InetAddress a, Consumer<Hop> then, Consumer<UnknownHostException> failed) {
        Hop h;
        try {
            h = hop(t, a);
        } catch (UnknownHostException e) {
            failed.accept(e);
            return;
        }
        then.accept(h);
    }

    /** The internal hop when the target names this server, null for another SIP target. */
    private Hop selfHop(URI target) throws UnknownHostException {
        if (!(target instanceof SipURI su)) {
            throw new UnknownHostException("cannot route to a " + target.getScheme() + " URI");
        }
        InternalTransport self = internal.get();
        if (self != null && local.isLocal(su.getMAddrParam() != null ? su.getMAddrParam() : su.getHost(), su.getPort(),
                su.getTransportParam())) {
            return new Hop(self, self.localAddress()); // the next hop is this server: no socket
        }
        return null;
    }

    private Target target(SipURI su, String defaultTransport) throws NoSecureTransport {
        String[] alias = WebSocketContacts.target(su);
        if (alias != null) {
            return new Target(alias[0], stripBrackets(alias[1]), Integer.parseInt(alias[2]));
        }
        String transport = su.getTransportParam();
        if (su.isSecure()) {
            transport = secureTransport(transport);
        } else if (transport == null) {
            transport = usableDefault(defaultTransport) ? defaultTransport : "UDP";
        }
        String host = stripBrackets(su.getMAddrParam() != null ? su.getMAddrParam() : su.getHost());
        transport = transport.toUpperCase(Locale.ROOT);
        int port = su.getPort() > 0 ? su.getPort() : defaultPort(transport, su.isSecure());
        return new Target(transport, host, port);
    }

    /**
     * Whether a URI without a transport may go over the transport its request came in on: when this
     * server listens on it, and it is no WebSocket (a WebSocket listening point only answers the
     * browsers connected to it; a URI meant for one says {@code transport=ws}).
     */
    private boolean usableDefault(String defaultTransport) {
        return defaultTransport != null && !defaultTransport.equalsIgnoreCase("WS") && !defaultTransport.equalsIgnoreCase("WSS")
                && hasTransport(defaultTransport);
    }

    /** RFC 7118 §4.1: a WebSocket URI without a port means the HTTP ports; RFC 3261 §19.1.2 otherwise. */
    private static int defaultPort(String transport, boolean secure) {
        return switch (transport) {
            case "WS" -> 80;
            case "WSS" -> 443;
            default -> secure ? 5061 : 5060;
        };
    }

    /**
     * The transport of a {@code sips:} URI (RFC 3261 §26.2.2, RFC 5630 §3.1.3): TLS, also for
     * {@code transport=tcp} (TLS runs over TCP); WSS when named; never an insecure one.
     */
    private static String secureTransport(String param) throws NoSecureTransport {
        if (param == null || param.equalsIgnoreCase("tcp") || param.equalsIgnoreCase("tls")) {
            return "TLS";
        }
        if (NoSecureTransport.secure(param)) {
            return param;
        }
        throw new NoSecureTransport("a sips: URI is not sent over " + param.toLowerCase(Locale.ROOT));
    }

    private Hop hop(Target target, InetAddress addr) throws UnknownHostException {
        Transport t = transport(target.transport(), addr);
        if (t == null && NoSecureTransport.secure(target.transport())) {
            throw new NoSecureTransport("no " + target.transport() + " listening point for a sips: target");
        }
        if (t == null) {
            throw new UnknownHostException("no " + target.transport() + " listening point for " + addr.getHostAddress());
        }
        return new Hop(t, new InetSocketAddress(addr, target.port()));
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
