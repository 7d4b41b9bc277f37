package org.olelo.core.transport;

import java.nio.charset.StandardCharsets;

/**
 * The Max-Forwards rule of the {@link InternalTransport}: a pass from this server to itself costs
 * one hop, whatever sent the request. On the encoded request (no parsing beyond the header lines):
 * <ul>
 *   <li>no Max-Forwards header: dropped. Every path that sends a request sets one (a proxy branch,
 *       the stateless ACK relay, a user agent), so a request without it was forwarded by a path that
 *       would forward it again; dropping it is what makes a loop impossible;</li>
 *   <li>{@code Max-Forwards: 0}: an ACK is dropped (it is never answered); another request goes
 *       through unchanged, and the core answers it 483 without handing it on;</li>
 *   <li>otherwise the value is lowered by one.</li>
 * </ul>
 * So every request the internal transport delivers either carries a Max-Forwards strictly lower
 * than the one it entered with, or is answered 483 on arrival: whatever path sends it again, a
 * request can go round at most 70 times (255 for one that arrived with the largest value).
 * Stateless and allocation-light (one copy of the message when the value changes); safe from any
 * thread.
 */
final class InternalHopBudget {

    private static final byte[] NAME = "max-forwards".getBytes(StandardCharsets.US_ASCII);

    private InternalHopBudget() {
    }

    /**
     * Takes the hop of one internal pass from a request.
     *
     * @return the request to deliver (a copy with the lowered value, or the same array), or null to drop it
     */
    static byte[] take(byte[] m) {
        int line = nextLine(m, 0); // the request line is not a header
        while (line >= 0 && line < m.length && m[line] != '\r' && m[line] != '\n') {
            int colon = headerColon(m, line);
            if (colon > 0) {
                return lowered(m, line, colon);
            }
            line = nextLine(m, line);
        }
        return null;
    }

    /** Index of the colon when the line at {@code s} is a Max-Forwards header, else -1. */
    private static int headerColon(byte[] m, int s) {
        if (s + NAME.length >= m.length) {
            return -1;
        }
        for (int i = 0; i < NAME.length; i++) {
            if ((m[s + i] | 0x20) != NAME[i]) {
                return -1;
            }
        }
        int i = s + NAME.length;
        while (i < m.length && (m[i] == ' ' || m[i] == '\t')) {
            i++;
        }
        return i < m.length && m[i] == ':' ? i : -1;
    }

    private static byte[] lowered(byte[] m, int line, int colon) {
        int d = colon + 1;
        while (d < m.length && (m[d] == ' ' || m[d] == '\t')) {
            d++;
        }
        int e = d;
        long value = 0;
        while (e < m.length && m[e] >= '0' && m[e] <= '9' && e - d < 10) {
            value = value * 10 + (m[e] - '0');
            e++;
        }
        if (e == d) {
            return null; // not a number: the parser would refuse it anyway
        }
        if (value == 0) {
            return startsWithAck(m) ? null : m;
        }
        byte[] digits = Long.toString(value - 1).getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[m.length - (e - d) + digits.length];
        System.arraycopy(m, 0, out, 0, d);
        System.arraycopy(digits, 0, out, d, digits.length);
        System.arraycopy(m, e, out, d + digits.length, m.length - e);
        return out;
    }

    private static boolean startsWithAck(byte[] m) {
        return m.length > 4 && m[0] == 'A' && m[1] == 'C' && m[2] == 'K' && m[3] == ' ';
    }

    /** Index of the line after the one starting at {@code s}, or -1 at the end of the bytes. */
    private static int nextLine(byte[] m, int s) {
        for (int i = s; i < m.length; i++) {
            if (m[i] == '\n') {
                return i + 1;
            }
        }
        return -1;
    }
}
