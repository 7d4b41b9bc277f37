package org.olelo.core.message.fast;

/** Character classes of RFC 3261 §25.1 over raw bytes, for the fast paths. Stateless; any thread. */
final class Bytes {

    private Bytes() {
    }

    static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    static boolean isAlpha(byte b) {
        return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z';
    }

    static boolean isAlphaNum(byte b) {
        return isAlpha(b) || isDigit(b);
    }

    /** A token character: alphanumeric or one of {@code -.!%*_+`'~}. */
    static boolean isToken(byte b) {
        return isAlphaNum(b) || b == '-' || b == '.' || b == '!' || b == '%' || b == '*' || b == '_' || b == '+'
                || b == '`' || b == '\'' || b == '~';
    }

    static boolean allDigits(byte[] d, int s, int e) {
        if (s >= e) {
            return false;
        }
        for (int k = s; k < e; k++) {
            if (!isDigit(d[k])) {
                return false;
            }
        }
        return true;
    }

    /** The decimal number in {@code [s, e)}, all digits, at most 18 of them. */
    static long decimal(byte[] d, int s, int e) {
        long v = 0;
        for (int k = s; k < e; k++) {
            v = v * 10 + (d[k] - '0');
        }
        return v;
    }

    /** Bytes {@code [s, e)}, all ASCII, as a String. */
    static String ascii(byte[] d, int s, int e) {
        return new String(d, s, e - s, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** Bytes {@code [s, e)}, all ASCII, as a String in lower case. */
    static String lowerAscii(byte[] d, int s, int e) {
        byte[] b = new byte[e - s];
        for (int k = s; k < e; k++) {
            byte c = d[k];
            b[k - s] = c >= 'A' && c <= 'Z' ? (byte) (c + 32) : c;
        }
        return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
