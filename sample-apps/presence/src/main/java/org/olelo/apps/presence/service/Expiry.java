package org.olelo.apps.presence.service;

import java.util.Map;

/**
 * Expiry limits of publications or subscriptions: the default when the request gives none, the
 * minimum (shorter, non-zero requests get 423 with {@code Min-Expires}) and the maximum (longer
 * requests are cut to it).
 *
 * @param dflt seconds when the request has no Expires
 * @param min  smallest accepted non-zero value, seconds
 * @param max  largest granted value, seconds
 */
public record Expiry(long dflt, long min, long max) {

    /** Checks the limits. */
    public Expiry {
        if (min < 0 || dflt < 1 || max < 1 || min > max || dflt < min || dflt > max) {
            throw new IllegalArgumentException("expiry limits must satisfy 0 <= min <= default <= max, default and max"
                    + " at least 1, but were min " + min + ", default " + dflt + ", max " + max);
        }
    }

    /**
     * @param header the Expires header value, or null
     * @return the granted seconds; 0 when the request asks to end
     * @throws Rejection 400 for a value that is not a number, 423 below the minimum
     */
    public long grant(String header) throws Rejection {
        if (header == null || header.isBlank()) {
            return dflt;
        }
        long asked;
        try {
            asked = Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            throw new Rejection(400, "Bad Expires");
        }
        if (asked < 0) {
            throw new Rejection(400, "Bad Expires");
        }
        if (asked == 0) {
            return 0;
        }
        if (asked < min) {
            throw new Rejection(423, "Interval Too Brief", Map.of("Min-Expires", Long.toString(min)));
        }
        return Math.min(asked, max);
    }
}
