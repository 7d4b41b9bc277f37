package org.olelo.apps.registrar.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the Path values of a binding into the one text column {@code location.path} and back: the
 * values joined by commas, as they would appear in a single Path header (Kamailio stores them the
 * same way). Splitting skips commas inside {@code <...>} and quoted strings. Stateless; any thread.
 */
final class PathCodec {

    private PathCodec() {
    }

    /**
     * @param path the Path values, in order
     * @return them joined by commas, or null when there are none
     */
    static String encode(List<String> path) {
        return path.isEmpty() ? null : String.join(",", path);
    }

    /**
     * @param column the column text, or null
     * @return the Path values, in order
     */
    static List<String> decode(String column) {
        List<String> out = new ArrayList<>();
        if (column == null || column.isBlank()) {
            return out;
        }
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < column.length(); i++) {
            char c = column.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth = Math.max(0, depth - 1);
            } else if (c == ',' && depth == 0) {
                add(out, column.substring(start, i));
                start = i + 1;
            }
        }
        add(out, column.substring(start));
        return out;
    }

    private static void add(List<String> out, String value) {
        String v = value.trim();
        if (!v.isEmpty()) {
            out.add(v);
        }
    }
}
