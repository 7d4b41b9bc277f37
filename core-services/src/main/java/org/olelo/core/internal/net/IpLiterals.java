package org.olelo.core.internal.net;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Reads an IP address written as text (IPv4 dotted quad, IPv6 with or without brackets) without
 * ever asking a resolver: what is not a literal is reported as such, never looked up. Stateless;
 * cheap enough for every message.
 */
public final class IpLiterals {

    private IpLiterals() {
    }

    /**
     * The address a literal denotes, or null when {@code host} is not an IP literal (a host name).
     *
     * @throws UnknownHostException when it looks like an IPv6 literal but is not a valid one
     */
    public static InetAddress parse(String host) throws UnknownHostException {
        if (host == null || host.isEmpty()) {
            return null;
        }
        if (host.charAt(0) == '[' || host.indexOf(':') >= 0) {
            String inner = host.charAt(0) == '[' ? host : "[" + host + "]";
            return InetAddress.getByName(inner); // bracketed: parsed as IPv6, never looked up
        }
        byte[] b = ipv4(host);
        return b == null ? null : InetAddress.getByAddress(b);
    }

    /** True when {@code host} is written as an IP address. */
    public static boolean isLiteral(String host) {
        return host != null && !host.isEmpty() && (host.charAt(0) == '[' || host.indexOf(':') >= 0 || ipv4(host) != null);
    }

    /** The four bytes of a dotted quad of decimal numbers up to 255, or null. */
    private static byte[] ipv4(String h) {
        byte[] b = new byte[4];
        int part = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i <= h.length(); i++) {
            char c = i < h.length() ? h.charAt(i) : '.';
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                if (++digits > 3 || value > 255) {
                    return null;
                }
            } else if (c == '.' && digits > 0 && part < 4) {
                b[part++] = (byte) value;
                value = 0;
                digits = 0;
            } else {
                return null;
            }
        }
        return part == 4 ? b : null;
    }
}
