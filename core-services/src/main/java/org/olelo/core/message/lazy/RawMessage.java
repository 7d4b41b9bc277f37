package org.olelo.core.message.lazy;

/**
 * One received message framed in a single pass over its bytes: the start line, an index of its
 * header lines (where each name, value and line begins and ends, and which {@link HeaderId} it is)
 * and the body as Content-Length delimits it. Nothing is copied and no String is made: the index is
 * one int array and one byte array, grown by doubling, so bounded by the message's size.
 *
 * <p>Framing follows RFC 3261 §7, as leniently as JAIN-SIP where it is lenient: CRLF, a bare LF or
 * a lone CR ends a line; white space and control characters end no value (JAIN-SIP trims them);
 * CRLFs (and, as JAIN-SIP does, any control characters) before the start line are skipped (§7.5);
 * a line starting with SP or HT continues the header above (§7.3.1), whose value then spans the
 * folded lines; a line without a token name and a colon is marked {@link #broken}; Content-Length, when present, must be one decimal number no larger than the
 * bytes that follow the header section (§18.3); bytes past it are ignored. Without an empty line
 * ending the header section, the headers run to the end and the body is empty.
 *
 * <p>Not thread-safe once handed on; made and read by one transport reader thread, never blocks.
 */
public final class RawMessage {

    static final int LINE_START = 0;
    static final int NAME_END = 1;
    static final int VALUE_START = 2;
    static final int VALUE_END = 3;
    static final int LINE_END = 4;
    static final int STRIDE = 5;
    /** Set in {@link #ids} on a header that spans folded lines. */
    private static final int FOLDED = 0x40;
    /** Set in {@link #ids} on a line that is no header line (no token name, or no colon). */
    private static final int BROKEN = 0x20;
    private static final int FLAGS = FOLDED | BROKEN;

    final byte[] data;
    int startLineStart;
    int startLineEnd;
    int headersStart;
    int headersEnd;
    int bodyStart;
    int bodyEnd;
    int count;
    int[] index = new int[16 * STRIDE];
    byte[] ids = new byte[16];

    private RawMessage(byte[] data) {
        this.data = data;
    }

    /**
     * Frames a complete message (a datagram, or one message cut from a stream).
     *
     * @throws MalformedMessage when the bytes cannot be a SIP message
     */
    public static RawMessage frame(byte[] data) throws MalformedMessage {
        RawMessage m = new RawMessage(data);
        m.scan();
        return m;
    }

    private void scan() throws MalformedMessage {
        byte[] d = data;
        int n = d.length;
        int i = 0;
        while (i < n && (d[i] & 0xff) < 0x20) {
            i++;
        }
        startLineStart = i;
        int end = lineEnd(i);
        startLineEnd = end;
        if (startLineEnd == startLineStart) {
            throw new MalformedMessage("no start line");
        }
        i = nextLine(end);
        headersStart = i;
        int contentLength = -1;
        while (i < n) {
            end = lineEnd(i);
            int next = nextLine(end);
            if (end == i) {
                headersEnd = i;
                bodyStart = next;
                bodyEnd = body(contentLength);
                return;
            }
            if (d[i] == ' ' || d[i] == '\t') {
                if (count == 0) {
                    throw new MalformedMessage("continuation line before any header");
                }
                int at = (count - 1) * STRIDE;
                index[at + VALUE_END] = trimEnd(i, end, index[at + VALUE_START]);
                index[at + LINE_END] = next;
                ids[count - 1] |= FOLDED;
            } else {
                contentLength = header(i, end, next, contentLength);
            }
            i = next;
        }
        headersEnd = n;
        bodyStart = n;
        bodyEnd = body(contentLength);
    }

    /** Indexes one header line; returns the Content-Length seen so far. */
    private int header(int s, int end, int lineEnd, int contentLength) throws MalformedMessage {
        byte[] d = data;
        int k = s;
        while (k < end && isTokenChar(d[k])) {
            k++;
        }
        int nameEnd = k;
        while (k < end && (d[k] == ' ' || d[k] == '\t')) {
            k++;
        }
        boolean broken = nameEnd == s || k == end || d[k] != ':';
        if (broken) {
            nameEnd = s;
            k = end;
        } else {
            k++;
            while (k < end && (d[k] == ' ' || d[k] == '\t')) {
                k++;
            }
        }
        if (count * STRIDE == index.length) {
            index = java.util.Arrays.copyOf(index, index.length * 2);
            ids = java.util.Arrays.copyOf(ids, ids.length * 2);
        }
        HeaderId id = broken ? HeaderId.OTHER : HeaderId.of(d, s, nameEnd);
        int at = count * STRIDE;
        index[at + LINE_START] = s;
        index[at + NAME_END] = nameEnd;
        index[at + VALUE_START] = k;
        index[at + VALUE_END] = trimEnd(k, end, k);
        index[at + LINE_END] = lineEnd;
        ids[count] = (byte) (id.ordinal() | (broken ? BROKEN : 0));
        count++;
        if (id != HeaderId.CONTENT_LENGTH) {
            return contentLength;
        }
        if (contentLength >= 0) {
            throw new MalformedMessage("more than one Content-Length header");
        }
        return decimal(k, index[at + VALUE_END]);
    }

    private int body(int contentLength) throws MalformedMessage {
        int available = data.length - bodyStart;
        if (contentLength < 0) {
            return data.length;
        }
        if (contentLength > available) {
            throw new MalformedMessage("Content-Length larger than the message");
        }
        return bodyStart + contentLength;
    }

