package org.olelo.container.internal.address;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-escaping for the components of SIP and tel URIs (RFC 3261 section 25.1, RFC 3966).
 * Each component has its own set of characters that may appear literally; everything else is
 * written as {@code %XX} over the UTF-8 bytes.
 */
final class Escapes {

    private static final String UNRESERVED = "-_.!~*'()";

    /** Characters allowed literally in the user part, besides unreserved ones. */
    static final String USER = UNRESERVED + "&=+$,;?/";
    /** Characters allowed literally in the password, besides unreserved ones. */
    static final String PASSWORD = UNRESERVED + "&=+$,";
    /** Characters allowed literally in URI parameter names and values. */
    static final String PARAM = UNRESERVED + "[]/:&+$";
    /** Characters allowed literally in URI header names and values. */
    static final String HEADER = UNRESERVED + "[]/?:+$";

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Escapes() {
    }

    private static boolean allowed(char c, String extra) {
        return c < 128 && (Character.isLetterOrDigit(c) || extra.indexOf(c) >= 0);
    }

    /**
     * Writes {@code text} with every character outside the allowed set escaped.
     *
     * @param text the unescaped text
     * @param extra characters allowed literally besides letters and digits
     * @return the escaped text
     */
    static String escape(String text, String extra) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (allowed(c, extra)) {
                if (sb != null) {
                    sb.append(c);
                }
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
            for (byte b : text.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                sb.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
            i = end - 1;
        }
        return sb == null ? text : sb.toString();
    }

    /**
     * Decodes the escapes of a URI component and checks that every literal character is allowed.
     *
     * @param text the escaped component
     * @param extra characters allowed literally besides letters and digits
     * @param what the component name, for error messages
     * @return the unescaped text
     * @throws IllegalArgumentException if a character is not allowed or an escape is malformed
     */
    static String unescape(String text, String extra, String what) {
        if (text.indexOf('%') < 0) {
            check(text, extra, what);
            return text;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw new IllegalArgumentException("truncated escape in " + what + ": " + text);
                }
                int hi = Character.digit(text.charAt(i + 1), 16);
                int lo = Character.digit(text.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("bad escape in " + what + ": " + text);
                }
                out.write((hi << 4) | lo);
                i += 2;
            } else if (allowed(c, extra)) {
                out.write(c);
            } else {
                throw new IllegalArgumentException(
                        "character '" + c + "' not allowed in " + what + ": " + text);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void check(String text, String extra, String what) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!allowed(c, extra)) {
                throw new IllegalArgumentException(
                        "character '" + c + "' not allowed in " + what + ": " + text);
            }
        }
    }

    /**
     * Tells whether a character belongs to the {@code token} rule of RFC 3261 section 25.1.
     *
     * @param c the character
     * @return {@code true} for a token character
     */
    static boolean isTokenChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || "-.!%*_+`'~".indexOf(c) >= 0);
    }

    /**
     * Tells whether a text is a non-empty token.
     *
     * @param s the text
     * @return {@code true} when every character is a token character
     */
    static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTokenChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Skips spaces and tabs from offset {@code i}; returns the first other offset. */
    static int skipSpaces(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /**
     * Reads a quoted string starting at the opening quote at {@code pos}, appends its unescaped
     * content to {@code out} and returns the offset after the closing quote.
     */
    static int readQuoted(String s, int pos, StringBuilder out) {
        for (int i = pos + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                out.append(s.charAt(++i));
            } else if (c == '"') {
                return i + 1;
            } else {
                out.append(c);
            }
        }
        throw new IllegalArgumentException("unterminated quoted string in: " + s);
    }

    /** Writes {@code text} as a quoted string, escaping quotes and backslashes. */
    static void quote(String text, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        sb.append('"');
    }

    /** Removes backslash escapes, such as those JAIN-SIP keeps in quoted display names. */
    static String unescapeBackslashes(String dn) {
        if (dn.indexOf('\\') < 0) {
            return dn;
        }
        StringBuilder sb = new StringBuilder(dn.length());
        for (int i = 0; i < dn.length(); i++) {
            char c = dn.charAt(i);
            sb.append(c == '\\' && i + 1 < dn.length() ? dn.charAt(++i) : c);
        }
        return sb.toString();
    }
}
