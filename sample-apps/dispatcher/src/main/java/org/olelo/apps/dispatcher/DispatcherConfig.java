package org.olelo.apps.dispatcher;

import java.util.Locale;
import java.util.function.Function;

/**
 * The application's settings, read from its context parameters (sip.xml, or
 * {@code deploy/apps/dispatcher.properties}); every one has a default. A bad value fails the
 * deployment with the parameter's name. Immutable; any thread.
 *
 * @param setId            {@value #SET}: the set initial requests are dispatched to (default 1)
 * @param algorithm        {@value #ALGORITHM}: Kamailio's algorithm number (default 4, round robin)
 * @param failover         {@value #FAILOVER}: on 408, 5xx or no answer, try the next destination
 *                         (default true)
 * @param probeInterval    {@value #PROBING_INTERVAL}: seconds between probes of each destination,
 *                         0 for no probing (default 10)
 * @param probeThreshold   {@value #PROBING_THRESHOLD}: probes in a row without answer before a
 *                         destination is marked inactive (default 1)
 * @param probeMethod      {@value #PROBING_METHOD}: the probe request's method (default OPTIONS)
 * @param listFile         {@value #LIST_FILE}: a {@code dispatcher.list} file to read instead of
 *                         the table, or null
 * @param front            {@value #FRONT}: the front of a cluster of Olelo nodes ({@link Front}):
 *                         Request-URI kept and the node pushed as a Route, REGISTER to every
 *                         active node, requests of a dead node's dialogs to a live node (default false)
 */
public record DispatcherConfig(int setId, Algorithm algorithm, boolean failover, int probeInterval,
                               int probeThreshold, String probeMethod, String listFile, boolean front) {

    /** Key of {@link #setId}. */
    public static final String SET = "dispatcher.set";
    /** Key of {@link #algorithm}. */
    public static final String ALGORITHM = "dispatcher.algorithm";
    /** Key of {@link #failover}. */
    public static final String FAILOVER = "dispatcher.failover";
    /** Key of {@link #probeInterval}. */
    public static final String PROBING_INTERVAL = "dispatcher.probing.interval.seconds";
    /** Key of {@link #probeThreshold}. */
    public static final String PROBING_THRESHOLD = "dispatcher.probing.threshold";
    /** Key of {@link #probeMethod}. */
    public static final String PROBING_METHOD = "dispatcher.probing.method";
    /** Key of {@link #listFile}. */
    public static final String LIST_FILE = "dispatcher.list.file";
    /** Key of {@link #front}. */
    public static final String FRONT = "dispatcher.front";

    /** Checks the ranges. */
    public DispatcherConfig {
        if (probeInterval < 0 || probeThreshold < 1) {
            throw new IllegalArgumentException("probing interval must be 0 or more and threshold 1 or more");
        }
        if (probeMethod == null || !probeMethod.matches("[A-Z]+") || probeMethod.equals("INVITE")
                || probeMethod.equals("ACK") || probeMethod.equals("CANCEL")) {
            throw new IllegalArgumentException(PROBING_METHOD + " must be a method such as OPTIONS but is '"
                    + probeMethod + "'");
        }
    }

    /** Every setting at its default. */
    public static DispatcherConfig defaults() {
        return new DispatcherConfig(1, Algorithm.ROUND_ROBIN, true, 10, 1, "OPTIONS", null, false);
    }

    /**
     * @param params the value of a context parameter, or null
     * @throws IllegalArgumentException naming the parameter and what was expected
     */
    public static DispatcherConfig from(Function<String, String> params) {
        DispatcherConfig d = defaults();
        int set = value(params, SET, d.setId(), t -> integer(t, 0, Integer.MAX_VALUE));
        Algorithm alg = value(params, ALGORITHM, d.algorithm(), t -> Algorithm.of(integer(t, 0, 1000)));
        boolean failover = value(params, FAILOVER, d.failover(), DispatcherConfig::bool);
        int interval = value(params, PROBING_INTERVAL, d.probeInterval(), t -> integer(t, 0, 86400));
        int threshold = value(params, PROBING_THRESHOLD, d.probeThreshold(), t -> integer(t, 1, 1000));
        String method = value(params, PROBING_METHOD, d.probeMethod(), t -> t.toUpperCase(Locale.ROOT));
        String file = value(params, LIST_FILE, null, t -> t);
        boolean front = value(params, FRONT, d.front(), DispatcherConfig::bool);
        try {
            return new DispatcherConfig(set, alg, failover, interval, threshold, method, file, front);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("dispatcher context-params: " + e.getMessage(), e);
        }
    }

    private static <T> T value(Function<String, String> params, String key, T dflt, Function<String, T> parse) {
        String raw = params.apply(key);
        if (raw == null || raw.isBlank()) {
            return dflt;
        }
        try {
            return parse.apply(raw.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("dispatcher context-param " + key + ": " + e.getMessage(), e);
        }
    }

    private static int integer(String text, int min, int max) {
        int v;
        try {
            v = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a whole number but found '" + text + "'");
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException("expected a number from " + min + " to " + max + " but found " + v);
        }
        return v;
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
