package org.olelo.container.internal.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** HEP v3 packets, byte by byte, for IPv6 and TCP (the loopback tests cover IPv4 and UDP). */
class HepEncoderTest {

    private static Map<Integer, byte[]> chunks(byte[] packet) {
        ByteBuffer b = ByteBuffer.wrap(packet);
        assertEquals('H', b.get());
        assertEquals('E', b.get());
        assertEquals('P', b.get());
        assertEquals('3', b.get());
        assertEquals(packet.length, b.getShort() & 0xffff);
        Map<Integer, byte[]> out = new HashMap<>();
        while (b.hasRemaining()) {
            assertEquals(0, b.getShort());
            int type = b.getShort();
            byte[] v = new byte[(b.getShort() & 0xffff) - 6];
            b.get(v);
            out.put(type, v);
        }
        return out;
    }

    @Test
    void anIpv6TcpMessageSentByTheServer() throws Exception {
        InetAddress local = InetAddress.getByName("2001:db8::1");
        InetAddress remote = InetAddress.getByName("2001:db8::2");
        byte[] msg = "OPTIONS sip:x SIP/2.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        TraceRecord r = new TraceRecord(1_700_000_000_123_456L, false, "TCP", new InetSocketAddress(local, 5060),
                new InetSocketAddress(remote, 40000), msg, TraceFilter.user("alice"));
        Map<Integer, byte[]> c = chunks(HepEncoder.encode(r, 0xfffffffeL));
        assertArrayEquals(new byte[] {10}, c.get(1), "IPv6");
        assertArrayEquals(new byte[] {6}, c.get(2), "TCP");
        assertArrayEquals(local.getAddress(), c.get(5), "source: the server, which sent it");
        assertArrayEquals(remote.getAddress(), c.get(6));
        assertEquals(5060, ByteBuffer.wrap(c.get(7)).getShort() & 0xffff);
        assertEquals(40000, ByteBuffer.wrap(c.get(8)).getShort() & 0xffff);
        assertEquals(1_700_000_000, ByteBuffer.wrap(c.get(9)).getInt());
        assertEquals(123_456, ByteBuffer.wrap(c.get(10)).getInt());
        assertArrayEquals(new byte[] {1}, c.get(11), "SIP");
        assertEquals(0xfffffffeL, ByteBuffer.wrap(c.get(12)).getInt() & 0xffffffffL);
        assertArrayEquals(msg, c.get(15));
        assertEquals(11, c.size());
    }

    @Test
    void aMessageTooLargeForADatagramIsNotEncoded() throws Exception {
        InetSocketAddress a = new InetSocketAddress(InetAddress.getLoopbackAddress(), 5060);
        assertNull(HepEncoder.encode(new TraceRecord(0, true, "TCP", a, a, new byte[HepEncoder.MAX_PACKET],
                TraceFilter.call("x")), 1));
    }
}
