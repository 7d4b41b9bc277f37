package org.olelo.container.internal.router;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IP address or address block ({@code 127.0.0.1}, {@code 10.0.0.0/8},
 * {@code 2001:db8::/32}) written as a literal; host names are refused so that no
 * DNS look-up ever happens. Immutable; any thread.
 */
public final class Cidr {

    private final byte[] network;
    private final int prefix;

    private Cidr(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    /**
     * @param text an address literal, optionally followed by {@code /prefix}
     * @return the block
     * @throws IllegalArgumentException when the text is not an address literal or the prefix is out of range
     */
    public static Cidr parse(String text) {
        int slash = text.indexOf('/');
        String addr = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = literal(addr);
        if (bytes == null) {
            throw new IllegalArgumentException("expected an IP address literal or CIDR block but found '" + text + "'");
        }
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("expected a prefix length 0.." + bytes.length * 8 + " in '" + text + "'");
            }
        }
        return new Cidr(bytes, prefix);
    }

    /**
     * Parses an address literal without ever resolving a name: IPv4 is parsed
     * here, IPv6 is first checked by {@link java.net.URI}'s strict literal syntax.
     *
     * @return the address bytes, or null when the text is not an IP literal
     */
    static byte[] literal(String addr) {
        String a = addr.startsWith("[") && addr.endsWith("]") ? addr.substring(1, addr.length() - 1) : addr;
        if (a.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            String[] parts = a.split("\\.");
            byte[] b = new byte[4];
            for (int i = 0; i < 4; i++) {
                int v = Integer.parseInt(parts[i]);
                if (v > 255) {
                    return null;
                }
                b[i] = (byte) v;
            }
            return b;
        }
        if (a.indexOf(':') < 0 || !a.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
            return null;
        }
        try {
            if (java.net.URI.create("x://[" + a + "]/").getHost() == null) {
                return null;
            }
            byte[] b = InetAddress.getByName(a).getAddress();
            return b;
        } catch (IllegalArgumentException | UnknownHostException e) {
            return null;
        }
    }

    /**
     * @param ip an address literal
     * @return whether it lies in this block
     */
    public boolean contains(String ip) {
        byte[] b = ip == null ? null : literal(ip);
        if (b == null || b.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (b[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (b[full] & mask) == (network[full] & mask);
    }
}
