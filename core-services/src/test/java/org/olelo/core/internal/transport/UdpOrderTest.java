package org.olelo.core.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.olelo.core.transport.InboundSink;
import org.olelo.core.transport.ListenAddress;

/**
 * A UDP listening point with several reader threads hands the datagrams of one peer to the sink in
 * the order they arrived, even when the sink is slow on one of them: the reorder that would make a
 * dialog's later request overtake an earlier one cannot happen below the session's executor. A port
 * in use is still refused.
 */
class UdpOrderTest {

    private final List<UdpTransport> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(UdpTransport::close);
    }

    private UdpTransport start(String listen, InboundSink sink, int readers) throws IOException {
        UdpTransport t = new UdpTransport(ListenAddress.parse(listen), sink, 65_535, readers, 0);
        opened.add(t);
        t.start();
        return t;
    }

    @Test
    void onePeersDatagramsReachTheSinkInArrivalOrder() throws Exception {
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch all = new CountDownLatch(6);
        InboundSink slowOnFirst = (data, via, source) -> {
            String m = new String(data, StandardCharsets.US_ASCII);
            if (m.equals("m1")) {
                sleep(300); // the first message is slow to handle: the others must wait behind it
            }
            order.add(m);
            all.countDown();
        };
        UdpTransport t = start("udp:127.0.0.1:0", slowOnFirst, 4);
        try (DatagramSocket peer = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            for (int i = 1; i <= 6; i++) {
                byte[] b = ("m" + i).getBytes(StandardCharsets.US_ASCII);
                peer.send(new DatagramPacket(b, b.length, t.localAddress()));
            }
            assertTrue(all.await(5, TimeUnit.SECONDS), "all delivered: " + order);
        }
        assertEquals(List.of("m1", "m2", "m3", "m4", "m5", "m6"), order);
    }

    @Test
    void aPortInUseIsRefused() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThrows(IOException.class, () -> start("udp:127.0.0.1:" + port, (d, v, s) -> { }, 2));
        }
        UdpTransport first = start("udp:127.0.0.1:0", (d, v, s) -> { }, 2);
        int port = first.localAddress().getPort();
        assertThrows(IOException.class, () -> start("udp:127.0.0.1:" + port, (d, v, s) -> { }, 2),
                "a second listening point on a port this server holds");
        try (DatagramSocket other = new DatagramSocket(null)) {
            assertThrows(IOException.class, () -> other.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)),
                    "another program cannot bind the port either");
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
