package org.olelo.core.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.nist.javax.sip.message.SIPRequest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sip.header.RouteHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.olelo.core.CoreConfig;
import org.olelo.core.RequestHandler;
import org.olelo.core.SipCore;
import org.olelo.core.testkit.MemoryPeer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;
import org.olelo.core.testkit.TcpPeer;
import org.olelo.core.testkit.UdpPeer;
import org.olelo.core.transaction.ServerTransaction;
import org.olelo.core.transport.InMemoryTransport;
import org.olelo.core.transport.ListenAddress;
import org.olelo.core.transport.Transport;

/**
 * The core's message tap and final-response observer, in memory, over UDP and over TCP: the tap
 * sees each message read (before parsing) and each message written, with its listening point and
 * peer, and nothing once removed or when the server talks to itself; the observer hears of the
 * first final response of a transaction once, not of 100 Trying nor of repeats.
 */
class MessageTapTest {

    /** One message the tap saw. */
    record Seen(boolean in, String text, Transport transport, InetSocketAddress peer) {
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final List<String> finals = new CopyOnWriteArrayList<>();
    private final MessageTap tap = new MessageTap() {
        @Override
        public void received(byte[] data, Transport transport, InetSocketAddress source) {
            seen.add(new Seen(true, new String(data, StandardCharsets.UTF_8), transport, source));
        }

        @Override
        public void sent(byte[] data, Transport transport, InetSocketAddress destination) {
            seen.add(new Seen(false, new String(data, StandardCharsets.UTF_8), transport, destination));
        }
    };
    private SipCore core;
    private SipPeer peer;

    /** Answers OPTIONS with 200 and INVITE with 486, telling the observer of each final response. */
    private final RequestHandler handler = new RequestHandler() {
        @Override
        public void onRequest(ServerTransaction st) {
            st.observe((tx, r) -> finals.add(r.getStatusCode() + " " + r.getCSeq().getMethod()));
            int status = st.request().getMethod().equals("OPTIONS") ? 200 : 486;
            st.sendResponse(st.createResponse(status, null));
        }

        @Override
        public void onAck(SIPRequest ack, RouteHeader popped, Transport t, InetSocketAddress src) {
        }

        @Override
        public void onCancel(ServerTransaction invite, ServerTransaction cancel) {
        }
    };

    private void start(SipPeer.Kind kind) throws Exception {
        core = new SipCore(CoreConfig.defaults().withListen(List.of(ListenAddress.parse("udp:127.0.0.1:0"),
                ListenAddress.parse("tcp:127.0.0.1:0"))), host -> new InetAddress[] {InetAddress.getLoopbackAddress()});
        InMemoryTransport mem = InMemoryTransport.udp();
        core.addInMemory(mem);
        core.start(handler);
        peer = switch (kind) {
            case MEMORY -> new MemoryPeer(mem, 5098);
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

    private String request(String method, String branch) {
        return SipBuilder.request(method, "sip:bob@127.0.0.1").via(peer).branch(branch).from("<sip:alice@127.0.0.1>;tag=a1")
                .callId("tap-" + branch).build();
    }

    private String receive() throws Exception {
        String m = peer.receive(2000);
        assertNotNull(m, "no response");
        return m;
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void theTapSeesBothDirectionsUntilRemoved(SipPeer.Kind kind) throws Exception {
        start(kind);
        core.setTap(tap);
        String options = request("OPTIONS", "z9hG4bK-t1");
        peer.send(options);
        String ok = receive();
        assertEquals(2, seen.size(), seen.toString());
        Seen in = seen.get(0);
        Seen out = seen.get(1);
        assertTrue(in.in() && !out.in());
        assertEquals(options, in.text(), "the bytes as read");
        assertEquals(ok, out.text(), "the bytes as written");
        assertEquals(peer.address().getPort(), in.peer().getPort());
        assertEquals(peer.address().getPort(), out.peer().getPort());
        assertEquals(peer.transport(), in.transport().name());
        assertTrue(in.transport() == out.transport(), "the same listening point");

        core.internalTransport().send(request("OPTIONS", "z9hG4bK-t2").getBytes(StandardCharsets.UTF_8), null);
        Thread.sleep(300);
        assertEquals(2, seen.size(), "what the server passes to itself is not shown: " + seen);

        core.setTap(null);
        peer.send(request("OPTIONS", "z9hG4bK-t3"));
        receive();
        assertEquals(2, seen.size(), "a removed tap sees nothing");
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void theObserverHearsOfTheFirstFinalResponseOnce(SipPeer.Kind kind) throws Exception {
        start(kind);
        String invite = request("INVITE", "z9hG4bK-t4");
        peer.send(invite);
        String trying = receive();
        assertTrue(trying.startsWith("SIP/2.0 100 "), trying);
        assertTrue(receive().startsWith("SIP/2.0 486 "));
        if (kind != SipPeer.Kind.TCP) {
            peer.send(invite); // a retransmission: the transaction answers it again
            assertTrue(receive().startsWith("SIP/2.0 486 "));
        }
        peer.send(request("OPTIONS", "z9hG4bK-t5"));
        receive();
        Thread.sleep(100);
        assertEquals(List.of("486 INVITE", "200 OPTIONS"), finals);
    }
}
