package org.olelo.container.internal.stats;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The identity of one meter: group, name and labels, checked once when the meter is registered
 * (never on the message path). Immutable.
 *
 * @param group  lower-case letters, digits and {@code _}, starting with a letter
 * @param name   the same alphabet, not ending with a suffix Prometheus reserves ({@code _total},
 *               {@code _created}, {@code _count}, {@code _sum}, {@code _bucket}, {@code _info}, {@code _max})
 * @param labels label name to value, sorted by name
 */
record MeterKey(String group, String name, Map<String, String> labels) {

    static final Pattern WORD = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    /** Endings Prometheus and OpenMetrics give a meaning of their own: not allowed at the end of a name. */
    private static final java.util.List<String> RESERVED = java.util.List.of("_total", "_created", "_count", "_sum",
            "_bucket", "_info", "_max");
    /** Longest label value kept; longer ones are refused (a label value is meant to be short). */
    static final int MAX_VALUE = 128;

    /**
     * Checks and builds a key.
     *
     * @param labels label names and values, alternating
     * @throws IllegalArgumentException for a malformed group, name or label, or an odd label list
     */
    static MeterKey of(String group, String name, String... labels) {
        check("group", group);
        check("name", name);
        for (String end : RESERVED) {
            if (name.endsWith(end)) {
                throw new IllegalArgumentException("name must not end with " + end + " (Prometheus gives it a meaning): '"
                        + name + "'");
            }
        }
        if (labels == null) {
            labels = new String[0];
        }
        if (labels.length % 2 != 0) {
            throw new IllegalArgumentException("labels must be given as name, value pairs: " + labels.length + " strings");
        }
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            check("label name", labels[i]);
            String v = labels[i + 1];
            if (v == null || v.length() > MAX_VALUE) {
                throw new IllegalArgumentException("label " + labels[i] + ": a value of at most " + MAX_VALUE
                        + " characters is required");
            }
            if (m.put(labels[i], v) != null) {
                throw new IllegalArgumentException("label " + labels[i] + " given twice");
            }
        }
        return new MeterKey(group, name, java.util.Collections.unmodifiableMap(m));
    }

    private static void check(String what, String s) {
        if (s == null || !WORD.matcher(s).matches()) {
            throw new IllegalArgumentException(what + " must be lower-case letters, digits and _, starting with a letter: "
                    + (s == null ? "null" : "'" + s + "'"));
        }
    }

    /** {@code group.name}: the name without labels. */
    String fullName() {
        return group + "." + name;
    }

    /** {@code group.name{label=value,...}}, as the statistics commands show it. */
    String text() {
        if (labels.isEmpty()) {
            return fullName();
        }
        StringBuilder b = new StringBuilder(fullName()).append('{');
        labels.forEach((k, v) -> b.append(k).append('=').append(v).append(','));
        b.setLength(b.length() - 1);
        return b.append('}').toString();
    }

    /** The Micrometer name: {@code olelo.group.name}, written {@code olelo_group_name} in Prometheus text. */
    String meterName() {
        return "olelo." + group + "." + name;
    }

    /** The labels as Micrometer tags. */
    Tags tags() {
        List<Tag> t = new ArrayList<>(labels.size());
        labels.forEach((k, v) -> t.add(Tag.of(k, v)));
        return Tags.of(t);
    }
}
