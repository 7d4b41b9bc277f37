package org.olelo.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.olelo.core.CoreConfig;
import org.olelo.core.SipCore;
import org.olelo.core.message.ParseOutcome;
import org.olelo.core.message.SipParser;
import org.olelo.core.routing.Hop;
import org.olelo.core.testkit.AnsweringHandler;
import org.olelo.core.testkit.SipText;
import org.olelo.core.transaction.ClientTransaction;
import org.olelo.core.transaction.ClientTransactionListener;
import org.olelo.core.transport.InMemoryTransport;
import org.olelo.core.transport.ListenAddress;
import org.olelo.core.transport.ListenException;
import org.olelo.core.transport.Transport;

/**
 * A transport kind added as a plugin: the test-only FAKE kind is known to the core only through
 * the test class path's {@code META-INF/services} entry, and SIP goes over it both ways through
 * the whole core path (parser, checks, server and client transactions).
 */
class TransportPluginTest {

    private static final InetSocketAddress PEER = new InetSocketAddress(InetAddress.getLoopbackAddress(), 5099);

    private SipCore core;
    private InetSocketAddress peer;

    private SipCore start(String... listen) throws IOException {
        List<ListenAddress> points = java.util.Arrays.stream(listen).map(ListenAddress::parse).toList();
        core = new SipCore(CoreConfig.defaults().withListen(points), host -> new InetAddress[] {InetAddress.getLoopbackAddress()});
        core.start(new AnsweringHandler(200));
        return core;
    }

    @AfterEach
    void stop() {
        if (core != null) {
            core.close();
        }
        if (peer != null) {
            FakeNetwork.unbind(peer);
        }
    }

    private static String options(InetSocketAddress from, String branch) {
        return "OPTIONS sip:127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/FAKE " + from.getAddress().getHostAddress() + ":" + from.getPort() + ";branch=" + branch + ";rport\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:alice@127.0.0.1>;tag=a1\r\nTo: <sip:127.0.0.1>\r\n"
                + "Call-ID: " + branch + "@fake\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
    }

    private String receive() throws InterruptedException {
        FakeNetwork.Datagram d = FakeNetwork.receive(peer, 3, TimeUnit.SECONDS);
        return d == null ? null : new String(d.data(), StandardCharsets.UTF_8);
    }

    @Test
    void theKindOfAFactoryOnTheClassPathIsKnown() {
        assertTrue(SipCore.transportKinds().containsAll(List.of("UDP", "TCP", "MEMORY", "FAKE")), SipCore.transportKinds().toString());
    }

    @Test
    void aRequestComesInOverThePluginAndIsAnsweredOverIt() throws Exception {
        start("fake:127.0.0.1:0");
        Transport fake = core.transports().get(0);
        assertEquals("FAKE", fake.name());
        peer = FakeNetwork.bind(PEER);
        FakeNetwork.send(options(peer, "z9hG4bK-fake-in").getBytes(StandardCharsets.UTF_8), peer, fake.localAddress());
        String ok = receive();
        assertNotNull(ok, "the 200 came back over the FAKE transport");
        assertEquals(200, SipText.status(ok), ok);
        assertTrue(SipText.header(ok, "Via").startsWith("SIP/2.0/FAKE 127.0.0.1:5099"), ok);
        assertTrue(SipText.header(ok, "Via").contains("rport=5099"), "the core marked where the request came from: " + ok);
        assertEquals(1, core.statistics().get("tm_uas_transactions"));
    }

    @Test
    void aRequestForATransportFakeUriGoesOutOverThePluginInAClientTransaction() throws Exception {
        start("udp:127.0.0.1:0", "fake:127.0.0.1:0");
        peer = FakeNetwork.bind(PEER);
        SIPRequest r = (SIPRequest) ((ParseOutcome.Parsed) SipParser.parse(("OPTIONS sip:bob@127.0.0.1:5099;transport=fake SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK-placeholder\r\nMax-Forwards: 70\r\n"
                + "From: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:bob@127.0.0.1>\r\nCall-ID: out@fake\r\nCSeq: 1 OPTIONS\r\n"
                + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.UTF_8))).message();
        Hop hop = core.resolve(r.getRequestURI());
        assertEquals("FAKE", hop.transport().name(), "a URI with transport=fake goes over the FAKE listening point");
        assertEquals(peer, hop.address());
        r.removeHeader("Via");
        r.addFirst(core.newVia(hop.transport(), SipCore.branch(null)));
        CompletableFuture<SIPResponse> answer = new CompletableFuture<>();
        core.transactions().sendRequest(r, hop, new ClientTransactionListener() {
            @Override
            public void onResponse(ClientTransaction tx, SIPResponse response) {
                answer.complete(response);
            }

            @Override
            public void onTimeout(ClientTransaction tx) {
                answer.completeExceptionally(new AssertionError("timed out"));
            }

            @Override
            public void onTransportError(ClientTransaction tx, IOException error) {
                answer.completeExceptionally(error);
            }
        });
        String sent = receive();
        assertNotNull(sent, "the request reached the peer over the FAKE transport");
        assertTrue(SipText.header(sent, "Via").startsWith("SIP/2.0/FAKE 127.0.0.1:"), sent);
        FakeNetwork.send(SipText.response(sent, 200, "OK", "b1", "").getBytes(StandardCharsets.UTF_8), peer,
                hop.transport().localAddress());
        assertEquals(200, answer.get(3, TimeUnit.SECONDS).getStatusCode(), "the client transaction got the answer");
    }

    @Test
    void theInMemoryConnectorIsAFactoryToo() throws Exception {
        start("memory:127.0.0.1:5070");
        InMemoryTransport memory = assertInstanceOf(InMemoryTransport.class, core.transports().get(0));
        InetSocketAddress from = new InetSocketAddress(InetAddress.getLoopbackAddress(), 5098);
        memory.inject(options(from, "z9hG4bK-mem").replace("SIP/2.0/FAKE", "SIP/2.0/UDP").getBytes(StandardCharsets.UTF_8), from);
        InMemoryTransport.Sent ok = memory.poll(from, 3, TimeUnit.SECONDS);
        assertNotNull(ok);
        assertEquals(200, SipText.status(ok.text()));
    }

    @Test
    void anUnknownKindStopsTheStartNamingTheKnownOnes() {
        ListenException e = assertThrows(ListenException.class, () -> start("sctp:127.0.0.1:0"));
        assertTrue(e.getMessage().startsWith("sctp:127.0.0.1:0: unknown transport 'sctp': this server knows "), e.getMessage());
        assertTrue(e.getMessage().contains("fake") && e.getMessage().contains("udp") && e.getMessage().contains("tcp"),
                e.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> ListenAddress.parse("u-d-p:127.0.0.1:0"));
        assertTrue(bad.getMessage().contains("is not a name"), bad.getMessage());
    }
}
