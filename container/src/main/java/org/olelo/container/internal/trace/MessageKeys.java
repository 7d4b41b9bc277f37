package org.olelo.container.internal.trace;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.olelo.container.internal.log.LogText;

/**
 * The Call-ID and the users and hosts of From and To, read from a message's raw bytes without
 * parsing it (full and compact header names, any case). Anything that cannot be read is null;
 * a message whose header section is unreadable simply matches no user. Immutable; any thread.
 *
 * @param callId   the Call-ID, or null
 * @param fromUser the user of the From URI, lower case, or null
 * @param fromHost the host of the From URI, lower case, or null
 * @param toUser   the user of the To URI, lower case, or null
 * @param toHost   the host of the To URI, lower case, or null
 */
record MessageKeys(String callId, String fromUser, String fromHost, String toUser, String toHost) {

    /** Headers read: at most this many bytes of a message are scanned. */
    private static final int MAX_SCAN = 16 * 1024;

    /**
     * @param d a message's bytes
     * @return its keys
     */
    static MessageKeys read(byte[] d) {
        String callId = null;
        String from = null;
        String to = null;
        int end = Math.min(d.length, MAX_SCAN);
        int i = 0;
        while (i < end && d[i] != '\n') {
            i++; // the start line
        }
        int line = i + 1;
        while (line < end && (callId == null || from == null || to == null)) {
            int eol = line;
            while (eol < end && d[eol] != '\n') {
                eol++;
            }
            int stop = eol > line && d[eol - 1] == '\r' ? eol - 1 : eol;
            if (stop == line) {
                break; // end of the header section
            }
            int colon = line;
            while (colon < stop && d[colon] != ':') {
                colon++;
            }
            if (colon < stop && d[line] != ' ' && d[line] != '\t') {
                int nameEnd = colon;
                while (nameEnd > line && (d[nameEnd - 1] == ' ' || d[nameEnd - 1] == '\t')) {
                    nameEnd--;
                }
                if (is(d, line, nameEnd, "call-id", "i")) {
                    callId = callId != null ? callId : text(d, colon + 1, stop);
                } else if (is(d, line, nameEnd, "from", "f")) {
                    from = from != null ? from : text(d, colon + 1, stop);
                } else if (is(d, line, nameEnd, "to", "t")) {
                    to = to != null ? to : text(d, colon + 1, stop);
                }
            }
            line = eol + 1;
        }
        String[] f = userAndHost(from);
        String[] t = userAndHost(to);
        return new MessageKeys(callId, f[0], f[1], t[0], t[1]);
    }

    private static boolean is(byte[] d, int from, int to, String full, String compact) {
        return same(d, from, to, full) || same(d, from, to, compact);
    }

    private static boolean same(byte[] d, int from, int to, String name) {
        if (to - from != name.length()) {
            return false;
        }
        for (int k = 0; k < name.length(); k++) {
            int c = d[from + k];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != name.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static String text(byte[] d, int from, int to) {
        return new String(d, from, to - from, StandardCharsets.UTF_8).trim();
    }

    /** User and host of the URI in a From or To value, lower case; either may be null. */
    private static String[] userAndHost(String value) {
        String[] uh = LogText.userAndHost(value);
        for (int k = 0; k < uh.length; k++) {
            uh[k] = uh[k] == null ? null : uh[k].toLowerCase(Locale.ROOT);
        }
        return uh;
    }
}
