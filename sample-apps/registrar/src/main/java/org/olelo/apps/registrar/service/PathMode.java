package org.olelo.apps.registrar.service;

import java.util.Locale;

/**
 * What the registrar does with a REGISTER that carries Path header fields (RFC 3327) when the UA
 * did not list {@code path} in Supported ({@code path.mode}). RFC 3327 §5.3 leaves it to local
 * policy and recommends refusing with 420, so that a UA learns that a proxy on the way added
 * itself to its Path without the UA asking for it; it allows accepting the Path anyway, at some
 * cost to security, for networks whose edge proxies add Path for UAs that do not know it.
 */
public enum PathMode {

    /** 420 Bad Extension with {@code Unsupported: path}; nothing is stored (the recommended policy). */
    STRICT,
    /** Store the Path all the same and route through it; it is echoed only to UAs that support it. */
    LAZY;

    /**
     * @param text {@code strict} or {@code lazy}, any case
     * @return the mode
     * @throws IllegalArgumentException for any other text
     */
    public static PathMode parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "strict" -> STRICT;
            case "lazy" -> LAZY;
            default -> throw new IllegalArgumentException("expected strict or lazy but found '" + text + "'");
        };
    }
}
