package org.olelo.core.internal.net;

import java.net.Inet6Address;
import java.net.InetAddress;

/** IP addresses as text: IPv4 dotted, IPv6 in the RFC 5952 short form (lower case, longest zero run as "::"). */
public final class AddressText {

    private AddressText() {
    }

    /** As written in SIP (Via, Record-Route): an IPv6 address in brackets. */
    public static String sip(InetAddress a) {
        return a instanceof Inet6Address ? "[" + plain(a) + "]" : a.getHostAddress();
    }

    /** Without brackets, as in configuration and log lines. */
    public static String plain(InetAddress a) {
        if (!(a instanceof Inet6Address)) {
            return a.getHostAddress();
        }
        byte[] b = a.getAddress();
        int[] w = new int[8];
        for (int i = 0; i < 8; i++) {
            w[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (w[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && w[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(w[i]));
        }
        return sb.toString();
    }
}
