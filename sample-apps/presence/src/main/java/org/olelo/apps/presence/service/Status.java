package org.olelo.apps.presence.service;

import java.util.Locale;

/** The state of a subscription and of a watcher's authorisation (RFC 6665 §4.1.3, RFC 3857). */
public enum Status {
    /** Waiting for the presentity's decision: NOTIFYs carry no state. */
    PENDING,
    /** Allowed: NOTIFYs carry the presentity's state. */
    ACTIVE,
    /** Ended or refused. */
    TERMINATED;

    /** @return the lower-case token of Subscription-State and watcherinfo */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the status of a token */
    public static Status parse(String token) {
        return valueOf(token.trim().toUpperCase(Locale.ROOT));
    }
}
