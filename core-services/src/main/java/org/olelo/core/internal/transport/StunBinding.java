package org.olelo.core.internal.transport;

import java.net.Inet4Address;
import java.net.InetSocketAddress;

/**
 * Answers STUN Binding Requests (RFC 5389) that arrive on a SIP datagram port, as RFC 5626 §4.4.2
 * asks of a server that takes part in outbound keep-alives: a client behind NAT sends them to learn
 * its public address and to keep its NAT binding open, and the answer carries that address in an
 * XOR-MAPPED-ADDRESS attribute.
 *
 * <p>A SIP message starts with a letter, a STUN message with a byte whose two high bits are zero
 * (RFC 5626 §4.4.2, RFC 7983), so the first byte tells them apart without parsing. Anything that
 * looks like STUN but is not a well-formed Binding Request (wrong length, no magic cookie, another
 * method or class) is ignored: no answer, nothing logged.
 *
 * <p>Stateless; any thread. Costs a fixed handful of byte operations per datagram.
 */
final class StunBinding {

    static final int HEADER = 20;
    private static final int MAGIC_COOKIE = 0x2112A442;
    private static final int BINDING_REQUEST = 0x0001;
    private static final int BINDING_SUCCESS = 0x0101;
    private static final int XOR_MAPPED_ADDRESS = 0x0020;

    private StunBinding() {
    }

    /** True when the datagram cannot be SIP and should be looked at as STUN (first byte 0x00 or 0x01). */
    static boolean looksLikeStun(byte[] data, int length) {
        return length > 0 && (data[0] & 0xFE) == 0;
    }

    /**
     * @param data   the datagram
     * @param length its length
     * @param from   where it came from (the address reported back)
     * @return the Binding Success Response to send back, or null when the datagram is not a valid
     *         Binding Request
     */
    static byte[] answer(byte[] data, int length, InetSocketAddress from) {
        if (length < HEADER || (length & 3) != 0) {
            return null;
        }
        int type = u16(data, 0);
        int bodyLength = u16(data, 2);
        if (type != BINDING_REQUEST || bodyLength != length - HEADER || u32(data, 4) != MAGIC_COOKIE) {
            return null;
        }
        byte[] address = from.getAddress().getAddress();
        boolean v4 = from.getAddress() instanceof Inet4Address;
        int attrLength = 4 + address.length;
        byte[] out = new byte[HEADER + 4 + attrLength];
        put16(out, 0, BINDING_SUCCESS);
        put16(out, 2, 4 + attrLength);
        System.arraycopy(data, 4, out, 4, 16); // magic cookie and transaction id, as received
        put16(out, HEADER, XOR_MAPPED_ADDRESS);
        put16(out, HEADER + 2, attrLength);
        out[HEADER + 4] = 0;
        out[HEADER + 5] = (byte) (v4 ? 0x01 : 0x02);
        put16(out, HEADER + 6, from.getPort() ^ (MAGIC_COOKIE >>> 16));
        for (int i = 0; i < address.length; i++) {
            // XOR with the magic cookie, then (IPv6) with the transaction id: bytes 4.. of the header
            out[HEADER + 8 + i] = (byte) (address[i] ^ data[4 + i]);
        }
        return out;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    private static int u32(byte[] b, int at) {
        return u16(b, at) << 16 | u16(b, at + 2);
    }

    private static void put16(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 8);
        b[at + 1] = (byte) v;
    }
}
