package org.olelo.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sip.address.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.olelo.core.message.SipMessages;
import org.olelo.core.routing.Hop;
import org.olelo.core.testkit.AnsweringHandler;
import org.olelo.core.testkit.GatedResolver;
import org.olelo.core.testkit.SipText;
import org.olelo.core.testkit.UdpPeer;
import org.olelo.core.transport.ListenAddress;

/**
 * Next-hop resolution over real UDP: a host name is looked up off the reader threads (a resolver
 * that hangs holds no listening point), an IP literal is never looked up, and answers are kept.
 */
class NextHopResolutionTest {

    private final GatedResolver resolver = new GatedResolver();
    private SipCore core;

    /** A core on one UDP port with a single reader thread, so that a reader held up shows at once. */
    private InetSocketAddress start() throws Exception {
        CoreConfig d = CoreConfig.defaults();
        CoreConfig cfg = new CoreConfig(List.of(ListenAddress.parse("udp:127.0.0.1:0")), d.aliases(), 1, d.udpBufferBytes(),
                d.maxMessageBytes(), d.connectTimeoutMillis(), d.timers(), d.proxyRequireSupported(), d.tcp(), d.flood(), d.extensions());
        core = new SipCore(cfg, resolver);
        core.start(new AnsweringHandler(200));
        return core.transports().get(0).localAddress();
    }

    @AfterEach
    void stop() {
        resolver.release();
        if (core != null) {
            core.close();
        }
    }

    /** A 200 that no transaction of the core claims: our Via on top, then the upstream hop's. */
    private static String strayResponse(InetSocketAddress core, String upstreamHost, int upstreamPort) {
        return "SIP/2.0 200 OK\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + core.getPort() + ";branch=" + SipCore.BRANCH_PREFIX + "0.stray\r\n"
                + "Via: SIP/2.0/UDP " + upstreamHost + ":" + upstreamPort + ";branch=z9hG4bK-upstream\r\n"
                + "From: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:b@127.0.0.1>;tag=2\r\nCall-ID: stray-" + upstreamHost
                + "\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n";
    }

    private static String tooManyHops(InetSocketAddress from) {
        return "OPTIONS sip:b@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + from.getPort() + ";branch=z9hG4bK-mf0-" + System.nanoTime() + ";rport\r\n"
                + "Max-Forwards: 0\r\nFrom: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:b@127.0.0.1>\r\n"
                + "Call-ID: mf0-" + System.nanoTime() + "\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
    }

    private static URI uri(String text) throws Exception {
        return SipMessages.ADDRESSES.createURI(text);
    }

    @Test
    void aStrayResponseToANamedHostIsRelayedWithoutHoldingTheReader() throws Exception {
        InetSocketAddress server = start();
        String lookup;
        try (UdpPeer downstream = new UdpPeer(server); UdpPeer upstream = new UdpPeer(server)) {
            downstream.send(strayResponse(server, "upstream.slow", upstream.address().getPort()));
            lookup = resolver.awaitLookup("upstream.slow");
            assertNotNull(lookup, "the next Via's host was looked up");
            // the look-up hangs; the one reader thread still serves the next request
            downstream.send(tooManyHops(downstream.address()));
            String answer = downstream.receive(2000);
            assertNotNull(answer, "the listening point answered while a look-up hung");
            assertEquals(483, SipText.status(answer));
            assertNull(upstream.receive(200), "nothing relayed before the name resolved");
            resolver.release();
            String relayed = upstream.receive(3000);
            assertNotNull(relayed, "the stray 200 went upstream once the name resolved");
            assertEquals(200, SipText.status(relayed));
            assertEquals(1, SipText.headers(relayed, "Via").size(), "our Via was taken off: " + relayed);
        }
        assertTrue(lookup.startsWith("upstream.slow on VirtualThread") && lookup.contains("sip-lookup"),
                "looked up on a look-up thread, not a reader: " + lookup);
    }

    @Test
    void aStrayResponseIsRelayedAsItCameWithoutOurVia() throws Exception {
        InetSocketAddress server = start();
        try (UdpPeer downstream = new UdpPeer(server); UdpPeer upstream = new UdpPeer(server)) {
            String stray = strayResponse(server, "127.0.0.1", upstream.address().getPort())
                    .replace("\r\nFrom: ", "\r\nf:  ").replace("CSeq: 1 INVITE", "CSeq:1   INVITE")
                    .replace("Content-Length: 0", "X-Odd : kept  as  is\r\nl: 0");
            downstream.send(stray);
            assertEquals(stray.replaceFirst("Via: [^\r]*\r\n", ""), upstream.receive(3000));
        }
    }

    @Test
    void anIpLiteralIsNeverLookedUp() throws Exception {
        InetSocketAddress server = start();
        try (UdpPeer downstream = new UdpPeer(server); UdpPeer upstream = new UdpPeer(server)) {
            downstream.send(strayResponse(server, "127.0.0.1", upstream.address().getPort()));
            assertEquals(200, SipText.status(upstream.receive(3000)));
        }
        Hop v4 = core.resolve(uri("sip:bob@127.0.0.1:5070"));
        assertEquals(new InetSocketAddress(InetAddress.getLoopbackAddress(), 5070), v4.address());
        Hop v6 = core.resolve(uri("sip:bob@[::1]:5070"), null);
        assertEquals(5070, v6.address().getPort());
        assertTrue(v6.address().getAddress().isLoopbackAddress());
        Thread caller = Thread.currentThread();
        Thread[] ranOn = new Thread[1];
        core.resolve(uri("sip:bob@127.0.0.1:5071"), null, h -> ranOn[0] = Thread.currentThread(), e -> { });
        assertEquals(caller, ranOn[0], "a literal is resolved at once, on the calling thread");
        assertEquals(List.of(), resolver.asked(), "no look-up for a literal");
    }

    @Test
    void aNameIsLookedUpOnceAndKept() throws Exception {
        start();
        assertEquals(5072, core.resolve(uri("sip:bob@kept.example:5072")).address().getPort());
        assertEquals(5073, core.resolve(uri("sip:bob@KEPT.example:5073")).address().getPort());
        CompletableFuture<Hop> later = new CompletableFuture<>();
        Thread caller = Thread.currentThread();
        Thread[] ranOn = new Thread[1];
        core.resolve(uri("sip:carol@kept.example:5074"), null, h -> {
            ranOn[0] = Thread.currentThread();
            later.complete(h);
        }, later::completeExceptionally);
        assertEquals(5074, later.get(1, TimeUnit.SECONDS).address().getPort());
        assertEquals(caller, ranOn[0], "a name in the cache is resolved at once, on the calling thread");
        assertEquals(1, resolver.asked().size(), "one look-up for three uses of the name: " + resolver.asked());
    }

    @Test
    void anUnknownNameFailsAndTheFailureIsKeptForAWhile() throws Exception {
        start();
        UnknownHostException e = assertThrows(UnknownHostException.class, () -> core.resolve(uri("sip:x@nowhere.example")));
        assertTrue(e.getMessage().contains("nowhere.example"), e.getMessage());
        CompletableFuture<UnknownHostException> failed = new CompletableFuture<>();
        core.resolve(uri("sip:x@nowhere.example"), null, h -> failed.completeExceptionally(new AssertionError(h)),
                failed::complete);
        assertTrue(failed.get(1, TimeUnit.SECONDS).getMessage().contains("nowhere.example"));
        assertEquals(1, resolver.asked().size(), "the failure was kept: " + resolver.asked());
    }
}
