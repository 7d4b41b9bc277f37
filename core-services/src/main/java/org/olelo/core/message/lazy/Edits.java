package org.olelo.core.message.lazy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The edits a proxy makes to a message it forwards, kept as a list of byte ranges to replace
 * ("lumps") over the received bytes, and written in one copy: everything not edited leaves exactly
 * as it came. The edits are the ones of RFC 3261 §16.6 and §16.7: the Request-URI replaced, a Via
 * pushed on top of the Vias (or the top one popped from a response), the top Route value popped,
 * a Record-Route added above the existing ones, Max-Forwards decremented (or added as 70).
 *
 * <p>What is written starts at the start line (CRLFs before it are dropped), leaves out lines that
 * are no header lines, and ends where
 * Content-Length ends the body (bytes past it are dropped, RFC 3261 §18.3). The body is never
 * edited, so Content-Length stays right. Added lines end in CRLF. Popping removes only the first
 * value: the whole line when it holds one, else the value and its comma.
 *
 * <p>Not thread-safe: one per forwarded copy, used by the thread that forwards it; never blocks.
 */
public final class Edits {

    private static final int RANK_VIA = 0;
    private static final int RANK_OTHER = 1;

    private final RawMessage raw;
    private int[] edits = new int[8 * 4];
    private byte[][] inserts = new byte[8][];
    private int n;
    private int popped;

    /**
     * Edits over {@code raw}: none yet but the removal of any line that is no header line
     * ({@link RawMessage#broken}), which JAIN-SIP's message would not have carried on either.
     */
    public Edits(RawMessage raw) {
        this.raw = raw;
        for (int i = 0; i < raw.count; i++) {
            if (raw.broken(i)) {
                add(raw.at(i, RawMessage.LINE_START), raw.at(i, RawMessage.LINE_END), null, RANK_OTHER);
            }
        }
    }

    /** Replaces the Request-URI of a request. */
    public Edits replaceRequestUri(String uri) {
        if (raw.isResponse()) {
            throw new IllegalStateException("a response has no Request-URI");
        }
        byte[] d = raw.data;
        int s = raw.startLineStart;
        while (s < raw.startLineEnd && d[s] != ' ') {
            s++;
        }
        int e = raw.startLineEnd;
        while (e > s + 1 && (d[e - 1] == ' ' || d[e - 1] == '\t')) {
            e--; // white space after the version (the RFC 4475 message trws)
        }
        while (e > s + 1 && d[e - 1] != ' ') {
            e--;
        }
        if (e <= s + 1) {
            throw new IllegalStateException("no Request-URI");
        }
        return add(s + 1, e - 1, ascii(uri), RANK_OTHER);
    }

    /** Adds a Via line above the top Via (RFC 3261 §16.6 step 8). */
    public Edits pushVia(String value) {
        return add(topOf(HeaderId.VIA), "Via: " + value + "\r\n", RANK_VIA);
    }

    /** Adds a Record-Route line above any existing Record-Route (RFC 3261 §16.6 step 4). */
    public Edits addRecordRoute(String value) {
        return add(topOf(HeaderId.RECORD_ROUTE), "Record-Route: " + value + "\r\n", RANK_OTHER);
    }

    /** Removes the top Via value (a response on its way back, RFC 3261 §16.7 step 3). */
    public Edits popVia() {
        return popFirstValue(HeaderId.VIA);
    }

    /**
     * Replaces the first Via value with {@code value}: the received top Via of a request once the
     * parameters saying where it came from are added (RFC 3261 §18.2.1, RFC 3581 §4). Other values
     * on the same line are kept as they are.
     */
    public Edits replaceTopVia(String value) {
        int i = raw.find(HeaderId.VIA, 0);
        if (i < 0) {
            throw new IllegalStateException("no Via header");
        }
        int s = raw.at(i, RawMessage.VALUE_START);
        int e = raw.at(i, RawMessage.VALUE_END);
        int comma = topLevelComma(s, e);
        if (comma >= 0) {
            e = comma;
            while (e > s && isLws(raw.data[e - 1])) {
                e--;
            }
        }
        return add(s, e, ascii(value), RANK_OTHER);
    }

    /** Removes the top Route value (the proxy's own entry, RFC 3261 §16.4). */
    public Edits popRoute() {
        return popFirstValue(HeaderId.ROUTE);
    }

