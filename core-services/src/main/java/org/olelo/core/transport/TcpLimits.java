package org.olelo.core.transport;

/**
 * Limits of the TCP listening points, so that idle, slow or too many connections cannot exhaust the
 * server's file descriptors and reader threads.
 *
 * @param maxConnections        open connections (accepted and opened by us) beyond which a newly
 *                              accepted connection is closed at once (default 4,096)
 * @param idleTimeoutSeconds    a connection on which nothing was read or written for this long is
 *                              closed (default 300); CRLF keep-alives count as activity; 0 never
 * @param messageTimeoutSeconds once the first byte of a message has arrived, the whole message must
 *                              arrive within this many seconds or the connection is closed (default
 *                              32 = 64×T1: past it every transaction the message could belong to has
 *                              timed out anyway)
 */
public record TcpLimits(int maxConnections, int idleTimeoutSeconds, int messageTimeoutSeconds) {

    /** The defaults: 4,096 connections, 300 s idle, 32 s per message. */
    public static final TcpLimits DEFAULT = new TcpLimits(4096, 300, 32);

    /** Checks the ranges: at least one connection, idle timeout 0 (never) or more, message timeout 1 s or more. */
    public TcpLimits {
        if (maxConnections < 1 || idleTimeoutSeconds < 0 || messageTimeoutSeconds < 1) {
            throw new IllegalArgumentException("TCP limits out of range: " + maxConnections + " connections, "
                    + idleTimeoutSeconds + " s idle, " + messageTimeoutSeconds + " s per message");
        }
    }
}
