package org.olelo.core.flood;

import java.util.List;

/**
 * Flood detection per source address.
 *
 * @param requestsPerSecond requests one source may send in one second; more, and its requests are
 *                          dropped unanswered for {@code blockSeconds} (default 1,000: more than a
 *                          phone, a PBX or a small trunk sends, less than one attacking host does;
 *                          0 turns detection off)
 * @param blockSeconds      how long a flooding source is ignored (default 60)
 * @param exempt            sources never blocked (default loopback, 127.0.0.0/8 and ::1: local
 *                          processes, which no remote sender can pretend to be)
 */
public record FloodSettings(int requestsPerSecond, int blockSeconds, List<Cidr> exempt) {

    /** The defaults: 1,000 requests per second, 60 s blocks, loopback exempt. */
    public static final FloodSettings DEFAULT = new FloodSettings(1000, 60, Cidr.parseList("127.0.0.0/8,::1"));

    /** Checks the ranges: a rate of 0 (off) or more, a block of at least one second. */
    public FloodSettings {
        if (requestsPerSecond < 0 || blockSeconds < 1) {
            throw new IllegalArgumentException("flood settings out of range: " + requestsPerSecond + " requests/s, "
                    + blockSeconds + " s");
        }
        exempt = List.copyOf(exempt);
    }

    /** True when flood detection runs. */
    public boolean enabled() {
        return requestsPerSecond > 0;
    }
}
