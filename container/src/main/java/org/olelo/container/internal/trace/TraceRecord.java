package org.olelo.container.internal.trace;

import java.net.InetSocketAddress;

/**
 * One traced message, as it crossed a listening point. Immutable once made (the bytes are a
 * private copy); made on a transport or sending thread, written on the trace writer thread.
 *
 * @param micros    when it was read or written, microseconds since the epoch
 * @param inbound   true when the server read it, false when it sent it
 * @param transport the transport name, {@code UDP} or {@code TCP}
 * @param local     the server's address of the listening point
 * @param remote    the peer's address
 * @param data      the message bytes
 * @param filter    the trace it belongs to
 */
record TraceRecord(long micros, boolean inbound, String transport, InetSocketAddress local, InetSocketAddress remote,
                   byte[] data, TraceFilter filter) {

    /** @return where the message came from */
    InetSocketAddress source() {
        return inbound ? remote : local;
    }

    /** @return where the message went */
    InetSocketAddress destination() {
        return inbound ? local : remote;
    }
}
