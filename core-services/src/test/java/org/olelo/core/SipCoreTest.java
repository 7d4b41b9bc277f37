package org.olelo.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.nist.javax.sip.message.SIPRequest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import javax.sip.header.RouteHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.olelo.core.spi.Resolver;
import org.olelo.core.testkit.MemoryPeer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;
import org.olelo.core.testkit.TcpPeer;
import org.olelo.core.testkit.UdpPeer;
import org.olelo.core.transaction.ServerTransaction;
import org.olelo.core.transport.InMemoryTransport;
import org.olelo.core.transport.ListenAddress;
import org.olelo.core.transport.Transport;

/** The core's own answers, each case run in memory, over UDP and over TCP. */
class SipCoreTest {

    private SipCore core;
    private SipPeer peer;

    /** Answers OPTIONS with 200 and INVITE with nothing (so CANCEL finds it pending). */
    private final RequestHandler handler = new RequestHandler() {
        @Override
        public void onRequest(ServerTransaction st) {
            if (st.request().getMethod().equals("OPTIONS")) {
                st.sendResponse(st.createResponse(200, null));
            }
        }

        @Override
        public void onAck(SIPRequest ack, RouteHeader popped, Transport t, InetSocketAddress src) {
        }

        @Override
        public void onCancel(ServerTransaction invite, ServerTransaction cancel) {
            invite.sendResponse(invite.createResponse(487, null));
        }
    };

    private void start(SipPeer.Kind kind) throws Exception {
        Resolver offline = host -> new InetAddress[] {InetAddress.getLoopbackAddress()};
        CoreConfig cfg = CoreConfig.defaults().withListen(List.of(ListenAddress.parse("udp:127.0.0.1:0"), ListenAddress.parse("tcp:127.0.0.1:0")))
                .withAliases(Set.of("localhost"));
        core = new SipCore(cfg, offline);
        InMemoryTransport mem = InMemoryTransport.udp();
        core.addInMemory(mem);
        core.start(handler);
        peer = switch (kind) {
            case MEMORY -> new MemoryPeer(mem, 5099);
            case UDP -> new UdpPeer(socket("UDP"));
            case TCP -> new TcpPeer(socket("TCP"));
        };
    }

    /** The socket listening point of a transport (not the in-memory one, which wears the name UDP too). */
    private InetSocketAddress socket(String name) {
        return core.transports().stream().filter(t -> t.name().equals(name) && !(t instanceof InMemoryTransport))
                .findFirst().orElseThrow().localAddress();
    }

    @AfterEach
    void stop() {
        if (peer != null) {
            peer.close();
        }
        if (core != null) {
            core.close();
        }
    }

    private String request(String method, String branch, String extra) {
        return SipBuilder.request(method, "sip:bob@127.0.0.1").via(peer).branch(branch).from("<sip:alice@127.0.0.1>;tag=a1")
                .callId("c-" + branch).lines(extra).build();
    }

    private static int status(String response) {
        assertNotNull(response, "no response");
        return Integer.parseInt(response.substring(8, 11));
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void answersAndRepeatsTheAnswerToARetransmission(SipPeer.Kind kind) throws Exception {
        start(kind);
        String opt = request("OPTIONS", "z9hG4bK-1", "");
        peer.send(opt);
        String first = peer.receive(2000);
        assertEquals(200, status(first));
        if (kind != SipPeer.Kind.TCP) { // a client never retransmits over a stream
            peer.send(opt);
            String again = peer.receive(2000);
            assertEquals(first, again, "a retransmission gets the same response");
        }
        assertTrue(first.contains(";received=127.0.0.1") && first.contains("rport=" + peer.address().getPort()), first);
        assertTrue(core.statistics().get("rcv_requests_options") >= 1);
        assertTrue(core.statistics().get("sent_replies_2xx") >= 1);
        assertEquals(1, core.statistics().get("tm_uas_transactions"));
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void rejectsWhatNoElementMayProcess(SipPeer.Kind kind) throws Exception {
        start(kind);
        peer.send(request("OPTIONS", "z9hG4bK-2", "").replace("Max-Forwards: 70", "Max-Forwards: 0"));
        assertEquals(483, status(peer.receive(2000)));
        peer.send(request("OPTIONS", "z9hG4bK-3", "Proxy-Require: foo, bar\r\n"));
        String r = peer.receive(2000);
        assertEquals(420, status(r));
        assertTrue(r.contains("Unsupported: foo") && r.contains("bar"), r);
        peer.send(request("OPTIONS", "z9hG4bK-4", "").replace("Call-ID: c-z9hG4bK-4\r\n", ""));
        String missing = peer.receive(2000);
        assertEquals(400, status(missing));
        assertTrue(missing.contains("Call-ID"), missing);
        peer.send(request("OPTIONS", "z9hG4bK-5", "").replace("OPTIONS sip:bob@127.0.0.1", "OPTIONS urn:x:y"));
        assertEquals(416, status(peer.receive(2000)));
        peer.send(request("OPTIONS", "z9hG4bK-6", "").replace("CSeq: 1 OPTIONS", "CSeq: 1 INVITE"));
        assertEquals(400, status(peer.receive(2000)));
        peer.send(request("OPTIONS", "z9hG4bK-7", "").replace("SIP/2.0\r\n", "SIP/7.0\r\n"));
        assertEquals(505, status(peer.receive(2000)));
        peer.send(request("OPTIONS", "z9hG4bK-9", "").replace("OPTIONS sip:bob@127.0.0.1", "OPTIONS sip:bob@[2001:db8:::192.0.2.1]"));
        String badReference = peer.receive(2000);
        assertEquals(400, status(badReference), "RFC 5118 §4.8: three colons make no IPv6 reference");
        assertTrue(badReference.contains("IPv6"), badReference);
        // still serving
        peer.send(request("OPTIONS", "z9hG4bK-8", ""));
        assertEquals(200, status(peer.receive(2000)));
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void cancelOfAPendingInvite(SipPeer.Kind kind) throws Exception {
        start(kind);
        peer.send(request("INVITE", "z9hG4bK-inv", ""));
        assertEquals(100, status(peer.receive(2000)));
        peer.send(request("CANCEL", "z9hG4bK-inv", "").replace("Call-ID: c-z9hG4bK-inv", "Call-ID: c-z9hG4bK-inv"));
        String a = peer.receive(2000);
        String b = peer.receive(2000);
        int sa = status(a);
        int sb = status(b);
        assertEquals(Set.of(200, 487), Set.of(sa, sb), a + b);
        String inv487 = sa == 487 ? a : b;
        assertTrue(inv487.contains("CSeq: 1 INVITE"), inv487);
        // CANCEL for nothing
        peer.send(request("CANCEL", "z9hG4bK-none", ""));
        assertEquals(481, status(peer.receive(2000)));
        assertNull(peer.receive(200));
    }
}
