package org.olelo.core.internal.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Framing of stream transports: the cost of a header section read in pieces, keep-alive pings. */
class StreamFramerTest {

    /** A stream that hands out at most {@code piece} bytes per read, like a peer writing slowly. */
    private static final class Trickle extends InputStream {
        private final byte[] data;
        private final int piece;
        private int pos;

        Trickle(byte[] data, int piece) {
            this.data = data;
            this.piece = piece;
        }

        @Override
        public int read() {
            return pos < data.length ? data[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= data.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, piece), data.length - pos);
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    private static byte[] bigRequest(int headerBytes) {
        StringBuilder sb = new StringBuilder("OPTIONS sip:bob@example.com SIP/2.0\r\n")
                .append("Via: SIP/2.0/TCP 127.0.0.1:5070;branch=z9hG4bK-big\r\n");
        int n = 0;
        while (sb.length() < headerBytes) {
            sb.append("X-Pad-").append(n++).append(": ").append("a".repeat(80)).append("\r\n");
        }
        sb.append("Content-Length: 4\r\n\r\nbody");
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aHeaderSectionReadInSmallPiecesIsScannedAboutOnce() throws IOException {
        byte[] msg = bigRequest(60_000);
        StreamFramer whole = new StreamFramer(new Trickle(msg, msg.length), 65_535);
        assertArrayEquals(msg, whole.next());
        StreamFramer pieces = new StreamFramer(new Trickle(msg, 100), 65_535);
        assertArrayEquals(msg, pieces.next());
        // each read scans only the new bytes and the two before them: at most 3 per 100-byte read more
        long bound = whole.bytesExamined() + 3L * (msg.length / 100 + 1);
        assertTrue(pieces.bytesExamined() <= bound, "bytes examined in 100-byte pieces: " + pieces.bytesExamined()
                + ", in one piece: " + whole.bytesExamined() + ", bound " + bound);
        assertNull(pieces.next(), "end of stream");
    }

    @Test
    void anEndOfHeaderSplitAcrossReadsIsFound() throws IOException {
        byte[] msg = "OPTIONS sip:a@b SIP/2.0\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        for (int piece = 1; piece <= 4; piece++) {
            ByteArrayOutputStream two = new ByteArrayOutputStream();
            two.write(msg);
            two.write(msg);
            StreamFramer f = new StreamFramer(new Trickle(two.toByteArray(), piece), 65_535);
            assertArrayEquals(msg, f.next(), "first message, pieces of " + piece);
            assertArrayEquals(msg, f.next(), "second message, pieces of " + piece);
            assertNull(f.next());
        }
    }

    @Test
    void doubleCrlfPingsAreCountedAndSingleCrlfsAreNot() throws IOException {
        byte[] msg = "OPTIONS sip:a@b SIP/2.0\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        s.write("\r\n\r\n\r\n".getBytes(StandardCharsets.US_ASCII)); // one ping and a stray CRLF
        s.write(msg);
        s.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));     // a second ping, read one byte at a time
        StreamFramer f = new StreamFramer(new Trickle(s.toByteArray(), 1), 65_535);
        assertArrayEquals(msg, f.next());
        assertEquals(1, f.takePings());
        assertNull(f.next());
        assertEquals(1, f.takePings());
        assertEquals(0, f.takePings(), "taken once");
    }

    @Test
    void aHeaderSectionBeyondTheLimitEndsTheStream() {
        byte[] msg = bigRequest(9_000);
        StreamFramer f = new StreamFramer(new Trickle(msg, 100), 4_096);
        assertThrows(StreamFramer.FramingException.class, f::next);
    }
}
