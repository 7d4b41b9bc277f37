package org.olelo.apps.registrar.service;

import java.util.function.Function;

/**
 * Reads typed context-params (sip.xml {@code <context-param>} or the deployment's properties file):
 * a missing or blank value takes its default, a bad one is refused naming the key. Stateless; any
 * thread.
 */
public final class ContextParams {

    private ContextParams() {
    }

    /**
     * @param params returns the value of a context-param, or null
     * @param key    the context-param
     * @param dflt   the value when it is missing or blank
     * @param parse  reads the trimmed text; throws {@link IllegalArgumentException} saying what was expected
     * @return the value
     * @throws IllegalArgumentException {@code registrar context-param KEY: ...}
     */
    public static <T> T value(Function<String, String> params, String key, T dflt, Function<String, T> parse) {
        String raw = params.apply(key);
        if (raw == null || raw.isBlank()) {
            return dflt;
        }
        try {
            return parse.apply(raw.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("registrar context-param " + key + ": " + e.getMessage(), e);
        }
    }

    /**
     * @return the integer in {@code text}
     * @throws IllegalArgumentException when it is not one, or not from {@code min} to {@code max}
     */
    public static int integer(String text, int min, int max) {
        int v;
        try {
            v = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected an integer but found '" + text + "'");
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException("expected an integer from " + min + " to " + max + " but found " + v);
        }
        return v;
    }
}
