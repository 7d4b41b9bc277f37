package org.olelo.api.rpc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of one command call, by name. Parameters given by position are named after the
 * command's {@link RpcCommand#params()} list before the handler sees them. Values are what JSON
 * gave: {@code String}, {@code Number}, {@code Boolean}, {@code List}, {@code Map} or
 * {@code null}; the typed getters also accept a number or a boolean written as a string, since
 * {@code olelo ctl} passes every argument as text.
 */
public final class RpcParams {

    private final Map<String, Object> values;

    /** @param values the parameters by name (copied) */
    public RpcParams(Map<String, ?> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * Names positional values after the command's parameter list.
     *
     * @throws RpcException when more values are given than the command has parameters
     */
    public static RpcParams positional(List<String> names, List<?> values) throws RpcException {
        if (values.size() > names.size()) {
            throw new RpcException(RpcException.INVALID_PARAMS, "too many parameters: expected at most "
                    + names.size() + (names.isEmpty() ? "" : " (" + String.join(", ", names) + ")"));
        }
        Map<String, Object> named = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            named.put(names.get(i), values.get(i));
        }
        return new RpcParams(named);
    }

    /** Every parameter given, by name. */
    public Map<String, Object> asMap() {
        return values;
    }

    /** Whether the parameter was given (and is not JSON {@code null}). */
    public boolean has(String name) {
        return values.get(name) != null;
    }

    /** The parameter as given, or {@code null}. */
    public Object raw(String name) {
        return values.get(name);
    }

    /** A required parameter as text; numbers and booleans are given as their JSON text. */
    public String text(String name) throws RpcException {
        Object value = values.get(name);
        if (value == null) {
            throw new RpcException(RpcException.INVALID_PARAMS, "missing parameter '" + name + "'");
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw new RpcException(RpcException.INVALID_PARAMS, "parameter '" + name + "' must be text");
        }
        return value.toString();
    }

    /** An optional parameter as text. */
    public Optional<String> optionalText(String name) throws RpcException {
        return has(name) ? Optional.of(text(name)) : Optional.empty();
    }

    /** A required whole number. */
    public long number(String name) throws RpcException {
        Object value = values.get(name);
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        try {
            return Long.parseLong(text(name).trim());
        } catch (NumberFormatException e) {
            throw new RpcException(RpcException.INVALID_PARAMS, "parameter '" + name + "' must be a whole number");
        }
    }

    /** An optional whole number, {@code fallback} when not given. */
    public long number(String name, long fallback) throws RpcException {
        return has(name) ? number(name) : fallback;
    }

    /** An optional boolean ({@code true}/{@code false}, also as text), {@code fallback} when not given. */
    public boolean flag(String name, boolean fallback) throws RpcException {
        Object value = values.get(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String s = text(name).trim();
        if (s.equalsIgnoreCase("true")) {
            return true;
        }
        if (s.equalsIgnoreCase("false")) {
            return false;
        }
        throw new RpcException(RpcException.INVALID_PARAMS, "parameter '" + name + "' must be true or false");
    }

    @Override
    public String toString() {
        return "RpcParams" + values.keySet();
    }
}
