package org.olelo.core.internal.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.nist.javax.sip.message.SIPRequest;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sip.header.RouteHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.olelo.core.CoreConfig;
import org.olelo.core.RequestHandler;
import org.olelo.core.SipCore;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipText;
import org.olelo.core.transaction.ServerTransaction;
import org.olelo.core.transport.ListenAddress;
import org.olelo.core.transport.Transport;

/**
 * NAT keep-alives and symmetric response routing over real loopback sockets: STUN Binding Requests
 * on the UDP port (RFC 5626 §4.4.2), CRLF ping/pong on TCP (§4.4.1), responses to the rport
 * (RFC 3581) whatever port the Via names, and the end of a TCP connection reported to a
 * {@link org.olelo.core.spi.ConnectionListener} of the core's {@code connectionEvents()}.
 */
class NatKeepaliveTest {

    private SipCore core;

    private final RequestHandler handler = new RequestHandler() {
        @Override
        public void onRequest(ServerTransaction st) {
            st.sendResponse(st.createResponse(200, null));
        }

        @Override
        public void onAck(SIPRequest ack, RouteHeader popped, Transport t, InetSocketAddress src) {
        }

        @Override
        public void onCancel(ServerTransaction invite, ServerTransaction cancel) {
        }
    };

    private void start() throws Exception {
        CoreConfig cfg = CoreConfig.defaults().withListen(List.of(ListenAddress.parse("udp:127.0.0.1:0"),
                ListenAddress.parse("tcp:127.0.0.1:0")));
        core = new SipCore(cfg, host -> new InetAddress[] {InetAddress.getLoopbackAddress()});
        core.start(handler);
    }

    private InetSocketAddress address(String name) {
        return core.transports().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow().localAddress();
    }

    @AfterEach
    void stop() {
        if (core != null) {
            core.close();
        }
    }

    private static byte[] bindingRequest(byte[] transactionId, int cookie) {
        ByteBuffer b = ByteBuffer.allocate(20);
        b.putShort((short) 0x0001).putShort((short) 0).putInt(cookie).put(transactionId);
        return b.array();
    }

