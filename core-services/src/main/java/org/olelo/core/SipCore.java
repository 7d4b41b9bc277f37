package org.olelo.core;

import gov.nist.javax.sip.header.RouteList;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import org.olelo.core.internal.flood.FloodGuard;
import org.olelo.core.internal.resolve.HostLookups;
import org.olelo.core.internal.stats.StatisticsReporters;
import org.olelo.core.internal.transport.CoreTransportContext;
import org.olelo.core.internal.transport.TransportFactories;
import org.olelo.core.message.SipMessages;
import org.olelo.core.routing.Hop;
import org.olelo.core.routing.LocalAddresses;
import org.olelo.core.routing.RouteTokens;
import org.olelo.core.spi.ConnectionEvents;
import org.olelo.core.spi.Resolver;
import org.olelo.core.spi.SipServerLocator;
import org.olelo.core.spi.TransportContext;
import org.olelo.core.spi.TransportFactory;
import org.olelo.core.stats.CoreStatistics;
import org.olelo.core.tap.MessageTap;
import org.olelo.core.transaction.TransactionLayer;
import org.olelo.core.transaction.TransactionTimers;
import org.olelo.core.transport.InMemoryTransport;
import org.olelo.core.transport.InternalTransport;
import org.olelo.core.transport.ListenAddress;
import org.olelo.core.transport.ListenException;
import org.olelo.core.transport.Transport;

/**
 * The SIP core: listening points, parsing, the checks every element makes, transactions, and the
 * hand-off to the layer above. This class assembles the parts and is the one entry point of the
 * layer above; the work is done by three stages of this package. The path of one received message:
 *
 * <pre>
 *  socket ──► Transport reader thread (a TransportFactory's listening point)
 *               │ bytes
 *  ┌ InboundPath ─────────────────────────────────────────────────────────────────────────────┐
 *  │        FloodGuard (requests per second per source) ──(flooding source)──► dropped       │
 *  │            ▼                                                                             │
 *  │        SipParser ──(malformed request)──► RawReply 400 ──► Transport                    │
 *  │            │ SIPMessage                                                                  │
 *  │  ┌─────────┴───────────┐                                                                 │
 *  │ request             response                                                             │
 *  │  │                     │                                                                 │
 *  │ Via received/rport   TransactionLayer.onResponse ──► ClientTransaction ──► listener      │
 *  │ retransmission? ──► ServerTransaction repeats last response      └─(stray, our Via)─┐    │
 *  │ CoreChecks (505/400/416/483/482/420)                                                │    │
 *  │ ServerTransaction created, 100 Trying for INVITE                                    │    │
 *  │ CANCEL ──► 200/481 + RequestHandler.onCancel                                        │    │
 *  │ RouteEntries (pop our Route entries of one hop, strict-router fix)                  │    │
 *  └──┼──────────────────────────────────────────────────────────────────────────────────┼────┘
 *     ▼                                                                                  ▼
 *  RequestHandler.onRequest / onAck ──► container executor     StatelessForwarding: strip our Via,
 *                                       (virtual threads)      NextHops (the next Via), send
 * </pre>
 *
 * <p>Outbound, the layer above asks {@link NextHops} (through {@link #resolve}) where a request
 * goes, and sends it in a client transaction ({@link #transactions()}) or statelessly
 * ({@link #sendStateless}). A request whose next hop is this server itself goes through the
 * {@link InternalTransport} and comes back in at the top of this path, on that transport's reader
 * thread, one Max-Forwards lower each time.
 *
 * <p>Threads: the inbound path runs on the reader thread of the transport; nothing on it blocks
 * except the non-blocking socket send. Application code never runs on these threads.
 */
public final class SipCore implements AutoCloseable {

    /** Prefix of every branch this server generates; the loop hash follows it. */
    public static final String BRANCH_PREFIX = SipMessages.MAGIC_COOKIE + "olo";

    private final CoreConfig config;
    private final CoreStatistics statistics = new CoreStatistics();
    private final TransactionTimers timers = new TransactionTimers();
    private final TransactionLayer transactions;
    private final LocalAddresses local;
    private final List<Transport> transports = new CopyOnWriteArrayList<>();
    private volatile InternalTransport internal;
    private volatile RouteTokens routeTokens = RouteTokens.ephemeral();
    private final NextHops hops;
    private final StatelessForwarding stateless;
    private final InboundPath inbound;
    private volatile StatisticsReporters reporters;
    private final ConnectionEvents connections = new ConnectionEvents();

    /**
     * @param config   the configuration
     * @param resolver turns host names into addresses; called only off the reader threads, and
     *                 never for an IP literal
     */
    public SipCore(CoreConfig config, Resolver resolver) {
        this.config = config;
        this.transactions = new TransactionLayer(timers, config.timers(), statistics);
        this.local = new LocalAddresses(config.aliases());
        this.hops = new NextHops(transports, local, () -> internal, new HostLookups(resolver, statistics));
        this.stateless = new StatelessForwarding(statistics, transactions, local, hops);
        FloodGuard flood = config.flood().enabled() ? new FloodGuard(config.flood(), statistics) : null;
        this.inbound = new InboundPath(statistics, transactions, local, config.proxyRequireSupported(), flood, stateless);
        this.inbound.setConnectionEvents(connections); // the TCP listening points report through their sink
    }

