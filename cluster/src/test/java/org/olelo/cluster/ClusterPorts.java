package org.olelo.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Finds a free port whose successor is free too (the failure-detection socket takes it). */
final class ClusterPorts {

    private ClusterPorts() {
    }

    static int pair(String host) throws IOException {
        for (int i = 0; i < 50; i++) {
            try (ServerSocket a = new ServerSocket(0, 1, InetAddress.getByName(host))) {
                int p = a.getLocalPort();
                if (p >= 65534) {
                    continue;
                }
                try (ServerSocket b = new ServerSocket(p + 1, 1, InetAddress.getByName(host))) {
                    return p;
                } catch (IOException taken) {
                    // try another
                }
            }
        }
        throw new IOException("no two consecutive free ports on " + host);
    }
}
