package org.olelo.apps.lcr;

import java.util.function.Function;

/**
 * The application's settings, from its context parameters (sip.xml, or
 * {@code deploy/apps/lcr.properties}); each has a default here.
 *
 * @param lcrId           {@code lcr.id}: whose rows of the lcr tables are used (default 1)
 * @param notFoundCode    {@code notfound.code}: the answer when no rule matches the number (default 404)
 * @param gatewayTimeout  {@code gw.timeout}: seconds a gateway has to answer finally, counted from
 *                        the INVITE or its last provisional response, before it is cancelled and
 *                        the next one is tried (default 30)
 * @param failuresToDefunct {@code gw.failures}: failures in a row (408, 5xx, no answer) after which a
 *                        gateway is taken out; 0 never (default 3)
 * @param defunctSeconds  {@code gw.defunct.seconds}: how long a gateway stays out (default 60)
 * @param authRequired    {@code auth.required}: callers must be authenticated subscribers (default true)
 */
public record LcrConfig(int lcrId, int notFoundCode, int gatewayTimeout, int failuresToDefunct, int defunctSeconds,
                        boolean authRequired) {

    /** The defaults. */
    public static final LcrConfig DEFAULTS = new LcrConfig(1, 404, 30, 3, 60, true);

    /**
     * @param params a context parameter by name, or null when unset
     * @return the settings
     * @throws IllegalArgumentException naming the parameter when a value cannot be used
     */
    public static LcrConfig from(Function<String, String> params) {
        return new LcrConfig(
                number(params, "lcr.id", DEFAULTS.lcrId, 0, 32767),
                number(params, "notfound.code", DEFAULTS.notFoundCode, 400, 699),
                number(params, "gw.timeout", DEFAULTS.gatewayTimeout, 1, 3600),
                number(params, "gw.failures", DEFAULTS.failuresToDefunct, 0, 1000),
                number(params, "gw.defunct.seconds", DEFAULTS.defunctSeconds, 1, 86400),
                flag(params, "auth.required", DEFAULTS.authRequired));
    }

    private static int number(Function<String, String> params, String name, int fallback, int min, int max) {
        String v = params.apply(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("context-param " + name + "=" + v + ": expected a whole number from "
                + min + " to " + max);
    }

    private static boolean flag(Function<String, String> params, String name, boolean fallback) {
        String v = params.apply(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        return switch (v.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("context-param " + name + "=" + v + ": expected true or false");
        };
    }
}
