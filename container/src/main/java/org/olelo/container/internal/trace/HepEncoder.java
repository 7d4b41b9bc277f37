package org.olelo.container.internal.trace;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;

/**
 * Encodes a traced message as a HEP version 3 packet (the Homer encapsulation protocol): the
 * 6-byte header {@code "HEP3"} and total length, then chunks of vendor 0 (generic), each a
 * vendor id, a type id and a length (all 16-bit, big-endian, the length counting the 6-byte chunk
 * header) followed by the value:
 *
 * <pre>
 *  type  value                          here
 *   1    IP protocol family, uint8      2 (IPv4) or 10 (IPv6)
 *   2    IP protocol id, uint8          17 (UDP) or 6 (TCP)
 *   3/4  IPv4 source/destination        4 bytes each  (IPv6: types 5/6, 16 bytes each)
 *   7/8  source/destination port        uint16
 *   9    timestamp, seconds             uint32
 *   10   timestamp, microseconds        uint32 (added to the seconds)
 *   11   application protocol, uint8    1 (SIP)
 *   12   capture agent id               uint32
 *   15   captured payload               the SIP message as it crossed the socket
 * </pre>
 *
 * Stateless; any thread.
 */
final class HepEncoder {

    /** Largest packet sent in one datagram (the largest UDP payload over IPv4). */
    static final int MAX_PACKET = 65_507;

    private static final int HEADER = 6;
    private static final int CHUNK = 6;
    private static final byte FAMILY_V4 = 2;
    private static final byte FAMILY_V6 = 10;
    private static final byte PROTO_UDP = 17;
    private static final byte PROTO_TCP = 6;
    private static final byte SIP = 1;

    private HepEncoder() {
    }

    /**
     * @param r         the traced message
     * @param captureId the capture agent id
     * @return the packet, or null when it would not fit in one datagram
     */
    static byte[] encode(TraceRecord r, long captureId) {
        InetAddress src = r.source().getAddress();
        InetAddress dst = r.destination().getAddress();
        boolean v6 = (dst != null ? dst : src) instanceof Inet6Address;
        byte[] s = addressBytes(src, v6);
        byte[] d = addressBytes(dst, v6);
        int length = HEADER + 2 * (CHUNK + 1) + 2 * (CHUNK + s.length) + 2 * (CHUNK + 2) + 2 * (CHUNK + 4)
                + (CHUNK + 1) + (CHUNK + 4) + (CHUNK + r.data().length);
        if (length > MAX_PACKET) {
            return null;
        }
        ByteBuffer b = ByteBuffer.allocate(length);
        b.put((byte) 'H').put((byte) 'E').put((byte) 'P').put((byte) '3').putShort((short) length);
        chunk(b, 1, 1).put(v6 ? FAMILY_V6 : FAMILY_V4);
        chunk(b, 2, 1).put(r.transport().equalsIgnoreCase("UDP") ? PROTO_UDP : PROTO_TCP);
        chunk(b, v6 ? 5 : 3, s.length).put(s);
        chunk(b, v6 ? 6 : 4, d.length).put(d);
        chunk(b, 7, 2).putShort((short) r.source().getPort());
        chunk(b, 8, 2).putShort((short) r.destination().getPort());
        chunk(b, 9, 4).putInt((int) (r.micros() / 1_000_000));
        chunk(b, 10, 4).putInt((int) (r.micros() % 1_000_000));
        chunk(b, 11, 1).put(SIP);
        chunk(b, 12, 4).putInt((int) captureId);
        chunk(b, 15, r.data().length).put(r.data());
        return b.array();
    }

    private static ByteBuffer chunk(ByteBuffer b, int type, int valueLength) {
        return b.putShort((short) 0).putShort((short) type).putShort((short) (CHUNK + valueLength));
    }

    /** The address in the family of the packet; the unspecified address when it has no such form. */
    private static byte[] addressBytes(InetAddress a, boolean v6) {
        if (a == null) {
            return new byte[v6 ? 16 : 4];
        }
        byte[] raw = a.getAddress();
        if (v6 == (a instanceof Inet6Address)) {
            return raw;
        }
        if (v6) {
            byte[] mapped = new byte[16]; // ::ffff:a.b.c.d
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(raw, 0, mapped, 12, 4);
            return mapped;
        }
        return new byte[4];
    }
}
