package org.olelo.core;

import gov.nist.javax.sip.header.RouteList;
import gov.nist.javax.sip.header.Unsupported;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.header.ViaList;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.RouteHeader;
import org.olelo.core.internal.flood.FloodGuard;
import org.olelo.core.internal.message.RawReply;
import org.olelo.core.internal.transport.CoreTransportContext;
import org.olelo.core.internal.transport.TransportFactories;
import org.olelo.core.message.MessageEncoder;
import org.olelo.core.message.ParseOutcome;
import org.olelo.core.message.SipMessages;
import org.olelo.core.message.SipParser;
import org.olelo.core.routing.Hop;
import org.olelo.core.routing.LocalAddresses;
import org.olelo.core.routing.Resolver;
import org.olelo.core.routing.RouteTokens;
import org.olelo.core.spi.TransportContext;
import org.olelo.core.spi.TransportFactory;
import org.olelo.core.stats.CoreStatistics;
import org.olelo.core.tap.MessageTap;
import org.olelo.core.transaction.ServerTransaction;
import org.olelo.core.transaction.TransactionLayer;
import org.olelo.core.transaction.TransactionTimers;
import org.olelo.core.transport.InMemoryTransport;
import org.olelo.core.transport.InboundSink;
import org.olelo.core.transport.InternalTransport;
import org.olelo.core.transport.ListenAddress;
import org.olelo.core.transport.ListenException;
import org.olelo.core.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP core: listening points, parsing, the checks every element makes, transactions, and the
 * hand-off to the layer above. The path of one received message:
 *
 * <pre>
 *  socket ──► Transport reader thread
 *               │ bytes
 *           FloodGuard (requests per second per source) ──(flooding source)──► dropped
 *               ▼
 *           SipParser ──(malformed request)──► RawReply 400 ──► Transport
 *               │ SIPMessage
 *     ┌─────────┴───────────┐
 *  request               response
 *     │                     │
 *  Via received/rport    TransactionLayer.onResponse ──► ClientTransaction ──► listener (container)
 *  retransmission? ──► ServerTransaction repeats last response   └─(stray, our Via)──► stateless forward
 *  CoreChecks (505/400/416/483/482/420)
 *  ServerTransaction created, 100 Trying for INVITE
 *  CANCEL ──► 200/481 + RequestHandler.onCancel
 *  Route pre-processing (pop our Route entries of one hop, strict-router fix)
 *     ▼
 *  RequestHandler.onRequest / onAck  ──► container executor (virtual threads)
 * </pre>
 *
 * <p>A request whose next hop is this server itself goes through the {@link InternalTransport}
 * and comes back in at the top of this path, on that transport's reader thread, one Max-Forwards
 * lower each time.
 *
 * <p>Everything above runs on the reader thread of the transport; nothing here blocks except the
 * non-blocking socket send. Application code never runs on these threads.
 */
public final class SipCore implements InboundSink, AutoCloseable {

    /** Prefix of every branch this server generates; the loop hash follows it. */
    public static final String BRANCH_PREFIX = SipMessages.MAGIC_COOKIE + "olo";

    private static final Logger LOG = LoggerFactory.getLogger(SipCore.class);

    private final CoreConfig config;
    private final Resolver resolver;
    private final CoreStatistics statistics = new CoreStatistics();
    private final TransactionTimers timers = new TransactionTimers();
    private final TransactionLayer transactions;
    private final LocalAddresses local;
    private final List<Transport> transports = new CopyOnWriteArrayList<>();
    private volatile InternalTransport internal;
    private volatile RequestHandler handler;
    private volatile MessageTap tap;
    private volatile RouteTokens routeTokens = RouteTokens.ephemeral();
    private final FloodGuard flood;

    public SipCore(CoreConfig config, Resolver resolver) {
        this.config = config;
        this.resolver = resolver;
        this.transactions = new TransactionLayer(timers, config.timers(), statistics);
        this.local = new LocalAddresses(config.aliases());
        this.flood = config.flood().enabled() ? new FloodGuard(config.flood(), statistics) : null;
    }

    /** Adds an in-memory connector; call before {@link #start}. */
    public void addInMemory(InMemoryTransport t) {
        t.attach(this);
        transports.add(t);
    }

