package org.olelo.core.transport;

/**
 * Limits of the TCP listening points, so that idle, slow or too many connections cannot exhaust the
 * server's file descriptors and reader threads.
 *
 * @param maxConnections        open connections (accepted and opened by us) at which a newly
 *                              accepted one makes room by closing the oldest accepted connection
 *                              that has not yet carried a SIP message, or, when every one has, is
 *                              closed at once (default 4,096)
 * @param maxPerAddress         accepted connections from one IP address beyond which a new one from
 *                              it is closed at once (default 256: an office behind one NAT address
 *                              fits, one host cannot take every slot)
 * @param idleTimeoutSeconds    a connection on which nothing was read or written for this long is
 *                              closed (default 300); CRLF keep-alives count as activity; 0 never
 * @param messageTimeoutSeconds once the first byte of a message has arrived, the whole message must
 *                              arrive within this many seconds or the connection is closed (default
 *                              32 = 64×T1: past it every transaction the message could belong to has
 *                              timed out anyway)
 */
public record TcpLimits(int maxConnections, int maxPerAddress, int idleTimeoutSeconds, int messageTimeoutSeconds) {

    /** The defaults: 4,096 connections, 256 from one address, 300 s idle, 32 s per message. */
    public static final TcpLimits DEFAULT = new TcpLimits(4096, 256, 300, 32);

    /**
     * Checks the ranges: at least one connection and one per address, idle timeout 0 (never) or more,
     * message timeout 1 s or more.
     */
    public TcpLimits {
        if (maxConnections < 1 || maxPerAddress < 1 || idleTimeoutSeconds < 0 || messageTimeoutSeconds < 1) {
            throw new IllegalArgumentException("TCP limits out of range: " + maxConnections + " connections, "
                    + maxPerAddress + " per address, " + idleTimeoutSeconds + " s idle, " + messageTimeoutSeconds
                    + " s per message");
        }
    }
}
