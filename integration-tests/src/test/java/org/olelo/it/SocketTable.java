package org.olelo.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Tells whether some process on this host has bound a local port, from the Linux socket tables in
 * {@code /proc/net}. Unlike a trial bind, reading them cannot take the port away from the process
 * that is about to bind it.
 */
final class SocketTable {

    private static final String TCP_LISTEN = "0A";

    private SocketTable() {
    }

    /**
     * @param tcp  TCP (listening sockets) or UDP (bound sockets)
     * @param port the local port
     * @return whether it is bound, or null when the tables cannot be read (not Linux)
     */
    static Boolean bound(boolean tcp, int port) {
        String hexPort = ":" + String.format(Locale.ROOT, "%04X", port);
        boolean readable = false;
        for (String table : tcp ? List.of("tcp", "tcp6") : List.of("udp", "udp6")) {
            Path p = Path.of("/proc/net", table);
            if (!Files.isReadable(p)) {
                continue;
            }
            try {
                for (String line : Files.readAllLines(p)) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 3 && f[1].endsWith(hexPort) && (!tcp || f[3].equals(TCP_LISTEN))) {
                        return true;
                    }
                }
                readable = true;
            } catch (IOException e) {
                // try the other table
            }
        }
        return readable ? Boolean.FALSE : null;
    }
}
