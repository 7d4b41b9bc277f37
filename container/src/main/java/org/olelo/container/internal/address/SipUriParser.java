package org.olelo.container.internal.address;

import java.util.Locale;

/**
 * Strict parser for {@code sip} and {@code sips} URIs (RFC 3261 section 25.1, IPv6 references
 * per RFC 5118). It reports problems as {@link IllegalArgumentException}s with a readable
 * message; callers turn them into the exception their API promises.
 */
final class SipUriParser {

    private SipUriParser() {
    }

    static SipURIImpl parse(String text) {
        int colon = text.indexOf(':');
        String scheme = colon < 0 ? "" : text.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!scheme.equals("sip") && !scheme.equals("sips")) {
            throw new IllegalArgumentException("not a sip or sips URI: " + text);
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) <= ' ' || text.charAt(i) == 0x7f) {
                throw new IllegalArgumentException("white space or control character in URI: '"
                        + text + "'");
            }
        }
        SipURIImpl uri = new SipURIImpl();
        uri.secure = scheme.equals("sips");
        String rest = text.substring(colon + 1);
        int at = rest.indexOf('@');
        if (at >= 0 && rest.lastIndexOf('<', at) < 0) {
            parseUserInfo(uri, rest.substring(0, at), text);
            rest = rest.substring(at + 1);
        }
        int q = rest.indexOf('?');
        if (q >= 0) {
            parseHeaders(uri, rest.substring(q + 1), text);
            rest = rest.substring(0, q);
        }
        int semi = rest.indexOf(';');
        if (semi >= 0) {
            uri.params = ParamList.parseUri(rest.substring(semi + 1));
            rest = rest.substring(0, semi);
        }
        parseHostPort(uri, rest, text);
        return uri;
    }

    private static void parseUserInfo(SipURIImpl uri, String info, String text) {
        int colon = info.indexOf(':');
        String user = colon < 0 ? info : info.substring(0, colon);
        if (user.isEmpty()) {
            throw new IllegalArgumentException("empty user part before '@' in: " + text);
        }
        uri.user = Escapes.unescape(user, Escapes.USER, "user part");
        if (colon >= 0) {
            uri.password = Escapes.unescape(info.substring(colon + 1), Escapes.PASSWORD,
                    "password");
        }
    }

    private static void parseHeaders(SipURIImpl uri, String hdrs, String text) {
        for (String item : hdrs.split("&", -1)) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("URI header must be name=value: '" + item
                        + "' in: " + text);
            }
            String name = Escapes.unescape(item.substring(0, eq), Escapes.HEADER,
                    "URI header name");
            String value = Escapes.unescape(item.substring(eq + 1), Escapes.HEADER,
                    "URI header value");
            uri.headers.set(name, value, true);
        }
    }

    private static void parseHostPort(SipURIImpl uri, String hp, String text) {
        String host;
        String port = null;
        if (hp.startsWith("[")) {
            int close = hp.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unterminated IPv6 reference in: " + text);
            }
            host = hp.substring(0, close + 1);
            String after = hp.substring(close + 1);
            if (!after.isEmpty()) {
                if (after.charAt(0) != ':') {
                    throw new IllegalArgumentException("unexpected text after IPv6 reference in: "
                            + text);
                }
                port = after.substring(1);
            }
        } else {
            int colon = hp.indexOf(':');
            host = colon < 0 ? hp : hp.substring(0, colon);
            port = colon < 0 ? null : hp.substring(colon + 1);
        }
        uri.host = checkHost(host);
        if (port != null) {
            uri.port = parsePort(port, text);
        }
    }

    static int parsePort(String port, String text) {
        if (port.isEmpty() || port.length() > 5) {
            throw new IllegalArgumentException("invalid port '" + port + "' in: " + text);
        }
        for (int i = 0; i < port.length(); i++) {
            if (port.charAt(i) < '0' || port.charAt(i) > '9') {
                throw new IllegalArgumentException("invalid port '" + port + "' in: " + text);
            }
        }
        int p = Integer.parseInt(port);
        if (p > 65535) {
            throw new IllegalArgumentException("port out of range '" + port + "' in: " + text);
        }
        return p;
    }

    /**
     * Validates a host: a domain name, an IPv4 address or a bracketed IPv6 reference. A bare
     * IPv6 address gets its brackets added.
     *
     * @return the host as it must be written in a URI
     */
    static String checkHost(String host) {
        if (host == null) {
            throw new NullPointerException("host");
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("missing host");
        }
        if (host.indexOf(':') >= 0 && host.charAt(0) != '[') {
            host = "[" + host + "]";
        }
        if (host.charAt(0) == '[') {
            if (host.length() < 4 || host.charAt(host.length() - 1) != ']'
                    || host.indexOf(':') < 0) {
                throw new IllegalArgumentException("invalid IPv6 reference: " + host);
            }
            for (int i = 1; i < host.length() - 1; i++) {
                char c = host.charAt(i);
                if (Character.digit(c, 16) < 0 && c != ':' && c != '.') {
                    throw new IllegalArgumentException("invalid IPv6 reference: " + host);
                }
            }
            return host;
        }
        char first = host.charAt(0);
        if (first == '.' || first == '-') {
            throw new IllegalArgumentException("invalid host name: " + host);
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (!(c < 128 && Character.isLetterOrDigit(c)) && c != '-' && c != '.' && c != '_') {
                throw new IllegalArgumentException("invalid character '" + c + "' in host: "
                        + host);
            }
        }
        return host;
    }
}