    @Test
    void aStunBindingRequestOnTheUdpPortGetsTheSendersAddressBack() throws Exception {
        start();
        InetSocketAddress server = address("UDP");
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            s.setSoTimeout(2000);
            byte[] tid = "olelo-stun-1".getBytes(StandardCharsets.US_ASCII);
            s.send(new DatagramPacket(bindingRequest(tid, 0x2112A442), 20, server));
            DatagramPacket p = new DatagramPacket(new byte[512], 512);
            s.receive(p);
            ByteBuffer r = ByteBuffer.wrap(p.getData(), 0, p.getLength());
            assertEquals(0x0101, r.getShort() & 0xFFFF, "Binding Success Response");
            assertEquals(12, r.getShort(), "one XOR-MAPPED-ADDRESS attribute of an IPv4 address");
            assertEquals(0x2112A442, r.getInt(), "magic cookie");
            byte[] echoed = new byte[12];
            r.get(echoed);
            assertArrayEquals(tid, echoed, "transaction id");
            assertEquals(0x0020, r.getShort(), "XOR-MAPPED-ADDRESS");
            assertEquals(8, r.getShort());
            assertEquals(0x0001, r.getShort(), "IPv4");
            int port = (r.getShort() & 0xFFFF) ^ 0x2112;
            int ip = r.getInt() ^ 0x2112A442;
            assertEquals(s.getLocalPort(), port);
            assertEquals(InetAddress.getByName("127.0.0.1"),
                    InetAddress.getByAddress(ByteBuffer.allocate(4).putInt(ip).array()));
            assertEquals(1, core.statistics().get(org.olelo.core.stats.CoreStatistics.Event.STUN_BINDING));

            // no magic cookie: not a STUN request of RFC 5389, not answered; SIP still served after it
            s.send(new DatagramPacket(bindingRequest(tid, 0x01020304), 20, server));
            s.send(new DatagramPacket(new byte[] {0, 1, 0, 9}, 4, server));
            String options = SipBuilder.request("OPTIONS", "sip:127.0.0.1").via("UDP", "127.0.0.1:" + s.getLocalPort(),
                    "z9hG4bK-stun" + SipBuilder.next()).build();
            s.send(new DatagramPacket(options.getBytes(StandardCharsets.UTF_8), options.length(), server));
            s.receive(p);
            String reply = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
            assertEquals(200, SipText.status(reply), "the first answer after the bad STUN messages is the SIP one");
        }
    }

    @Test
    void aDoubleCrlfOnTcpGetsOneCrlfBeforeTheAnswersToWhatFollows() throws Exception {
        start();
        try (Socket s = new Socket()) {
            s.connect(address("TCP"), 2000);
            s.setSoTimeout(2000);
            InputStream in = s.getInputStream();
            s.getOutputStream().write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals('\r', in.read());
            assertEquals('\n', in.read());
            assertEquals(1, core.statistics().get(org.olelo.core.stats.CoreStatistics.Event.CRLF_PING));
            s.getOutputStream().write((SipBuilder.request("OPTIONS", "sip:127.0.0.1;transport=tcp")
                    .via("TCP", "127.0.0.1:" + s.getLocalPort(), "z9hG4bK-crlf" + SipBuilder.next()).build())
                    .getBytes(StandardCharsets.UTF_8));
            byte[] head = in.readNBytes(12);
            assertEquals("SIP/2.0 200 ", new String(head, StandardCharsets.US_ASCII), "no second pong, then the answer");
            s.getOutputStream().write("\r\n".getBytes(StandardCharsets.US_ASCII)); // a lone CRLF is no ping
            s.setSoTimeout(300);
            byte[] rest = new byte[4096];
            int n = 0;
            try {
                while (true) {
                    int k = in.read(rest, n, rest.length - n);
                    if (k < 0) {
                        break;
                    }
                    n += k;
                }
            } catch (SocketTimeoutException expected) {
                // all there is has arrived
            }
            String tail = new String(rest, 0, n, StandardCharsets.UTF_8);
            assertTrue(tail.endsWith("\r\n\r\n") && !tail.endsWith("\r\n\r\n\r\n"), "no pong for a single CRLF: " + tail);
            assertEquals(1, core.statistics().get(org.olelo.core.stats.CoreStatistics.Event.CRLF_PING));
        }
    }

    @Test
    void responsesGoToTheSourcePortWhateverTheViaSays() throws Exception {
        start();
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            s.setSoTimeout(2000);
            String options = SipBuilder.request("OPTIONS", "sip:127.0.0.1")
                    .via("UDP", "10.0.0.5:5999", "z9hG4bK-rport" + SipBuilder.next()).build();
            s.send(new DatagramPacket(options.getBytes(StandardCharsets.UTF_8), options.length(), address("UDP")));
            DatagramPacket p = new DatagramPacket(new byte[4096], 4096);
            s.receive(p);
            String reply = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
            assertEquals(200, SipText.status(reply));
            assertTrue(reply.contains("10.0.0.5:5999;branch=") && reply.contains("rport=" + s.getLocalPort())
                    && reply.contains("received=127.0.0.1"), reply);
        }
        try (Socket s = new Socket()) {
            s.connect(address("TCP"), 2000);
            s.setSoTimeout(2000);
            s.getOutputStream().write((SipBuilder.request("OPTIONS", "sip:127.0.0.1;transport=tcp")
                    .via("TCP", "10.0.0.5:5999", "z9hG4bK-rport" + SipBuilder.next()).build())
                    .getBytes(StandardCharsets.UTF_8));
            String reply = headerSection(s.getInputStream());
            assertTrue(reply.startsWith("SIP/2.0 200 ") && reply.contains("rport=" + s.getLocalPort())
                    && reply.contains("received=127.0.0.1"), reply);
        }
    }

    /** Reads up to the end of a header section. */
    private static String headerSection(InputStream in) throws java.io.IOException {
        StringBuilder b = new StringBuilder();
        while (b.length() < 8192 && (b.length() < 4 || !b.substring(b.length() - 4).equals("\r\n\r\n"))) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            b.append((char) c);
        }
        return b.toString();
    }

    @Test
    void theEndOfATcpConnectionIsReportedWithItsPeer() throws Exception {
        start();
        LinkedBlockingQueue<String> closed = new LinkedBlockingQueue<>();
        core.connectionEvents().add((transport, peer) -> closed.add(transport.name() + " " + transport.localAddress()
                + " " + peer));
        InetSocketAddress server = address("TCP");
        int clientPort;
        try (Socket s = new Socket()) {
            s.connect(server, 2000);
            s.setSoTimeout(2000);
            clientPort = s.getLocalPort();
            s.getOutputStream().write((SipBuilder.request("OPTIONS", "sip:127.0.0.1;transport=tcp")
                    .via("TCP", "127.0.0.1:" + clientPort, "z9hG4bK-end" + SipBuilder.next()).build())
                    .getBytes(StandardCharsets.UTF_8));
            assertEquals("SIP/2.0 200 ", new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII));
            assertEquals(null, closed.poll(), "nothing reported while the connection is open");
        }
        String event = closed.poll(5, TimeUnit.SECONDS);
        assertNotNull(event, "the closed connection was reported");
        assertEquals("TCP " + server + " /127.0.0.1:" + clientPort, event);
    }
}