    /**
     * Decrements Max-Forwards, or adds {@code Max-Forwards: 70} when there is none (RFC 3261 §16.6
     * step 3). The caller has refused a request whose value is 0 with 483 before.
     *
     * @return the value written
     */
    public int decrementMaxForwards() {
        int i = raw.find(HeaderId.MAX_FORWARDS, 0);
        if (i < 0) {
            add(raw.headersStart, "Max-Forwards: 70\r\n", RANK_OTHER);
            return 70;
        }
        int s = raw.at(i, RawMessage.VALUE_START);
        int e = raw.at(i, RawMessage.VALUE_END);
        int v = 0;
        for (int k = s; k < e; k++) {
            int c = raw.data[k] - '0';
            if (c < 0 || c > 9 || v > 1_000_000) {
                throw new IllegalStateException("Max-Forwards is not a number");
            }
            v = v * 10 + c;
        }
        if (v == 0) {
            throw new IllegalStateException("Max-Forwards is 0");
        }
        add(s, e, ascii(Integer.toString(v - 1)), RANK_OTHER);
        return v - 1;
    }

    private Edits popFirstValue(HeaderId id) {
        int bit = 1 << id.ordinal();
        if ((popped & bit) != 0) {
            throw new IllegalStateException("only the top " + id.fullName() + " value can be removed");
        }
        int i = raw.find(id, 0);
        if (i < 0) {
            throw new IllegalStateException("no " + id.fullName() + " header");
        }
        popped |= bit;
        int s = raw.at(i, RawMessage.VALUE_START);
        int e = raw.at(i, RawMessage.VALUE_END);
        int comma = topLevelComma(s, e);
        if (comma < 0) {
            return add(raw.at(i, RawMessage.LINE_START), raw.at(i, RawMessage.LINE_END), null, RANK_OTHER);
        }
        int next = comma + 1;
        while (next < e && isLws(raw.data[next])) {
            next++;
        }
        return add(s, next, null, RANK_OTHER);
    }

    /** The first comma outside quotes and angle brackets in {@code [s, e)}, or -1. */
    private int topLevelComma(int s, int e) {
        byte[] d = raw.data;
        boolean quoted = false;
        boolean angled = false;
        for (int k = s; k < e; k++) {
            byte b = d[k];
            if (quoted) {
                if (b == '\\') {
                    k++;
                } else if (b == '"') {
                    quoted = false;
                }
            } else if (b == '"') {
                quoted = true;
            } else if (b == '<') {
                angled = true;
            } else if (b == '>') {
                angled = false;
            } else if (b == ',' && !angled) {
                return k;
            }
        }
        return -1;
    }

    private static boolean isLws(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    /** Where a line goes to be on top of the headers {@code id}: the first one's line, else the top. */
    private int topOf(HeaderId id) {
        int i = raw.find(id, 0);
        return i < 0 ? raw.headersStart : raw.at(i, RawMessage.LINE_START);
    }

    private Edits add(int at, String line, int rank) {
        return add(at, at, ascii(line), rank);
    }

    private Edits add(int start, int end, byte[] insert, int rank) {
        if (n * 4 == edits.length) {
            edits = Arrays.copyOf(edits, edits.length * 2);
            inserts = Arrays.copyOf(inserts, inserts.length * 2);
        }
        edits[n * 4] = start;
        edits[n * 4 + 1] = end;
        edits[n * 4 + 2] = rank;
        edits[n * 4 + 3] = n;
        inserts[n] = insert;
        n++;
        return this;
    }

    /** The message to send: the received bytes with the edits applied. */
    public byte[] write() {
        int[] order = new int[n];
        int size = raw.bodyEnd - raw.startLineStart;
        for (int k = 0; k < n; k++) {
            size += (inserts[k] == null ? 0 : inserts[k].length) - (edits[k * 4 + 1] - edits[k * 4]);
            int j = k;
            while (j > 0 && before(k, order[j - 1])) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = k; // insertion sort: a forwarded message carries a handful of edits
        }
        byte[] out = new byte[size];
        int cursor = raw.startLineStart;
        int w = 0;
        for (int k : order) {
            int start = edits[k * 4];
            if (start < cursor) {
                throw new IllegalStateException("overlapping edits");
            }
            System.arraycopy(raw.data, cursor, out, w, start - cursor);
            w += start - cursor;
            if (inserts[k] != null) {
                System.arraycopy(inserts[k], 0, out, w, inserts[k].length);
                w += inserts[k].length;
            }
            cursor = edits[k * 4 + 1];
        }
        System.arraycopy(raw.data, cursor, out, w, raw.bodyEnd - cursor);
        return out;
    }

    /**
     * Edit order: by position; at one position, insertions before a removal, a Via before other
     * lines, then as added.
     */
    private boolean before(int a, int b) {
        int c = Integer.compare(edits[a * 4], edits[b * 4]);
        if (c == 0) {
            c = Integer.compare(edits[a * 4 + 1] - edits[a * 4], edits[b * 4 + 1] - edits[b * 4]);
        }
        if (c == 0) {
            c = Integer.compare(edits[a * 4 + 2], edits[b * 4 + 2]);
        }
        return c != 0 ? c < 0 : edits[a * 4 + 3] < edits[b * 4 + 3];
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
