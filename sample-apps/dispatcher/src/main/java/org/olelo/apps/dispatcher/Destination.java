package org.olelo.apps.dispatcher;

import java.util.Locale;
import java.util.Objects;

/**
 * One destination as configured: a row of the {@code dispatcher} table or a line of a
 * {@code dispatcher.list} file. Immutable.
 *
 * @param setId       the set it belongs to
 * @param uri         the SIP URI requests are sent to ({@code sip:10.0.0.1:5060;transport=tcp})
 * @param flags       Kamailio's flags; bit 1 (value 2) means "probe this destination" there, here
 *                    every destination is probed when probing is on, and the value is only shown
 * @param priority    higher first with algorithm 8
 * @param attrs       the raw attribute text ({@code weight=50;duid=gw1;maxload=20})
 * @param description free text for operators
 * @param weight      {@code weight} attribute, 1 to 100 (1 when absent): share with algorithm 9
 * @param maxLoad     {@code maxload} attribute, the most active calls with algorithm 10 (0: no limit)
 */
public record Destination(int setId, String uri, int flags, int priority, String attrs, String description,
                          int weight, int maxLoad) {

    /** Largest weight accepted; Kamailio's weights are percentages. */
    public static final int MAX_WEIGHT = 100;

    /** Checks the parts. */
    public Destination {
        Objects.requireNonNull(uri, "uri");
        attrs = attrs == null ? "" : attrs;
        description = description == null ? "" : description;
        if (weight < 1 || weight > MAX_WEIGHT) {
            throw new IllegalArgumentException("weight must be from 1 to " + MAX_WEIGHT + " but is " + weight);
        }
        if (maxLoad < 0) {
            throw new IllegalArgumentException("maxload must not be negative");
        }
    }

    /**
     * Builds a destination, reading {@code weight} and {@code maxload} from {@code attrs}.
     *
     * @throws IllegalArgumentException for a URI that is not {@code sip:}/{@code sips:} with a
     *                                  host, or an attribute that is not a number in range
     */
    public static Destination of(int setId, String uri, int flags, int priority, String attrs, String description) {
        String u = uri == null ? "" : uri.trim();
        String lower = u.toLowerCase(Locale.ROOT);
        int colon = lower.startsWith("sip:") ? 4 : lower.startsWith("sips:") ? 5 : -1;
        if (colon < 0 || u.length() == colon || u.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("destination must be a sip: or sips: URI but is '" + uri + "'");
        }
        String a = attrs == null ? "" : attrs.trim();
        int weight = attribute(a, "weight", 1, 1, MAX_WEIGHT);
        int maxLoad = attribute(a, "maxload", 0, 0, 1_000_000);
        return new Destination(setId, u, flags, priority, a, description, weight, maxLoad);
    }

    /** The {@code duid} attribute, or the URI when absent: the name shown for the load. */
    public String duid() {
        String d = text(attrs, "duid");
        return d == null ? uri : d;
    }

    private static int attribute(String attrs, String name, int dflt, int min, int max) {
        String v = text(attrs, name);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("attribute " + name + " must be a number from " + min + " to " + max
                + " but is '" + v + "'");
    }

    private static String text(String attrs, String name) {
        for (String pair : attrs.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).trim().equalsIgnoreCase(name)) {
                return pair.substring(eq + 1).trim();
            }
        }
        return null;
    }
}