    /**
     * Locates the SIP servers of host names with {@code locator} (RFC 3263: NAPTR, SRV, A/AAAA)
     * instead of the A/AAAA look-ups of the {@link Resolver}; call before {@link #start}. The
     * core closes it when it closes.
     */
    public void useLocator(SipServerLocator locator) {
        hops.useLocator(locator);
    }

    /** The locator installed by {@link #useLocator}, or null. */
    public SipServerLocator locator() {
        return hops.locator();
    }

    /** Adds an in-memory connector; call before {@link #start}. */
    public void addInMemory(InMemoryTransport t) {
        t.attach(inbound);
        transports.add(t);
    }

    /**
     * Binds the configured listening points, each made by the {@link TransportFactory} of its
     * kind, starts delivering requests to the handler, and starts the
     * {@link org.olelo.core.spi.StatisticsReporter}s on the class path.
     *
     * @throws ListenException when a listening point cannot be opened or its kind is unknown (its
     *                         message names it); the points opened before it stay open until
     *                         {@link #close()}
     */
    public void start(RequestHandler h) throws IOException {
        inbound.setHandler(h);
        TransportFactories factories = TransportFactories.installed();
        TransportContext context = new CoreTransportContext(inbound, config.maxMessageBytes(), config.connectTimeoutMillis(),
                config.udpReaders(), config.udpBufferBytes(), config.tcp(), statistics, config.extensions(), connections);
        for (ListenAddress la : config.listen()) {
            TransportFactory factory;
            try {
                factory = factories.forKind(la.transport());
            } catch (IllegalArgumentException e) {
                throw ListenException.of(la, new IOException(e.getMessage()));
            }
            Transport t = null;
            try {
                t = factory.create(la, context);
                t.start();
            } catch (IOException e) {
                if (t != null) {
                    t.close();
                }
                throw ListenException.of(la, e);
            }
            transports.add(t);
        }
        transports.forEach(local::add);
        if (!transports.isEmpty()) {
            InternalTransport i = new InternalTransport(transports.get(0), inbound, statistics);
            i.start();
            internal = i;
            inbound.setInternal(i);
        }
        reporters = StatisticsReporters.start(statistics::snapshot);
    }

    /**
     * The transport kinds a listening point may name, upper case: those of the
     * {@link TransportFactory TransportFactories} on the class path.
     */
    public static Set<String> transportKinds() {
        return TransportFactories.installed().kinds();
    }

    /**
     * Checks that a listening point's transport kind is known.
     *
     * @throws IllegalArgumentException when it is not, naming the known kinds
     */
    public static void requireTransportKind(String kind) {
        TransportFactories.installed().forKind(kind);
    }

    /**
     * The path from this server to itself (see {@link InternalTransport}), or null before
     * {@link #start} or when the server has no listening point.
     */
    public InternalTransport internalTransport() {
        return internal;
    }

    /** The started listening points (socket and in-memory). */
    public List<Transport> transports() {
        return List.copyOf(transports);
    }

    /** The configuration the core runs with. */
    public CoreConfig config() {
        return config;
    }

    /** Addresses and aliases that name this server. */
    public LocalAddresses localAddresses() {
        return local;
    }

    /** The transaction layer. */
    public TransactionLayer transactions() {
        return transactions;
    }

    /**
     * The signer of the Record-Route and Path entries this server writes; a key of its own until
     * {@link #useRouteTokens} gives the persistent one.
     */
    public RouteTokens routeTokens() {
        return routeTokens;
    }

    /** Uses the given tokens (the key of the data folder); call before {@link #start}. */
    public void useRouteTokens(RouteTokens tokens) {
        this.routeTokens = tokens;
    }

    /**
     * Where the listening points report the connections they lose: add a
     * {@link org.olelo.core.spi.ConnectionListener} here to drop what depended on one.
     */
    public ConnectionEvents connectionEvents() {
        return connections;
    }

    /** The counters. */
    public CoreStatistics statistics() {
        return statistics;
    }

    /** Installs the tap that sees every message read or written by a listening point; null removes it. */
    public void setTap(MessageTap t) {
        inbound.setTap(t);
    }

    /** True if the SIP URI names this server. */
    public boolean isLocal(SipURI u) {
        return RouteEntries.isLocal(local, u);
    }

