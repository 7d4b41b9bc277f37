package org.olelo.arquillian;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Ports of 127.0.0.1 that are free now (a server started right after binds them). */
final class FreePorts {

    private FreePorts() {
    }

    /** @return a port free for both UDP and TCP */
    static int both() throws IOException {
        for (int i = 0; i < 50; i++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
                int port = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port))) {
                    return port;
                } catch (IOException taken) {
                    // try another one
                }
            }
        }
        throw new IOException("no port of 127.0.0.1 free for both UDP and TCP");
    }

    /** @return a free TCP port */
    static int tcp() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
