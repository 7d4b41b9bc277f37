package org.olelo.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Picks ports on 127.0.0.1 that are free at the time of the call: binds port 0, reads the port the
 * system chose and closes the socket. The port is then handed to the process that binds it.
 */
final class FreePorts {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    /** sipp's media ports are taken from here, below Linux's default ephemeral range (32768-60999). */
    private static final int MEDIA_LOW = 20_000;
    private static final int MEDIA_HIGH = 32_000;

    private FreePorts() {
    }

    /** @return a UDP port free on 127.0.0.1 */
    static int udp() {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return a TCP port free on 127.0.0.1 */
    static int tcp() {
        try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return a port free on 127.0.0.1 for UDP and for TCP at once */
    static int both() {
        for (int i = 0; i < 50; i++) {
            int port = tcp();
            try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(LOOPBACK, port))) {
                return s.getLocalPort();
            } catch (IOException e) {
                // taken for UDP: try another
            }
        }
        throw new IllegalStateException("no port free for both UDP and TCP on 127.0.0.1");
    }

    /** @return a port p such that p and p + 1 are free for UDP and TCP (SIP and SIP over TLS of baresip) */
    static int pair() {
        for (int i = 0; i < 100; i++) {
            int p = both();
            if (p < 65535 && freeBoth(p + 1)) {
                return p;
            }
        }
        throw new IllegalStateException("no two consecutive free ports on 127.0.0.1");
    }

    /** Next candidate for {@link #mediaBlock}; starts at a place that differs between test JVMs. */
    private static final AtomicInteger NEXT_MEDIA =
            new AtomicInteger(MEDIA_LOW + (int) (ProcessHandle.current().pid() % 1000) * 4);

    /**
     * A base port p such that p .. p + 3 are free for UDP: sipp's media ports (audio RTP and RTCP
     * at p, p + 1, video at p + 2, p + 3). Taken below the system's ephemeral range, where the
     * ports other sockets get from the system (sipp's control ports, clients) never land, and each
     * call of this JVM gets a block of its own, so two sipp processes of one test never share one.
     */
    static int mediaBlock() {
        for (int i = 0; i < 2000; i++) {
            int p = NEXT_MEDIA.getAndAdd(4);
            if (p + 3 >= MEDIA_HIGH) {
                NEXT_MEDIA.compareAndSet(p + 4, MEDIA_LOW);
                continue;
            }
            if (freeUdp(p) && freeUdp(p + 1) && freeUdp(p + 2) && freeUdp(p + 3)) {
                return p;
            }
        }
        throw new IllegalStateException("no four consecutive free UDP ports on 127.0.0.1 between "
                + MEDIA_LOW + " and " + MEDIA_HIGH);
    }

    private static boolean freeUdp(int port) {
        try (DatagramSocket u = new DatagramSocket(new InetSocketAddress(LOOPBACK, port))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean freeBoth(int port) {
        try (ServerSocket t = new ServerSocket(port, 1, LOOPBACK);
             DatagramSocket u = new DatagramSocket(new InetSocketAddress(LOOPBACK, port))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
