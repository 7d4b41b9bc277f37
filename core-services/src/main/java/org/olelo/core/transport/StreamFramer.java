package org.olelo.core.transport;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts a byte stream into SIP messages (RFC 3261 §18.3): the header section ends at the first empty
 * line, and {@code Content-Length} (or its compact form {@code l}) gives the body size, which is
 * mandatory on streams. CRLF keep-alives between messages (RFC 5626) are skipped.
 *
 * <p>Not thread-safe: one framer per connection, used by that connection's reader.
 */
public final class StreamFramer {

    /** Raised when the stream cannot be framed any more; the connection must be closed. */
    public static final class FramingException extends IOException {
        FramingException(String message) {
            super(message);
        }
    }

    private final InputStream in;
    private final int maxMessageBytes;
    private byte[] buf = new byte[8192];
    private int start;
    private int end;

    public StreamFramer(InputStream in, int maxMessageBytes) {
        this.in = in;
        this.maxMessageBytes = maxMessageBytes;
    }

    /**
     * Reads the next complete message.
     *
     * @return the message bytes, or null at end of stream
     * @throws FramingException when Content-Length is missing, negative, repeated with different values,
     *                          or the message exceeds the size limit
     */
    public byte[] next() throws IOException {
        while (true) {
            while (start < end && (buf[start] == '\r' || buf[start] == '\n')) {
                start++;
            }
            int headerEnd = findHeaderEnd();
            if (headerEnd >= 0) {
                int bodyLength = contentLength(start, headerEnd);
                int total = headerEnd - start + bodyLength;
                if (total > maxMessageBytes) {
                    throw new FramingException("message larger than " + maxMessageBytes + " bytes");
                }
                if (end - start >= total) {
                    byte[] msg = Arrays.copyOfRange(buf, start, start + total);
                    start += total;
                    return msg;
                }
            } else if (end - start > maxMessageBytes) {
                throw new FramingException("header section larger than " + maxMessageBytes + " bytes");
            }
            if (!fill()) {
                return null;
            }
        }
    }

    private boolean fill() throws IOException {
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
        if (n < 0) {
            return false;
        }
        end += n;
        return true;
    }

    /** Index just after the CRLFCRLF (or LFLF) closing the header section, or -1. */
    private int findHeaderEnd() {
        for (int i = start; i + 1 < end; i++) {
            if (buf[i] == '\n') {
                if (buf[i + 1] == '\n') {
                    return i + 2;
                }
                if (buf[i + 1] == '\r' && i + 2 < end && buf[i + 2] == '\n') {
                    return i + 3;
                }
            }
        }
        return -1;
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
        String name = new String(buf, s, ne - s, java.nio.charset.StandardCharsets.US_ASCII);
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
