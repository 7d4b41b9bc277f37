package org.olelo.apps.registrar.service;

import java.util.Locale;

/**
 * Who may learn that a local user exists but has no current binding ({@code reveal.offline}).
 * Answering 480 to a known user who is offline and 404 to a name nobody has lets anyone list the
 * users of a domain with INVITE, OPTIONS or MESSAGE; so by default both get the same 404.
 */
public enum RevealOffline {

    /** Nobody: unknown and offline users are both answered {@code 404 Not Found} (the default). */
    NEVER,
    /**
     * Requesters the container authenticated (which needs a security constraint on those requests
     * in sip.xml) get {@code 480 Temporarily Unavailable} for an offline user; others get 404.
     */
    AUTHENTICATED,
    /** Everybody gets 480 for an offline user and 404 for an unknown one. */
    ALWAYS;

    /**
     * @param text {@code never}, {@code authenticated} or {@code always}, any case
     * @return the setting
     * @throws IllegalArgumentException for any other text
     */
    public static RevealOffline parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "never" -> NEVER;
            case "authenticated" -> AUTHENTICATED;
            case "always" -> ALWAYS;
            default -> throw new IllegalArgumentException("expected never, authenticated or always but found '" + text
                    + "'");
        };
    }

    /**
     * @param authenticated whether the container authenticated the requester
     * @return true when this requester may be told that the user exists but is offline
     */
    public boolean reveals(boolean authenticated) {
        return this == ALWAYS || this == AUTHENTICATED && authenticated;
    }
}
