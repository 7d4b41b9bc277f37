package org.olelo.container.internal.log;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Text helpers for log lines made of {@code key=value} pairs: values that may come from the
 * network are cut to a bounded length, stripped of passwords and control characters, and quoted
 * when they hold spaces, quotes or equals signs, so that a line always splits the same way.
 * Stateless; any thread.
 */
public final class LogText {

    /** Longest value written, in characters; longer ones end with "...". */
    static final int MAX_VALUE = 200;

    private LogText() {
    }

    /**
     * Appends {@code key=value}, preceded by a space unless the builder is empty.
     *
     * @param b     the line
     * @param key   the key (a fixed word)
     * @param value the value, possibly from the network; null or empty is written {@code -}
     */
    public static void pair(StringBuilder b, String key, String value) {
        if (!b.isEmpty()) {
            b.append(' ');
        }
        b.append(key).append('=');
        value(b, value);
    }

    /** Appends one value, quoted when needed (see the class comment). */
    static void value(StringBuilder b, String v) {
        if (v == null || v.isEmpty()) {
            b.append('-');
            return;
        }
        int n = Math.min(v.length(), MAX_VALUE);
        boolean quote = false;
        for (int i = 0; i < n && !quote; i++) {
            char c = v.charAt(i);
            quote = c <= ' ' || c == '"' || c == '=' || c == '\\' || c == 0x7f;
        }
        if (quote) {
            b.append('"');
        }
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < ' ' || c == 0x7f) {
                b.append('?');
            } else {
                b.append(c);
            }
        }
        if (v.length() > MAX_VALUE) {
            b.append("...");
        }
        if (quote) {
            b.append('"');
        }
    }

    /**
     * A URI as it may be logged: the password of its user part removed
     * ({@code sip:alice:secret@host} becomes {@code sip:alice@host}).
     *
     * @param uri a URI's text, or null
     * @return the same without password, or null
     */
    public static String uri(String uri) {
        if (uri == null) {
            return null;
        }
        int colon = uri.indexOf(':');
        int at = uri.indexOf('@');
        if (colon < 0 || at < 0) {
            return uri;
        }
        int pw = uri.indexOf(':', colon + 1);
        return pw > 0 && pw < at && noDelimiterBetween(uri, colon + 1, pw) ? uri.substring(0, pw) + uri.substring(at) : uri;
    }

    private static boolean noDelimiterBetween(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == ';' || c == '?' || c == '>' || c == '/') {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code user@host} of the URI in a From or To header value ({@code "Alice" <sip:alice@a.example>;tag=1}
     * gives {@code alice@a.example}); the host alone when there is no user; the number of a tel URI.
     *
     * @param headerValue the header's value, or null
     * @return the party, or null when none can be read
     */
    public static String party(String headerValue) {
        String[] uh = userAndHost(headerValue);
        if (uh[1] == null) {
            return uh[0];
        }
        return uh[0] == null || uh[0].isEmpty() ? uh[1] : uh[0] + "@" + uh[1];
    }

    /**
     * The user (without password) and host of the URI in a From or To header value, as written; an
     * IPv6 host keeps its brackets; a tel URI gives its number as the user and no host.
     *
     * @param headerValue the header's value, or null
     * @return {user, host}, either null when it cannot be read
     */
    public static String[] userAndHost(String headerValue) {
        String[] out = new String[2];
        if (headerValue == null) {
            return out;
        }
        String v = headerValue;
        int lt = v.indexOf('<');
        if (lt >= 0) {
            int gt = v.indexOf('>', lt);
            v = v.substring(lt + 1, gt > lt ? gt : v.length());
        } else {
            int semi = v.indexOf(';');
            v = semi >= 0 ? v.substring(0, semi) : v;
        }
        int colon = v.indexOf(':');
        if (colon < 0) {
            return out;
        }
        String scheme = v.substring(0, colon).trim();
        String rest = v.substring(colon + 1).trim();
        if (scheme.equalsIgnoreCase("tel")) {
            out[0] = upTo(rest, ";");
            return out;
        }
        int at = rest.indexOf('@');
        if (at >= 0) {
            out[0] = upTo(rest.substring(0, at), ":");
            rest = rest.substring(at + 1);
        }
        String host = upTo(rest, ";?");
        if (!host.startsWith("[")) {
            host = upTo(host, ":");
        } else if (host.indexOf(']') > 0) {
            host = host.substring(0, host.indexOf(']') + 1);
        }
        out[1] = host;
        return out;
    }

    private static String upTo(String s, String delimiters) {
        for (int i = 0; i < s.length(); i++) {
            if (delimiters.indexOf(s.charAt(i)) >= 0) {
                return s.substring(0, i);
            }
        }
        return s;
    }

    /**
     * @param st a server transaction
     * @return the Call-ID of its request, or {@code -} once the request is released
     */
    public static String callId(org.olelo.core.transaction.ServerTransaction st) {
        gov.nist.javax.sip.message.SIPRequest r = st.request();
        return r == null || r.getCallId() == null ? "-" : r.getCallId().getCallId();
    }

    /** An address as {@code 192.0.2.1:5060} or {@code [2001:db8::1]:5060}. */
    public static String address(InetSocketAddress a) {
        if (a == null) {
            return null;
        }
        InetAddress ip = a.getAddress();
        String host = ip == null ? a.getHostString() : ip.getHostAddress();
        if (host.indexOf(':') >= 0) {
            int zone = host.indexOf('%');
            host = "[" + (zone > 0 ? host.substring(0, zone) : host) + "]";
        }
        return host + ":" + a.getPort();
    }
}