    /**
     * Hash over what decides where a request goes (RFC 3261 §16.6 step 8): Request-URI, From and To
     * tags, Call-ID, CSeq number, Route and Proxy-Require, as received. A request that comes back with
     * the same hash in one of our Vias has looped; one whose Request-URI changed is a spiral.
     */
    public static String loopHash(SIPRequest r) {
        long h = 0xcbf29ce484222325L;
        h = fnv(h, r.getRequestURI().toString());
        h = fnv(h, r.getFromTag());
        h = fnv(h, r.getToTag());
        h = fnv(h, r.getCallId().getCallId());
        h = fnv(h, Long.toString(r.getCSeq().getSeqNumber()));
        RouteList routes = r.getRouteHeaders();
        if (routes != null) {
            h = fnv(h, routes.encode());
        }
        return Long.toHexString(h);
    }

    private static long fnv(long h, String s) {
        if (s == null) {
            return h * 0x100000001b3L;
        }
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return (h ^ '|') * 0x100000001b3L;
    }

    /** A branch for a request forwarded from a server transaction with the given loop hash. */
    public static String branch(String loopHash) {
        return BRANCH_PREFIX + (loopHash == null ? "0" : loopHash) + "." + SipMessages.token(12);
    }

    // ---------------------------------------------------------------- outbound

    /** The Via this server puts on a request it sends over {@code t}. */
    public Via newVia(Transport t, String branch) {
        Via v = new Via();
        try {
            v.setTransport(t.name());
            v.setHost(t.advertisedHost());
            v.setPort(t.advertisedPort());
            v.setBranch(branch);
            v.setParameter("rport", null);
        } catch (ParseException | javax.sip.InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
        return v;
    }

    /**
     * Resolves where a request for {@code target} goes (the top Route's URI or the Request-URI):
     * maddr, host, port and transport of a SIP URI (RFC 3263 §4). An IP literal is read at once; a
     * host name goes to the {@link SipServerLocator} when one is installed (its first target),
     * else is looked up (A/AAAA), or taken from the look-ups of the last 30 s.
     *
     * <p>May block for a look-up: call it on a thread that may block (an application's), never on
     * a transport reader thread; there, use {@link #resolve(URI, String, Consumer, Consumer)}.
     *
     * @throws UnknownHostException when the host does not resolve or no listening point fits
     */
    public Hop resolve(URI target) throws UnknownHostException {
        return hops.resolve(target, null);
    }

    /**
     * Like {@link #resolve(URI)}; a URI without a transport parameter goes over
     * {@code defaultTransport} when this server listens on it (the transport the request came in
     * on, as operators expect of a proxy in front of TCP-only clients), else over UDP.
     */
    public Hop resolve(URI target, String defaultTransport) throws UnknownHostException {
        return hops.resolve(target, defaultTransport);
    }

    /**
     * Every next hop for {@code target}, in the order to try them: with a {@link SipServerLocator}
     * installed, each RFC 3263 target of a host name this server can send to; otherwise the one
     * hop of {@link #resolve(URI, String)}. A sender fails over to the next hop when one does not
     * answer (RFC 3263 §4.3). Blocks like {@link #resolve(URI, String)}; never empty.
     *
     * @throws UnknownHostException when there is no hop
     */
    public List<Hop> resolveAll(URI target, String defaultTransport) throws UnknownHostException {
        return hops.resolveAll(target, defaultTransport);
    }

    /**
     * Like {@link #resolve(URI, String)}, without ever blocking the calling thread: for code on a
     * transport reader thread. {@code then} gets the hop at once, on this thread, when the target
     * needs no look-up (an IP literal, this server, a name looked up in the last 30 s when no
     * {@link SipServerLocator} is installed), else later on a look-up's virtual thread (with a
     * locator: its first target); {@code failed} gets the reason when there is no hop (unknown
     * host, no listening point for it, too many look-ups in progress), on one of those threads too.
     * Either callback runs once, and may send.
     */
    public void resolve(URI target, String defaultTransport, Consumer<Hop> then, Consumer<UnknownHostException> failed) {
        hops.resolve(target, defaultTransport, then, failed);
    }

    /** Sends a message without a transaction (stateless forwarding, 2xx ACKs). */
    public void sendStateless(SIPMessage m, Hop hop) throws IOException {
        stateless.send(m, hop);
    }

    /** Answers a request without a transaction (stateless reply, RFC 3261 §16.3 style rejections). */
    public void respondStateless(SIPRequest r, int status, String reason, Transport via, InetSocketAddress source) {
        stateless.respond(r, status, reason, via, source);
    }

    /** A one-line description of the listening points, for the ready log line. */
    public String describeListeners() {
        List<String> l = new ArrayList<>();
        for (Transport t : transports) {
            l.add(t.toString());
        }
        return String.join(", ", l);
    }

    @Override
    public void close() {
        StatisticsReporters r = reporters;
        if (r != null) {
            reporters = null;
            r.stop();
        }
        transports.forEach(Transport::close);
        SipServerLocator l = hops.locator();
        if (l != null) {
            l.close();
        }
        InternalTransport self = internal;
        if (self != null) {
            self.close();
        }
        timers.close();
    }
}
