package org.olelo.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Picks ports on 127.0.0.1 that are free at the time of the call: binds port 0, reads the port the
 * system chose and closes the socket. The port is then handed to the process that binds it.
 */
final class FreePorts {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

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

    private static boolean freeBoth(int port) {
        try (ServerSocket t = new ServerSocket(port, 1, LOOPBACK);
             DatagramSocket u = new DatagramSocket(new InetSocketAddress(LOOPBACK, port))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
