package org.olelo.core.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.olelo.core.transport.ListenAddress;

/**
 * A listening point bound to the wildcard address advertises the machine's address, asked of the
 * system once when it starts: the core reads the advertised host for every Via and every "is this
 * URI ours?" check, on reader threads, where a name-service question must never be asked.
 */
class AdvertisedHostTest {

    @Test
    void theLocalHostIsAskedOnceAtTheStartNeverPerMessage() throws Exception {
        List<Thread> askedOn = new CopyOnWriteArrayList<>();
        InetAddress machine = InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 7});
        AbstractTransport.LocalHost localHost = () -> {
            askedOn.add(Thread.currentThread());
            return machine;
        };
        CountDownLatch read = new CountDownLatch(20);
        List<String> seen = new CopyOnWriteArrayList<>();
        UdpTransport[] self = new UdpTransport[1];
        UdpTransport udp = new UdpTransport(ListenAddress.parse("udp:0.0.0.0:0"), (data, via, source) -> {
            seen.add(self[0].advertisedHost()); // as the core does for each Via it writes
            read.countDown();
        }, 65_535, 2, 0, localHost);
        self[0] = udp;
        udp.start();
        try (DatagramSocket peer = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            InetSocketAddress to = new InetSocketAddress(InetAddress.getLoopbackAddress(), udp.localAddress().getPort());
            byte[] m = "OPTIONS sip:a@127.0.0.1 SIP/2.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 20; i++) {
                peer.send(new DatagramPacket(m, m.length, to));
            }
            assertTrue(read.await(5, TimeUnit.SECONDS), "the datagrams were read");
        } finally {
            udp.close();
        }
        assertEquals(List.of(Thread.currentThread()), askedOn, "asked once, on the starting thread");
        assertTrue(seen.stream().allMatch("192.0.2.7"::equals), seen.toString());
        assertEquals("udp:192.0.2.7:" + udp.localAddress().getPort(), udp.toString());
    }
}
