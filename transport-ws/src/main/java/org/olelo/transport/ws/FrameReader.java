package org.olelo.transport.ws;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Reads the frames a client sends (RFC 6455 §5) and puts data frames together into messages: each
 * text or binary message is one SIP message (RFC 7118 §5). Control frames are handed to the
 * {@link Control} as they come, also between the fragments of a message.
 *
 * <p>Checks, each a {@link ProtocolError} with the close code to send: client frames must be
 * masked, reserved bits clear, opcodes known, control frames short and unfragmented, continuations
 * only inside a message, text valid UTF-8 (1007), and a message no longer than the core's
 * {@code maxMessageBytes} (1009; the length is checked before the payload is read, so an announced
 * giant frame costs nothing). Once the first byte of a message is read, the whole message must
 * arrive within the message timeout.
 *
 * <p>Runs on the connection's reader thread; blocks only in socket reads, each with a timeout set
 * to what is left of the message's deadline.
 */
final class FrameReader {

    /** What the connection does with control frames. */
    interface Control {
        /** A ping arrived: answer it with a pong carrying the same payload. */
        void ping(byte[] payload) throws IOException;
    }

    /** The peer broke the protocol: close with this code. */
    static final class ProtocolError extends IOException {
        final int code;

        ProtocolError(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    /** The peer sent a close frame: answer it with the same code and close. */
    static final class CloseReceived extends IOException {
        final int code;

        CloseReceived(int code) {
            super("closed by the peer (" + code + ")");
            this.code = code;
        }
    }

    static final int NORMAL = 1000;
    static final int GOING_AWAY = 1001;
    static final int PROTOCOL_ERROR = 1002;
    static final int INVALID_DATA = 1007;
    static final int TOO_BIG = 1009;
    static final int NO_CODE = 1005;

    private final Socket socket;
    private final InputStream in;
    private final int maxMessageBytes;
    private final long messageTimeoutNanos;
    private final Control control;
    private final byte[] header = new byte[8];
    private long deadline;

    FrameReader(Socket socket, InputStream in, int maxMessageBytes, int messageTimeoutSeconds, Control control) {
        this.socket = socket;
        this.in = in;
        this.maxMessageBytes = maxMessageBytes;
        this.messageTimeoutNanos = TimeUnit.SECONDS.toNanos(messageTimeoutSeconds);
        this.control = control;
    }

    /**
     * Waits up to {@code millis} (0: for ever) for the first byte of the next frame.
     *
     * @return the byte, -1 at the end of the stream, -2 when the wait ran out
     */
    int awaitFrame(long millis) throws IOException {
        socket.setSoTimeout(millis == 0 ? 0 : (int) Math.max(1, Math.min(Integer.MAX_VALUE, millis)));
        try {
            return in.read();
        } catch (SocketTimeoutException e) {
            return -2;
        }
    }

    /**
     * Reads the rest of the message whose first frame starts with {@code first}.
     *
     * @param first the first byte, from {@link #awaitFrame}
     * @return the message's payload; null when the frames were control frames only (answered)
     * @throws CloseReceived  when the peer closes
     * @throws ProtocolError  when the peer broke the protocol
     * @throws IOException    when reading fails or the message timeout passed
     */
    byte[] message(int first) throws IOException {
        deadline = System.nanoTime() + messageTimeoutNanos;
        byte[] data = null;
        int length = 0;
        boolean text = false;
        int b0 = first;
        while (true) {
            int b1 = readByte();
            if ((b0 & 0x70) != 0) {
                throw new ProtocolError(PROTOCOL_ERROR, "reserved bits set");
            }
            if ((b1 & 0x80) == 0) {
                throw new ProtocolError(PROTOCOL_ERROR, "an unmasked client frame");
            }
            boolean fin = (b0 & 0x80) != 0;
            int opcode = b0 & 0x0F;
            long len = payloadLength(b1 & 0x7F);
            if (opcode >= 8) {
                if (!fin || len > 125) {
                    throw new ProtocolError(PROTOCOL_ERROR, "a fragmented or long control frame");
                }
                byte[] payload = payload((int) len);
                if (opcode == 0x8) {
                    throw new CloseReceived(len >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : NO_CODE);
                } else if (opcode == 0x9) {
                    control.ping(payload);
                } else if (opcode != 0xA) {
                    throw new ProtocolError(PROTOCOL_ERROR, "unknown control opcode " + opcode);
                }
                if (data == null) {
                    return null;
                }
            } else {
                if (opcode == 0 ? data == null : opcode > 2 || data != null) {
                    throw new ProtocolError(PROTOCOL_ERROR, opcode > 2 ? "unknown data opcode " + opcode
                            : "a continuation outside a message, or a new message inside one");
                }
                if (len > maxMessageBytes - length) {
                    throw new ProtocolError(TOO_BIG, "a message longer than " + maxMessageBytes + " bytes");
                }
                if (data == null) {
                    text = opcode == 1;
                    data = new byte[(int) Math.min(len, maxMessageBytes)];
                } else if (data.length < length + len) {
                    data = Arrays.copyOf(data, (int) Math.min(maxMessageBytes, Math.max(2L * data.length, length + len)));
                }
                readMasked(data, length, (int) len);
                length += (int) len;
                if (fin) {
                    byte[] message = length == data.length ? data : Arrays.copyOf(data, length);
                    if (text && !Frames.isUtf8(message)) {
                        throw new ProtocolError(INVALID_DATA, "a text message that is not UTF-8");
                    }
                    return message;
                }
            }
            b0 = readByte();
        }
    }

    private long payloadLength(int seven) throws IOException {
        if (seven < 126) {
            return seven;
        }
        int n = seven == 126 ? 2 : 8;
        readFully(header, 0, n);
        long len = 0;
        for (int i = 0; i < n; i++) {
            len = (len << 8) | (header[i] & 0xFF);
        }
        if (len < 0) {
            throw new ProtocolError(PROTOCOL_ERROR, "a negative frame length");
        }
        return len;
    }

    private byte[] payload(int len) throws IOException {
        byte[] p = new byte[len];
        readMasked(p, 0, len);
        return p;
    }

    private void readMasked(byte[] into, int off, int len) throws IOException {
        readFully(header, 0, 4);
        readFully(into, off, len);
        for (int i = 0; i < len; i++) {
            into[off + i] ^= header[i & 3];
        }
    }

    private int readByte() throws IOException {
        readFully(header, 0, 1);
        return header[0] & 0xFF;
    }

    private void readFully(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new SocketTimeoutException("a message did not complete within the message timeout");
            }
            socket.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            int n = in.read(b, off, len);
            if (n < 0) {
                throw new EOFException("closed inside a frame");
            }
            off += n;
            len -= n;
        }
    }
}