    private int decimal(int s, int e) throws MalformedMessage {
        if (s == e || e - s > 9) {
            throw new MalformedMessage("malformed Content-Length header");
        }
        int v = 0;
        for (int k = s; k < e; k++) {
            int c = data[k] - '0';
            if (c < 0 || c > 9) {
                throw new MalformedMessage("malformed Content-Length header");
            }
            v = v * 10 + c;
        }
        return v;
    }

    /** Where the line starting at {@code from} ends: its first CR or LF, or the end of the bytes. */
    private int lineEnd(int from) {
        int k = from;
        while (k < data.length && data[k] != '\n' && data[k] != '\r') {
            k++;
        }
        return k;
    }

    /** Where the next line starts after the line end at {@code end}: past CRLF, LF or a lone CR. */
    private int nextLine(int end) {
        if (end >= data.length) {
            return data.length;
        }
        return data[end] == '\r' && end + 1 < data.length && data[end + 1] == '\n' ? end + 2 : end + 1;
    }

    private int trimEnd(int s, int e, int floor) {
        int k = e;
        while (k > Math.max(s, floor) && (data[k - 1] & 0xff) <= ' ') {
            k--;
        }
        return k;
    }

    /** RFC 3261 §25.1 token characters. */
    private static boolean isTokenChar(byte b) {
        int c = b & 0xff;
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-.!%*_+`'~".indexOf(c) >= 0;
    }

    /** True for a response (the start line begins with {@code SIP/}). */
    public boolean isResponse() {
        return startLineEnd - startLineStart >= 4 && data[startLineStart] == 'S' && data[startLineStart + 1] == 'I'
                && data[startLineStart + 2] == 'P' && data[startLineStart + 3] == '/';
    }

    /** The bytes as received. */
    public byte[] bytes() {
        return data;
    }

    /** How many header lines (folded lines count as one). */
    public int headerCount() {
        return count;
    }

    /** What the {@code i}-th header is. */
    public HeaderId id(int i) {
        return HeaderId.byOrdinal(ids[checked(i)] & ~FLAGS);
    }

    /**
     * True when the {@code i}-th line is no header line: no name made of token characters, or no
     * colon after it. JAIN-SIP leaves such a line out of its message; it is indexed (as
     * {@link HeaderId#OTHER}, with an empty name and value) so that forwarding can leave it out too.
     */
    public boolean broken(int i) {
        return (ids[checked(i)] & BROKEN) != 0;
    }

    /** True when the {@code i}-th header spans folded lines. */
    public boolean folded(int i) {
        return (ids[checked(i)] & FOLDED) != 0;
    }

    /**
     * The {@code i}-th header line as received, its name as written, ending in one line feed: what
     * JAIN-SIP's header parsers take (they read no CR). Only for a header that is not folded.
     */
    public String line(int i) {
        int at = checked(i) * STRIDE;
        int s = index[at + LINE_START];
        int e = index[at + VALUE_END];
        if (e < data.length && data[e] == '\n') {
            return new String(data, s, e + 1 - s, java.nio.charset.StandardCharsets.UTF_8);
        }
        return new String(data, s, e - s, java.nio.charset.StandardCharsets.UTF_8) + "\n";
    }

    /** The index of the first header that is {@code id}, at or after {@code from}; -1 if none. */
    public int find(HeaderId id, int from) {
        int o = id.ordinal();
        for (int i = Math.max(0, from); i < count; i++) {
            if ((ids[i] & ~FLAGS) == o) {
                return i;
            }
        }
        return -1;
    }

    /** The name of the {@code i}-th header as written (compact or not). */
    public String name(int i) {
        int at = checked(i) * STRIDE;
        return new String(data, index[at + LINE_START], index[at + NAME_END] - index[at + LINE_START],
                java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /**
     * The value of the {@code i}-th header, UTF-8 decoded, a folded value's line breaks and the
     * white space around them replaced by one SP (RFC 3261 §7.3.1).
     */
    public String value(int i) {
        int at = checked(i) * STRIDE;
        int s = index[at + VALUE_START];
        int e = index[at + VALUE_END];
        byte[] out = null;
        int len = 0;
        for (int k = s; k < e; k++) {
            byte b = data[k];
            if (b == '\r' || b == '\n') {
                if (out == null) {
                    out = new byte[e - s];
                    System.arraycopy(data, s, out, 0, k - s);
                    len = k - s;
                }
                while (len > 0 && (out[len - 1] == ' ' || out[len - 1] == '\t')) {
                    len--;
                }
                while (k + 1 < e && (data[k + 1] == '\r' || data[k + 1] == '\n' || data[k + 1] == ' ' || data[k + 1] == '\t')) {
                    k++;
                }
                out[len++] = ' ';
            } else if (out != null) {
                out[len++] = b;
            }
        }
        return out == null ? new String(data, s, e - s, java.nio.charset.StandardCharsets.UTF_8)
                : new String(out, 0, len, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The start line, without its line end. */
    public String startLine() {
        return new String(data, startLineStart, startLineEnd - startLineStart, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Where the body starts in {@link #bytes()}. */
    public int bodyOffset() {
        return bodyStart;
    }

    /** The body's length, as Content-Length says (or the rest of the bytes without one). */
    public int bodyLength() {
        return bodyEnd - bodyStart;
    }

    int at(int i, int field) {
        return index[i * STRIDE + field];
    }

    private int checked(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException(i);
        }
        return i;
    }
}
