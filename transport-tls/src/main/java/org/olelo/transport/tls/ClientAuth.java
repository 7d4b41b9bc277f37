package org.olelo.transport.tls;

import java.util.Locale;

/** Whether a TLS server asks its clients for a certificate ({@code tls.client.auth}). */
public enum ClientAuth {
    /** No certificate is asked for. */
    NONE,
    /** A certificate is asked for; a client without one is still served, one with an untrusted one is not. */
    WANT,
    /** A client must present a certificate its trusted CAs signed, or the handshake fails. */
    NEED;

    /**
     * Parses {@code none}, {@code want} or {@code need}, in any case.
     *
     * @throws IllegalArgumentException for any other text
     */
    public static ClientAuth parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "none", "" -> NONE;
            case "want" -> WANT;
            case "need" -> NEED;
            default -> throw new IllegalArgumentException("expected none, want or need, not '" + text + "'");
        };
    }
}
