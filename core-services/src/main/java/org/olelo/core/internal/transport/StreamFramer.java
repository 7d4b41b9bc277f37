package org.olelo.core.internal.transport;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts a byte stream into SIP messages (RFC 3261 §18.3): the header section ends at the first empty
 * line, and {@code Content-Length} (or its compact form {@code l}) gives the body size, which is
 * mandatory on streams. CRLF keep-alives between messages (RFC 5626 §3.5.1) are skipped and each
 * double-CRLF "ping" is counted, so that the connection can answer it with a CRLF "pong".
 *
 * <p>The search for the end of the header section is incremental: each read scans only the bytes
 * that arrived since the previous one (plus two bytes of overlap), so a header section that
 * trickles in one small piece at a time costs the same as one written whole.
 * {@link #bytesExamined()} counts the bytes the search looked at.
 *
 * <p>Two ways to use it: {@link #next()} blocks on the stream until a message is complete;
 * {@link #poll()} and {@link #read()} let the caller decide when to read (and watch timeouts
 * between reads). Not thread-safe: one framer per connection, used by that connection's reader.
 */
public final class StreamFramer {

    /** Raised when the stream cannot be framed any more; the connection must be closed. */
    public static final class FramingException extends IOException {
        FramingException(String message) {
            super(message);
        }
    }

    private static final byte[] PING = {'\r', '\n', '\r', '\n'};

    private final InputStream in;
    private final int maxMessageBytes;
    private byte[] buf = new byte[8192];
    private int start;
    private int end;
    /** Bytes after {@code start} that the header-end search has already ruled out. */
    private int scanned;
    /** Length of the current message's header section once its end was found, else -1. */
    private int headerLength = -1;
    /** Total length of the current message once its Content-Length was read, else -1. */
    private int total = -1;
    /** How many bytes of {@link #PING} the CR/LF bytes between messages have matched so far. */
    private int pingMatched;
    private int pings;
    private long examined;

    public StreamFramer(InputStream in, int maxMessageBytes) {
        this.in = in;
        this.maxMessageBytes = maxMessageBytes;
    }

    /**
     * Reads the next complete message, blocking on the stream as long as it takes.
     *
     * @return the message bytes, or null at end of stream
     * @throws FramingException when Content-Length is missing, negative, repeated with different values,
     *                          or the message exceeds the size limit
     */
    public byte[] next() throws IOException {
        while (true) {
            byte[] m = poll();
            if (m != null) {
                return m;
            }
            if (read() < 0) {
                return null;
            }
        }
    }

    /**
     * The next complete message among the bytes read so far, without reading.
     *
     * @return the message bytes, or null when more bytes are needed
     * @throws FramingException as {@link #next()}
     */
    public byte[] poll() throws FramingException {
        skipKeepAlives();
        if (start == end) {
            return null;
        }
        if (headerLength < 0) {
            int headerEnd = findHeaderEnd();
            if (headerEnd < 0) {
                if (end - start > maxMessageBytes) {
                    throw new FramingException("header section larger than " + maxMessageBytes + " bytes");
                }
                return null;
            }
            headerLength = headerEnd - start;
            total = headerLength + contentLength(start, headerEnd);
            if (total > maxMessageBytes) {
                throw new FramingException("message larger than " + maxMessageBytes + " bytes");
            }
        }
        if (end - start < total) {
            return null;
        }
        byte[] msg = Arrays.copyOfRange(buf, start, start + total);
        start += total;
        scanned = 0;
        headerLength = -1;
        total = -1;
        return msg;
    }

    /**
     * Reads once from the stream into the buffer (blocking until some bytes arrive, or the stream's
     * own timeout expires).
     *
     * @return the number of bytes read, or -1 at end of stream
     */
    public int read() throws IOException {
        if (start > 0 && start == end) {
            start = end = 0;
        }
        if (end == buf.length) {
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                start = 0;
            } else {
                buf = Arrays.copyOf(buf, Math.min(buf.length * 2, maxMessageBytes + 8192));
            }
        }
        int n = in.read(buf, end, buf.length - end);
        if (n > 0) {
            end += n;
        }
        return n;
    }

    /** True when the first bytes of a message have been read but not the whole message. */
    public boolean inMessage() {
        return start < end && buf[start] != '\r' && buf[start] != '\n';
    }

    /** The double-CRLF keep-alive pings read since the last call (each deserves one CRLF pong). */
    public int takePings() {
        int p = pings;
        pings = 0;
        return p;
    }

    /** Bytes the header-end search has examined since this framer was made. */
    public long bytesExamined() {
        return examined;
    }

    /** Consumes CR and LF bytes before a message, counting each CRLFCRLF among them as a ping. */
    private void skipKeepAlives() {
        if (headerLength >= 0 || scanned > 0) {
            return; // inside a message
        }
        while (start < end && (buf[start] == '\r' || buf[start] == '\n')) {
            byte b = buf[start++];
            if (b == PING[pingMatched]) {
                if (++pingMatched == PING.length) {
                    pings++;
                    pingMatched = 0;
                }
            } else {
                pingMatched = b == '\r' ? 1 : 0;
            }
        }
        if (start < end) {
            pingMatched = 0; // a message starts: CRLFs before it were not a complete ping
        }
    }

    /**
     * Index just after the CRLFCRLF (or LFLF) closing the header section, or -1. Resumes where the
     * previous search stopped: a position is ruled out once the two bytes after it were seen.
     */
    private int findHeaderEnd() {
        int from = start + scanned;
        int i = from;
        try {
            for (; i + 1 < end; i++) {
                if (buf[i] == '\n') {
                    if (buf[i + 1] == '\n') {
                        return i + 2;
                    }
                    if (buf[i + 1] == '\r') {
                        if (i + 2 >= end) {
                            break; // the byte that decides has not arrived: look here again next time
                        }
                        if (buf[i + 2] == '\n') {
                            return i + 3;
                        }
                    }
                }
            }
            scanned = i - start;
            return -1;
        } finally {
            examined += i - from + 1;
        }
    }

    private int contentLength(int from, int to) throws FramingException {
        int found = -1;
        int lineStart = from;
        for (int i = from; i < to; i++) {
            if (buf[i] == '\n') {
                int value = headerValue(lineStart, i);
                if (value >= 0) {
                    if (found >= 0 && found != value) {
                        throw new FramingException("conflicting Content-Length values");
                    }
                    found = value;
                }
                lineStart = i + 1;
            }
        }
        if (found < 0) {
            throw new FramingException("Content-Length missing on a stream transport");
        }
        return found;
    }

    /** Value of a Content-Length line, -1 when the line is another header. */
    private int headerValue(int s, int e) throws FramingException {
        int colon = -1;
        for (int i = s; i < e; i++) {
            if (buf[i] == ':') {
                colon = i;
                break;
            }
        }
        if (colon < 0) {
            return -1;
        }
        int ne = colon;
        while (ne > s && (buf[ne - 1] == ' ' || buf[ne - 1] == '\t')) {
            ne--;
        }
        int nameLength = ne - s;
        if (nameLength != 1 && nameLength != 14) {
            return -1; // neither "l" nor "Content-Length": no string made for other headers
        }
        String name = new String(buf, s, nameLength, java.nio.charset.StandardCharsets.US_ASCII);
        if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("l")) {
            return -1;
        }
        String v = new String(buf, colon + 1, e - colon - 1, java.nio.charset.StandardCharsets.US_ASCII).trim();
        try {
            long n = Long.parseLong(v);
            if (n < 0 || n > maxMessageBytes) {
                throw new FramingException("Content-Length " + v + " out of range");
            }
            return (int) n;
        } catch (NumberFormatException ex) {
            throw new FramingException("Content-Length '" + v + "' is not a number");
        }
    }
}