    /**
     * Binds the configured listening points and starts delivering requests to the handler.
     *
     * @throws ListenException when a listening point cannot be opened (its message names it); the
     *                         points opened before it stay open until {@link #close()}
     */
    public void start(RequestHandler h) throws IOException {
        this.handler = h;
        TransportFactories factories = TransportFactories.installed();
        TransportContext context = new CoreTransportContext(this, config.maxMessageBytes(), config.connectTimeoutMillis(),
                config.udpReaders(), config.udpBufferBytes(), config.tcp(), statistics);
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
            InternalTransport i = new InternalTransport(transports.get(0), this, statistics);
            i.start();
            internal = i;
        }
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

    /** The counters. */
    public CoreStatistics statistics() {
        return statistics;
    }

    /** Installs the tap that sees every message read or written by a listening point; null removes it. */
    public void setTap(MessageTap t) {
        this.tap = t;
    }

    // ---------------------------------------------------------------- inbound

    @Override
    public void onMessage(byte[] data, Transport via, InetSocketAddress source) {
        MessageTap t = tap;
        if (t != null && !(via instanceof InternalTransport)) {
            t.received(data, via, source);
        }
        FloodGuard f = flood;
        if (f != null && via != internal && SipMessages.isRequest(data) && !f.admit(source.getAddress())) {
            return; // a flooding source: dropped unparsed and unanswered (counted by the guard)
        }
        ParseOutcome outcome = SipParser.parse(data);
        switch (outcome) {
            case ParseOutcome.Parsed p -> {
                if (p.message() instanceof SIPRequest r) {
                    onRequest(r, via, source);
                } else {
                    onResponse((SIPResponse) p.message(), via, source);
                }
            }
            case ParseOutcome.Rejected r -> {
                statistics.rejected();
                byte[] reply = RawReply.build(r.raw(), r.status(), r.reason(), SipMessages.newTag());
                LOG.debug("rejected request from {}: {}", source, r.reason());
                if (reply != null) {
                    sendQuietly(via, reply, source);
                }
            }
            case ParseOutcome.Dropped d -> {
                statistics.dropped();
                LOG.debug("dropped message from {}: {}", source, d.why());
            }
        }
    }

    @Override
    public void onSending(byte[] data, Transport via, InetSocketAddress to) {
        MessageTap t = tap;
        if (t != null) {
            t.sent(data, via, to);
        }
    }

    private void onRequest(SIPRequest r, Transport via, InetSocketAddress source) {
        statistics.requestReceived(r.getMethod());
        CoreChecks.Failure f = CoreChecks.structural(r);
        if (f != null) {
            statistics.rejected();
            respondStateless(r, f, via, source);
            return;
        }
        markReceived(r.getTopmostVia(), source);
        String method = r.getMethod();
        if (method.equals("ACK")) {
            ServerTransaction st = transactions.findServer(r);
            if (st != null) {
                st.onAckReceived();
                return;
            }
            if (CoreChecks.proxy(r, local, loopHash(r), config.proxyRequireSupported()) != null) {
                return; // an ACK is never answered
            }
            RouteHeader popped = preprocessRoutes(r);
            handler.onAck(r, popped, via, source);
            return;
        }
        ServerTransaction existing = transactions.findServer(r);
        if (existing != null) {
            existing.onRetransmissionReceived();
            return;
        }
        String hash = loopHash(r);
        ServerTransaction st = transactions.createServer(r, via, source, hash);
        if (st.request() != r) {
            st.onRetransmissionReceived();
            return;
        }
        f = CoreChecks.proxy(r, local, hash, config.proxyRequireSupported());
        if (f != null) {
            SIPResponse resp;
            try {
                resp = st.createResponse(f.status(), f.reason());
            } catch (IllegalStateException e) {
                return; // a CANCEL on another thread answered the request first
            }
            if (!f.unsupported().isEmpty()) {
                for (String tag : f.unsupported()) {
                    Unsupported u = new Unsupported();
                    try {
                        u.setOptionTag(tag);
                    } catch (ParseException e) {
                        continue;
                    }
                    resp.addHeader(u);
                }
            }
            st.sendResponseIfPending(resp);
            return;
        }
        if (method.equals("INVITE")) {
            st.respondIfPending(100, null);
        }
        if (method.equals("CANCEL")) {
            ServerTransaction invite = transactions.findCancelled(r);
            if (invite == null || invite.lastStatus() >= 200) {
                st.sendResponse(st.createResponse(481, "Call/Transaction Does Not Exist"));
                return;
            }
            st.sendResponse(st.createResponse(200, null));
            handler.onCancel(invite, st);
            return;
        }
        st.setPoppedRouteFromCore(preprocessRoutes(r));
        handler.onRequest(st);
    }

