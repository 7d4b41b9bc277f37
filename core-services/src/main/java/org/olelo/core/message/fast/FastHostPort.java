package org.olelo.core.message.fast;

import gov.nist.core.Host;
import gov.nist.core.HostPort;

/**
 * {@code host[:port]} in its simple form, as {@code HostNameParser.hostPort} builds it: a name or an
 * IPv4 address (letters, digits, dots and hyphens, starting with a letter or digit) and at most five
 * digits of port. Stateless; any thread.
 */
final class FastHostPort {

    private FastHostPort() {
    }

    /**
     * Where the host and port starting at {@code h} end (before {@code e}), or -1 when they are not in
     * the simple form.
     */
    static int end(byte[] d, int h, int e) {
        int he = hostEnd(d, h, e);
        if (he == h || !Bytes.isAlphaNum(d[h])) {
            return -1;
        }
        if (he >= e || d[he] != ':') {
            return he;
        }
        int p = he + 1;
        while (p < e && Bytes.isDigit(d[p])) {
            p++;
        }
        return p == he + 1 || p - he - 1 > 5 ? -1 : p;
    }

    /** The host and port of {@code d[h, end)}, which {@link #end} accepted. */
    static HostPort of(byte[] d, int h, int end) {
        int he = hostEnd(d, h, end);
        HostPort hp = new HostPort();
        hp.setHost(new Host(Bytes.ascii(d, h, he)));
        if (he < end) {
            hp.setPort((int) Bytes.decimal(d, he + 1, end));
        }
        return hp;
    }

    private static int hostEnd(byte[] d, int h, int e) {
        int he = h;
        while (he < e && (Bytes.isAlphaNum(d[he]) || d[he] == '.' || d[he] == '-')) {
            he++;
        }
        return he;
    }
}
