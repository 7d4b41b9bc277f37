package org.olelo.apps.registrar.msilo;

import java.util.function.Function;

import static org.olelo.apps.registrar.service.ContextParams.integer;
import static org.olelo.apps.registrar.service.ContextParams.value;

/**
 * The settings of the offline message store, read from the registrar's sip.xml
 * {@code <context-param>}s (or {@code deploy/apps/registrar.properties}); every key has a default.
 *
 * <p>Immutable value; any thread.
 *
 * @param enabled       {@value #ENABLED}: store MESSAGEs for known users who are offline
 * @param expiresSeconds {@value #EXPIRES}: how long a stored message is kept, seconds
 * @param maxMessages   {@value #MAX_MESSAGES}: messages kept per user; more are answered 480
 * @param maxBodyBytes  {@value #MAX_BODY}: the largest body stored; larger ones are answered 413
 * @param sweepInterval {@value #SWEEP_INTERVAL}: seconds between sweeps (expiry, retries)
 */
public record SiloConfig(boolean enabled, long expiresSeconds, int maxMessages, int maxBodyBytes, int sweepInterval) {

    /** Key of {@link #enabled}. */
    public static final String ENABLED = "msilo.enabled";
    /** Key of {@link #expiresSeconds}. */
    public static final String EXPIRES = "msilo.expires";
    /** Key of {@link #maxMessages}. */
    public static final String MAX_MESSAGES = "msilo.max.messages";
    /** Key of {@link #maxBodyBytes}. */
    public static final String MAX_BODY = "msilo.max.body";
    /** Key of {@link #sweepInterval}. */
    public static final String SWEEP_INTERVAL = "msilo.sweep.interval";

    /** Checks the ranges. */
    public SiloConfig {
        if (expiresSeconds < 1 || maxMessages < 1 || maxBodyBytes < 0 || sweepInterval < 1) {
            throw new IllegalArgumentException("msilo settings out of range");
        }
    }

    /** @return every setting at its default: on, 7 days, 100 messages, 8192 bytes, 60 s */
    public static SiloConfig defaults() {
        return new SiloConfig(true, 7 * 24 * 3600, 100, 8192, 60);
    }

    /**
     * Reads the settings; a missing or blank value takes its default.
     *
     * @param params returns the value of a context-param, or null
     * @return the settings
     * @throws IllegalArgumentException naming the context-param and what was expected
     */
    public static SiloConfig from(Function<String, String> params) {
        SiloConfig d = defaults();
        boolean enabled = value(params, ENABLED, d.enabled(), SiloConfig::bool);
        long expires = value(params, EXPIRES, d.expiresSeconds(), t -> (long) integer(t, 1, Integer.MAX_VALUE));
        int max = value(params, MAX_MESSAGES, d.maxMessages(), t -> integer(t, 1, 100_000));
        int body = value(params, MAX_BODY, d.maxBodyBytes(), t -> integer(t, 0, 1 << 20));
        int sweep = value(params, SWEEP_INTERVAL, d.sweepInterval(), t -> integer(t, 1, 86400));
        return new SiloConfig(enabled, expires, max, body, sweep);
    }

    private static boolean bool(String text) {
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("expected true or false but found '" + text + "'");
    }
}
