package org.olelo.apps.registrar.service;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parts of a URI in its text form, as far as the registrar needs them to compare contacts and
 * to decide how to reach one: scheme, user, host, port and URI parameters. The text comes from the
 * container's parser (well formed); this does not validate. Immutable value; any thread.
 *
 * @param scheme the scheme in lower case
 * @param user   the user part with %-escapes decoded, or null
 * @param host   the host in lower case (IPv6 without brackets), or the whole rest for a non-SIP URI
 * @param port   the port, or -1 when absent
 * @param params the URI parameters, names in lower case, in name order; a flag has value ""
 */
record UriParts(String scheme, String user, String host, int port, Map<String, String> params) {

    private static final List<String> MATCHED_PARAMS = List.of("maddr", "method", "transport", "ttl", "user");

    /**
     * @param uri a URI such as {@code sip:alice@192.0.2.1:5070;transport=tcp}
     * @return its parts
     */
    static UriParts parse(String uri) {
        int colon = uri.indexOf(':');
        String scheme = colon < 0 ? "" : uri.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = uri.substring(colon + 1);
        if (!scheme.equals("sip") && !scheme.equals("sips")) {
            return new UriParts(scheme, null, rest, -1, Map.of());
        }
        int q = rest.indexOf('?');
        if (q >= 0) {
            rest = rest.substring(0, q);
        }
        String user = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String info = rest.substring(0, at);
            int pw = info.indexOf(':');
            user = decode(pw < 0 ? info : info.substring(0, pw));
            rest = rest.substring(at + 1);
        }
        Map<String, String> params = new TreeMap<>();
        int semi = rest.indexOf(';');
        if (semi >= 0) {
            for (String p : rest.substring(semi + 1).split(";")) {
                if (p.isEmpty()) {
                    continue;
                }
                int eq = p.indexOf('=');
                params.put((eq < 0 ? p : p.substring(0, eq)).toLowerCase(Locale.ROOT), eq < 0 ? "" : p.substring(eq + 1));
            }
            rest = rest.substring(0, semi);
        }
        String host = rest;
        int port = -1;
        int close = rest.lastIndexOf(']');
        int portColon = rest.lastIndexOf(':');
        if (portColon > close && (close >= 0 || rest.indexOf(':') == portColon)) {
            host = rest.substring(0, portColon);
            try {
                port = Integer.parseInt(rest.substring(portColon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
        }
        return new UriParts(scheme, user, LocalDomains.normalise(host), port, Map.copyOf(params));
    }

    /** @return whether this is a {@code sip:} or {@code sips:} URI */
    boolean isSip() {
        return scheme.equals("sip") || scheme.equals("sips");
    }

    /** @return the transport parameter in lower case, or null */
    String transport() {
        String t = params.get("transport");
        return t == null ? null : t.toLowerCase(Locale.ROOT);
    }

    /** @return the port, or the default for the scheme and transport when absent */
    int effectivePort() {
        if (port > 0) {
            return port;
        }
        return scheme.equals("sips") || "tls".equals(transport()) ? 5061 : 5060;
    }

    /**
     * The identity of a contact for matching bindings (RFC 3261 §10.3 step 7, comparison rules of
     * §19.1.4): scheme and host without case, user with escapes decoded, the port as written, and
     * the parameters that must match when present ({@code user}, {@code ttl}, {@code method},
     * {@code maddr}, {@code transport}); other parameters do not take part. A non-SIP URI is
     * compared as written after its scheme.
     *
     * @return the key; two contacts are the same binding when their keys are equal
     */
    String matchKey() {
        if (!isSip()) {
            return scheme + ":" + host;
        }
        StringBuilder sb = new StringBuilder(scheme).append(':');
        if (user != null) {
            sb.append(user).append('@');
        }
        sb.append(host).append(':').append(port < 0 ? "" : Integer.toString(port));
        for (String name : MATCHED_PARAMS) {
            String v = params.get(name);
            if (v != null) {
                sb.append(';').append(name).append('=').append(v.toLowerCase(Locale.ROOT));
            }
        }
        return sb.toString();
    }

    private static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && Character.digit(s.charAt(i + 1), 16) >= 0
                    && Character.digit(s.charAt(i + 2), 16) >= 0) {
                sb.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
