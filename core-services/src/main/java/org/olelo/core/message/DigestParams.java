package org.olelo.core.message;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Finds a parameter given twice in {@code Digest} credentials ({@code Authorization} or
 * {@code Proxy-Authorization}, RFC 3261 §25.1 {@code dig-resp}; RFC 7616 §3.4: each parameter at
 * most once). JAIN-SIP keeps the last of two silently, so {@code username="alice", username="bob"}
 * would reach the authenticator as bob: the raw bytes are checked instead, and such a request is
 * answered 400 naming the parameter.
 *
 * <p>One pass over the header value, quoted strings and continuation lines understood, with no
 * allocation but two small arrays; more than {@value #MAX_PARAMETERS} parameters (Digest defines a
 * dozen) are refused too, so the pairwise comparison stays bounded.
 *
 * <p>Stateless and thread-safe; runs on transport reader threads.
 */
final class DigestParams {

    /** Most parameters accepted in one credentials header. */
    static final int MAX_PARAMETERS = 64;

    private DigestParams() {
    }

    /**
     * @param d    the message bytes
     * @param from the first byte of the header value (after the colon)
     * @param to   the end of the value, continuation lines included
     * @return the fault, e.g. {@code digest parameter username: given twice}, or null
     */
    static String fault(byte[] d, int from, int to) {
        int i = skipSpace(d, from, to);
        int scheme = i;
        while (i < to && !space(d[i])) {
            i++;
        }
        if (!"digest".equals(new String(d, scheme, i - scheme, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT))) {
            return null;
        }
        int[] starts = new int[MAX_PARAMETERS];
        int[] ends = new int[MAX_PARAMETERS];
        int n = 0;
        while (true) {
            while (i < to && (space(d[i]) || d[i] == ',')) {
                i++;
            }
            if (i >= to) {
                return null;
            }
            int nameStart = i;
            while (i < to && d[i] != '=' && d[i] != ',' && !space(d[i])) {
                i++;
            }
            int nameEnd = i;
            i = skipValue(d, skipSpace(d, i, to), to);
            if (nameEnd == nameStart) {
                continue;
            }
            for (int k = 0; k < n; k++) {
                if (sameName(d, starts[k], ends[k], nameStart, nameEnd)) {
                    return "digest parameter " + name(d, nameStart, nameEnd) + ": given twice";
                }
            }
            if (n == MAX_PARAMETERS) {
                return "more than " + MAX_PARAMETERS + " digest parameters";
            }
            starts[n] = nameStart;
            ends[n] = nameEnd;
            n++;
        }
    }

    /** Skips {@code = value} (a token or a quoted string with escapes) when it is there. */
    private static int skipValue(byte[] d, int i, int to) {
        if (i >= to || d[i] != '=') {
            return i;
        }
        i = skipSpace(d, i + 1, to);
        if (i < to && d[i] == '"') {
            i++;
            while (i < to && d[i] != '"') {
                i += d[i] == '\\' ? 2 : 1;
            }
            return Math.min(i + 1, to);
        }
        while (i < to && d[i] != ',' && !space(d[i])) {
            i++;
        }
        return i;
    }

    private static int skipSpace(byte[] d, int i, int to) {
        while (i < to && space(d[i])) {
            i++;
        }
        return i;
    }

    private static boolean space(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    private static boolean sameName(byte[] d, int s1, int e1, int s2, int e2) {
        if (e1 - s1 != e2 - s2) {
            return false;
        }
        for (int k = 0; k < e1 - s1; k++) {
            if (lower(d[s1 + k]) != lower(d[s2 + k])) {
                return false;
            }
        }
        return true;
    }

    private static int lower(byte b) {
        int c = b & 0xff;
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    private static String name(byte[] d, int s, int e) {
        String n = new String(d, s, Math.min(e - s, 40), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(n.length());
        for (int k = 0; k < n.length(); k++) {
            char c = n.charAt(k);
            b.append(c < 0x21 || c > 0x7e ? '?' : c);
        }
        return b.toString();
    }
}
