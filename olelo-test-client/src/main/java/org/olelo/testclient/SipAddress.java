package org.olelo.testclient;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Small helpers for the name-addr and URI syntax of RFC 3261 as far as the test client needs
 * them: the URI inside {@code "Name" <sip:...>;tag=x}, parameters, where a URI is sent to, and
 * splitting a header line with several comma-separated values.
 */
public final class SipAddress {

    private SipAddress() {
    }

    /** @return the URI of a name-addr or addr-spec header value, without header parameters */
    public static String uri(String value) {
        int lt = value.indexOf('<');
        if (lt >= 0) {
            return value.substring(lt + 1, value.indexOf('>', lt));
        }
        int semi = value.indexOf(';');
        return (semi < 0 ? value : value.substring(0, semi)).strip();
    }

    /**
     * @return the value of parameter {@code name} of a header value (after the {@code >} of a
     *         name-addr, else anywhere after the first {@code ;}), "" for a flag, null when absent
     */
    public static String param(String value, String name) {
        if (value == null) {
            return null;
        }
        int gt = value.lastIndexOf('>');
        String params = gt >= 0 ? value.substring(gt + 1) : value.substring(Math.max(0, value.indexOf(';')));
        for (String p : params.split(";")) {
            String[] kv = p.strip().split("=", 2);
            if (kv[0].equalsIgnoreCase(name)) {
                return kv.length > 1 ? kv[1].strip() : "";
            }
        }
        return null;
    }

    /** @return the value of a URI parameter ({@code ;transport=tcp}) of a SIP URI, or null */
    public static String uriParam(String uri, String name) {
        String u = uri(uri);
        int q = u.indexOf('?');
        u = q >= 0 ? u.substring(0, q) : u;
        String[] parts = u.split(";");
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            if (kv[0].equalsIgnoreCase(name)) {
                return kv.length > 1 ? kv[1] : "";
            }
        }
        return null;
    }

    /** @return the user part of a SIP URI, or null */
    public static String user(String uri) {
        String u = uri(uri);
        int at = u.indexOf('@');
        return at < 0 ? null : u.substring(u.indexOf(':') + 1, at);
    }

    /** @return the host and port of a SIP URI; the port is 5060 (5061 for sips) when it names none */
    public static InetSocketAddress hostPort(String uri) {
        String u = uri(uri);
        boolean sips = u.toLowerCase(Locale.ROOT).startsWith("sips:");
        String rest = u.substring(u.indexOf(':') + 1);
        rest = rest.substring(rest.indexOf('@') + 1);
        int end = rest.length();
        for (char c : new char[] {';', '?'}) {
            int i = rest.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        rest = rest.substring(0, end);
        String host;
        int port = sips ? 5061 : 5060;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            host = rest.substring(1, close);
            if (rest.length() > close + 1 && rest.charAt(close + 1) == ':') {
                port = Integer.parseInt(rest.substring(close + 2));
            }
        } else {
            int colon = rest.lastIndexOf(':');
            host = colon < 0 ? rest : rest.substring(0, colon);
            if (colon >= 0) {
                port = Integer.parseInt(rest.substring(colon + 1));
            }
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve the host of " + uri, e);
        }
    }

    /** @return {@code host:port} of an address, IPv6 in brackets */
    public static String format(InetSocketAddress a) {
        String host = a.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    /** Splits a header value at the commas that separate values, not those in quotes or angle brackets. */
    static List<String> splitValues(String line) {
        List<String> out = new ArrayList<>();
        boolean quoted = false;
        int angle = 0;
        int start = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' && (i == 0 || line.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && c == '<') {
                angle++;
            } else if (!quoted && c == '>') {
                angle--;
            } else if (!quoted && angle == 0 && c == ',') {
                out.add(line.substring(start, i).strip());
                start = i + 1;
            }
        }
        out.add(line.substring(start).strip());
        return out;
    }
}
