package org.olelo.container.internal.trace;

import java.util.Locale;
import java.util.Objects;

/**
 * What one trace follows: a user (by user name in any domain, or by address of record) or a
 * Call-ID. A message matches a user filter when the user of its From or To URI is that user (and,
 * for an address of record, the host is that host too, case ignored); a Call-ID filter when its
 * Call-ID is that one exactly. Immutable; any thread.
 *
 * @param kind  what is compared
 * @param value the user ({@code alice} or {@code alice@example.com}, lower case) or the Call-ID
 */
public record TraceFilter(Kind kind, String value) {

    /** What a filter compares. */
    public enum Kind {
        /** The user of From or To. */
        USER,
        /** The Call-ID. */
        CALL
    }

    /** Checks the value. */
    public TraceFilter {
        Objects.requireNonNull(kind, "kind");
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a trace filter needs a user or a Call-ID");
        }
    }

    /**
     * @param user {@code alice}, {@code alice@example.com} or {@code sip:alice@example.com}
     * @return a filter for that user
     */
    public static TraceFilter user(String user) {
        String u = user.trim();
        if (u.regionMatches(true, 0, "sips:", 0, 5)) {
            u = u.substring(5);
        } else if (u.regionMatches(true, 0, "sip:", 0, 4)) {
            u = u.substring(4);
        }
        return new TraceFilter(Kind.USER, u.toLowerCase(Locale.ROOT));
    }

    /**
     * @param callId a Call-ID
     * @return a filter for that call
     */
    public static TraceFilter call(String callId) {
        return new TraceFilter(Kind.CALL, callId.trim());
    }

    /** @return {@code user:alice} or {@code call:<Call-ID>} */
    @Override
    public String toString() {
        return (kind == Kind.USER ? "user:" : "call:") + value;
    }
}
