package org.olelo.container.internal.ua;

import java.util.Locale;

/**
 * The dialog named by a Replaces (RFC 3891) or Join (RFC 3911) header:
 * {@code callid;to-tag=...;from-tag=...}, where the to-tag is the tag of the side that receives
 * the header. Immutable.
 */
record DialogId(String callId, String toTag, String fromTag) {

    /** Parses the header value; null when a part is missing. */
    static DialogId parse(String value) {
        String[] parts = value.split(";");
        String callId = parts[0].trim();
        String to = null;
        String from = null;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            int eq = p.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = p.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String v = p.substring(eq + 1).trim();
            if (name.equals("to-tag")) {
                to = v;
            } else if (name.equals("from-tag")) {
                from = v;
            }
        }
        return callId.isEmpty() || to == null || from == null ? null : new DialogId(callId, to, from);
    }
}
