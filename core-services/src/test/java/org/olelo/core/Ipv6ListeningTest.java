package org.olelo.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.nist.javax.sip.message.SIPRequest;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.sip.header.RouteHeader;
import org.junit.jupiter.api.Test;
import org.olelo.core.spi.Resolver;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.transaction.ServerTransaction;
import org.olelo.core.transport.ListenAddress;
import org.olelo.core.transport.Transport;

/** IPv4 and IPv6 listening points side by side; an IPv6 peer is answered over IPv6. */
class Ipv6ListeningTest {

    @Test
    void answersOverIpv6() throws Exception {
        CoreConfig cfg = CoreConfig.defaults().withListen(List.of(ListenAddress.parse("udp:127.0.0.1:0"), ListenAddress.parse("udp:[::1]:0")));
        RequestHandler h = new RequestHandler() {
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
        try (SipCore core = new SipCore(cfg, Resolver.system());
             DatagramSocket peer = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("::1"), 0))) {
            core.start(h);
            InetSocketAddress v6 = core.transports().stream().map(Transport::localAddress)
                    .filter(a -> a.getAddress() instanceof java.net.Inet6Address).findFirst().orElseThrow();
            int port = peer.getLocalPort();
            byte[] b = SipBuilder.request("OPTIONS", "sip:x@[::1]").via("UDP", "[::1]:" + port, "z9hG4bK-v6")
                    .from("<sip:a@[::1]>;tag=1").callId("v6").bytes();
            peer.send(new DatagramPacket(b, b.length, v6));
            peer.setSoTimeout(3000);
            DatagramPacket p = new DatagramPacket(new byte[4096], 4096);
            peer.receive(p);
            String resp = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
            assertTrue(resp.startsWith("SIP/2.0 200"), resp);
            assertTrue(core.describeListeners().contains("udp:[::1]:"), core.describeListeners());
        }
    }
}