    private void onResponse(SIPResponse r, Transport via, InetSocketAddress source) {
        statistics.responseReceived(r.getStatusCode());
        if (transactions.onResponse(r)) {
            return;
        }
        forwardStrayResponse(r);
    }

    /** RFC 3581 and §18.2.1: note where the request really came from in the top Via. */
    private static void markReceived(Via top, InetSocketAddress source) {
        try {
            String ip = source.getAddress().getHostAddress();
            if (top.hasParameter("rport")) {
                top.setParameter("rport", Integer.toString(source.getPort()));
                top.setReceived(ip);
            } else if (!ip.equalsIgnoreCase(stripBrackets(top.getHost()))) {
                top.setReceived(ip);
            }
        } catch (ParseException | RuntimeException e) {
            LOG.debug("cannot mark Via received: {}", e.toString());
        }
    }

    private static String stripBrackets(String h) {
        return h != null && h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    /**
     * RFC 3261 §16.4: undo a strict router's rewrite, then remove the Route entries that name this
     * server. Returns the last removed entry, or null.
     */
    private RouteHeader preprocessRoutes(SIPRequest r) {
        RouteList routes = r.getRouteHeaders();
        URI ruri = r.getRequestURI();
        if (routes != null && !routes.isEmpty() && ruri instanceof SipURI su && su.hasLrParam() && isLocal(su)) {
            RouteHeader last = (RouteHeader) routes.getLast();
            r.setRequestURI(last.getAddress().getURI());
            routes.removeLast();
        }
        RouteHeader popped = null;
        routes = r.getRouteHeaders();
        while (routes != null && !routes.isEmpty()) {
            RouteHeader top = (RouteHeader) routes.getFirst();
            if (top.getAddress().getURI() instanceof SipURI su && isLocal(su)
                    && (popped == null || sameHop((SipURI) popped.getAddress().getURI(), su))) {
                popped = top;
                r.removeFirst(RouteHeader.NAME);
                routes = r.getRouteHeaders();
            } else {
                break;
            }
        }
        return popped;
    }

    /**
     * Whether two Route entries that both name this server stand for one hop: a hop that
     * record-routed on two listening points writes the same user and parameters in both entries,
     * differing only in address and transport. Entries that differ otherwise were written by two
     * hops of this server (two applications on one request's path) and are popped one at a time,
     * so that each hop receives the request with its own entry.
     */
    private static boolean sameHop(SipURI a, SipURI b) {
        if (!java.util.Objects.equals(a.getUser(), b.getUser())) {
            return false;
        }
        return hopParameters(a).equals(hopParameters(b));
    }

    private static java.util.Map<String, String> hopParameters(SipURI u) {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        for (java.util.Iterator<String> it = u.getParameterNames(); it.hasNext(); ) {
            String n = it.next().toLowerCase(Locale.ROOT);
            if (!n.equals("transport") && !n.equals("maddr")) {
                String v = u.getParameter(n);
                m.put(n, v == null ? "" : v);
            }
        }
        return m;
    }

    /** True if the SIP URI names this server. */
    public boolean isLocal(SipURI u) {
        return local.isLocal(u.getHost(), u.getPort(), u.getTransportParam());
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
     * maddr, host, port and transport of a SIP URI (RFC 3263 §4 for literal addresses and A/AAAA
     * records; NAPTR/SRV are not used yet).
     *
     * @throws UnknownHostException when the host does not resolve or no listening point fits
     */
    public Hop resolve(URI target) throws UnknownHostException {
        return resolve(target, null);
    }

    /**
     * Like {@link #resolve(URI)}; a URI without a transport parameter goes over
     * {@code defaultTransport} when this server listens on it (the transport the request came in
     * on, as operators expect of a proxy in front of TCP-only clients), else over UDP.
     */
    public Hop resolve(URI target, String defaultTransport) throws UnknownHostException {
        if (!(target instanceof SipURI su)) {
            throw new UnknownHostException("cannot route to a " + target.getScheme() + " URI");
        }
        InternalTransport self = internal;
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

    private boolean hasTransport(String name) {
        for (Transport t : transports) {
            if (t.name().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** A listening point of the given transport whose address family fits the destination. */
    public Transport transport(String name, InetAddress destination) {
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

    /** Sends a message without a transaction (stateless forwarding, 2xx ACKs). */
    public void sendStateless(SIPMessage m, Hop hop) throws IOException {
        if (m instanceof SIPRequest r) {
            statistics.requestSent(r.getMethod());
        } else {
            statistics.responseSent(((SIPResponse) m).getStatusCode());
        }
        hop.transport().send(MessageEncoder.encode(m), hop.address());
    }

    /** Answers a request without a transaction (stateless reply, RFC 3261 §16.3 style rejections). */
    public void respondStateless(SIPRequest r, int status, String reason, Transport via, InetSocketAddress source) {
        respondStateless(r, new CoreChecks.Failure(status, reason), via, source);
    }

    private void respondStateless(SIPRequest r, CoreChecks.Failure f, Transport via, InetSocketAddress source) {
        if (r.getMethod().equals("ACK")) {
            return;
        }
        byte[] reply;
        if (r.getTopmostVia() == null || r.getFrom() == null || r.getTo() == null || r.getCallId() == null || r.getCSeq() == null) {
            reply = RawReply.build(MessageEncoder.encode(r), f.status(), f.reason(), SipMessages.newTag());
        } else {
            SIPResponse resp = r.createResponse(f.status(), f.reason());
            if (resp.getToTag() == null) {
                try {
                    resp.getTo().setTag(SipMessages.newTag());
                } catch (ParseException e) {
                    // leave it without a tag
                }
            }
            reply = MessageEncoder.encode(resp);
        }
        if (reply != null) {
            statistics.responseSent(f.status());
            sendQuietly(via, reply, source);
        }
    }

    /**
     * §18.2.1/§16.7: strip our Via from a response no transaction claimed and relay it upstream.
     * When the next Via is this server's too, the response is offered to the transactions at once,
     * as the internal transport would have delivered it, and stripped again if none claims it: a
     * response never goes through the internal transport, however many Vias of ours it carries.
     */
    private void forwardStrayResponse(SIPResponse r) {
        Via next;
        while (true) {
            ViaList vias = r.getViaHeaders();
            if (vias == null || vias.size() < 2) {
                return;
            }
            Via top = (Via) vias.getFirst();
            if (!local.isLocal(top.getHost(), top.getPort(), top.getTransport())) {
                statistics.dropped();
                return;
            }
            r.removeFirst(Via.NAME);
            next = r.getTopmostVia();
            if (!local.isLocal(next.getHost(), next.getPort(), next.getTransport())) {
                break;
            }
            if (transactions.onResponse(r)) {
                return;
            }
        }
        try {
            String host = next.getReceived() != null ? next.getReceived() : stripBrackets(next.getHost());
            int port = next.getRPort() > 0 ? next.getRPort() : (next.getPort() > 0 ? next.getPort() : 5060);
            InetAddress addr = resolver.resolve(host)[0];
            if (addr.isMulticastAddress() || host.equals("255.255.255.255")) {
                statistics.dropped();
                return;
            }
            Transport t = transport(next.getTransport(), addr);
            if (t != null) {
                sendStateless(r, new Hop(t, new InetSocketAddress(addr, port)));
            }
        } catch (IOException e) {
            LOG.debug("cannot relay stray response: {}", e.toString());
        }
    }

    private void sendQuietly(Transport t, byte[] b, InetSocketAddress to) {
        try {
            t.send(b, to);
        } catch (IOException e) {
            LOG.debug("send to {} failed: {}", to, e.toString());
        }
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
        transports.forEach(Transport::close);
        InternalTransport self = internal;
        if (self != null) {
            self.close();
        }
        timers.close();
    }

}
