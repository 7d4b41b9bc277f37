package org.olelo.core.flood;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.olelo.core.internal.net.AddressText;

/**
 * An IPv4 or IPv6 address block, {@code 192.0.2.0/24}, {@code 2001:db8::/32}, or one address
 * ({@code ::1}). Only literal addresses: nothing is looked up in the DNS.
 *
 * @param network the block's first address (host bits cleared)
 * @param bits    the prefix length
 */
public record Cidr(InetAddress network, int bits) {

    /** Checks the prefix length against the address family. */
    public Cidr {
        int max = network instanceof Inet4Address ? 32 : 128;
        if (bits < 0 || bits > max) {
            throw new IllegalArgumentException("prefix length " + bits + " out of 0-" + max);
        }
    }

    /**
     * @param text an address or block, IPv6 optionally in brackets
     * @return the block, host bits cleared
     * @throws IllegalArgumentException when it is not an IP address literal with an optional /length
     */
    public static Cidr parse(String text) {
        String t = text.trim();
        int slash = t.indexOf('/');
        String addr = slash < 0 ? t : t.substring(0, slash);
        if (addr.startsWith("[") && addr.endsWith("]")) {
            addr = addr.substring(1, addr.length() - 1);
        }
        boolean v4 = addr.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = !v4 && addr.indexOf(':') >= 0 && addr.toLowerCase(Locale.ROOT).matches("[0-9a-f:.]+");
        if (!v4 && !v6) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address or block");
        }
        InetAddress a;
        try {
            a = InetAddress.getByName(addr); // a literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address or block");
        }
        int max = a instanceof Inet4Address ? 32 : 128;
        int bits;
        try {
            bits = slash < 0 ? max : Integer.parseInt(t.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "': the prefix length is not a number");
        }
        if (bits < 0 || bits > max) {
            throw new IllegalArgumentException("'" + text + "': prefix length out of 0-" + max);
        }
        byte[] b = a.getAddress();
        mask(b, bits);
        try {
            return new Cidr(InetAddress.getByAddress(b), bits);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param text blocks separated by commas; empty for none
     * @return the blocks in order
     */
    public static List<Cidr> parseList(String text) {
        List<Cidr> out = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                out.add(parse(part));
            }
        }
        return List.copyOf(out);
    }

    private static void mask(byte[] b, int bits) {
        for (int i = 0; i < b.length; i++) {
            int keep = Math.max(0, Math.min(8, bits - 8 * i));
            b[i] &= (byte) (0xff00 >> keep);
        }
    }

    /** True when the address is in this block (an IPv4 address is never in an IPv6 block). */
    public boolean contains(InetAddress a) {
        byte[] x = a.getAddress();
        byte[] n = network.getAddress();
        if (x.length != n.length) {
            return false;
        }
        mask(x, bits);
        return java.util.Arrays.equals(x, n);
    }

    @Override
    public String toString() {
        boolean v4 = network instanceof Inet4Address;
        String h = AddressText.plain(network);
        return bits == (v4 ? 32 : 128) ? h : h + "/" + bits;
    }
}
