package org.olelo.apps.registrar;

import java.util.Locale;

/** How a request is forked to the contacts of an AOR ({@code fork.mode}). */
public enum ForkMode {

    /** Every contact at once; the first 2xx wins (RFC 3261 §16.7). */
    PARALLEL,
    /** One contact after the other, by descending q, each until it fails or times out. */
    SEQUENTIAL;

    /**
     * @param text {@code parallel} or {@code sequential}, any case
     * @return the mode
     * @throws IllegalArgumentException for any other text
     */
    public static ForkMode parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "parallel" -> PARALLEL;
            case "sequential" -> SEQUENTIAL;
            default -> throw new IllegalArgumentException("expected parallel or sequential but found '" + text + "'");
        };
    }
}
