package org.olelo.transport.ws;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Frames the server sends (RFC 6455 §5.2): unmasked, unfragmented. A SIP message goes as a text
 * frame when it is UTF-8 (what browsers' SIP stacks expect), else as a binary frame (RFC 7118 §5).
 * Stateless.
 */
final class Frames {

    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;

    private Frames() {
    }

    /** A data frame holding one SIP message. */
    static byte[] message(byte[] sip) {
        return frame(isUtf8(sip) ? TEXT : BINARY, sip);
    }

    /** A close frame with a status code. */
    static byte[] close(int code) {
        return frame(CLOSE, new byte[] {(byte) (code >> 8), (byte) code});
    }

    /** One complete frame with the FIN bit set. */
    static byte[] frame(int opcode, byte[] payload) {
        int len = payload.length;
        int head = len < 126 ? 2 : len <= 0xFFFF ? 4 : 10;
        byte[] f = new byte[head + len];
        f[0] = (byte) (0x80 | opcode);
        if (len < 126) {
            f[1] = (byte) len;
        } else if (len <= 0xFFFF) {
            f[1] = 126;
            f[2] = (byte) (len >> 8);
            f[3] = (byte) len;
        } else {
            f[1] = 127;
            for (int i = 0; i < 8; i++) {
                f[2 + i] = (byte) ((long) len >> (56 - 8 * i));
            }
        }
        System.arraycopy(payload, 0, f, head, len);
        return f;
    }

    /** Whether the bytes are UTF-8; ASCII (nearly every SIP message) is checked without a decoder. */
    static boolean isUtf8(byte[] m) {
        for (byte b : m) {
            if (b < 0) {
                try {
                    StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(m));
                    return true;
                } catch (CharacterCodingException e) {
                    return false;
                }
            }
        }
        return true;
    }
}
