package org.olelo.container.internal.security;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters of one {@code Authorization} or {@code Proxy-Authorization} header with the
 * {@code Digest} scheme (RFC 3261 §25.1 {@code digest-response}, RFC 7616 §3.4).
 *
 * <p>Immutable value; any thread.
 *
 * @param username  the user name
 * @param realm     the realm the client answers
 * @param nonce     the nonce it uses
 * @param uri       the {@code uri} parameter, as sent
 * @param response  the digest it computed
 * @param algorithm the {@code algorithm} parameter, or null when absent
 * @param cnonce    the client nonce, or null
 * @param opaque    the opaque value returned, or null
 * @param qop       the quality of protection, or null
 * @param nc        the nonce count as sent (8 hex digits), or null
 */
public record DigestCredentials(String username, String realm, String nonce, String uri, String response,
                                String algorithm, String cnonce, String opaque, String qop, String nc) {

    /**
     * Parses a header value.
     *
     * @param headerValue the value, e.g. {@code Digest username="bob", realm="example.com", ...}
     * @return the credentials, or null when the scheme is not Digest
     * @throws MalformedCredentialsException naming the parameter at fault when a required
     *                                       parameter is missing or the syntax is broken
     */
    public static DigestCredentials parse(String headerValue) throws MalformedCredentialsException {
        String v = headerValue.trim();
        int sp = 0;
        while (sp < v.length() && !Character.isWhitespace(v.charAt(sp))) {
            sp++;
        }
        if (!v.substring(0, sp).equalsIgnoreCase("Digest")) {
            return null;
        }
        Map<String, String> p = params(v.substring(sp));
        return new DigestCredentials(required(p, "username"), required(p, "realm"), required(p, "nonce"),
                required(p, "uri"), required(p, "response"), p.get("algorithm"), p.get("cnonce"), p.get("opaque"),
                p.get("qop"), p.get("nc"));
    }

    private static String required(Map<String, String> p, String name) throws MalformedCredentialsException {
        String v = p.get(name);
        if (v == null) {
            throw new MalformedCredentialsException(name, "missing");
        }
        return v;
    }

    /** Splits {@code name=token, name="quoted \" string"} into a map with lower-case names. */
    static Map<String, String> params(String s) throws MalformedCredentialsException {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        int n = s.length();
        while (true) {
            while (i < n && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == ',')) {
                i++;
            }
            if (i >= n) {
                return out;
            }
            int eq = s.indexOf('=', i);
            if (eq < 0) {
                throw new MalformedCredentialsException(s.substring(i).trim(), "expected name=value");
            }
            String name = s.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            i = eq + 1;
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            StringBuilder value = new StringBuilder();
            if (i < n && s.charAt(i) == '"') {
                i++;
                while (i < n && s.charAt(i) != '"') {
                    char c = s.charAt(i++);
                    if (c == '\\' && i < n) {
                        c = s.charAt(i++);
                    }
                    value.append(c);
                }
                if (i >= n) {
                    throw new MalformedCredentialsException(name, "unterminated quoted string");
                }
                i++;
            } else {
                while (i < n && s.charAt(i) != ',' && !Character.isWhitespace(s.charAt(i))) {
                    value.append(s.charAt(i++));
                }
            }
            if (name.isEmpty() || out.putIfAbsent(name, value.toString()) != null) {
                throw new MalformedCredentialsException(name, name.isEmpty() ? "empty parameter name" : "given twice");
            }
        }
    }
}
