package org.olelo.container.boot;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Iterator;
import java.util.Map;

/**
 * How {@code olelo ctl} prints a result for a person: an object as {@code key: value} lines,
 * nested objects and lists indented below their key, lists of objects as {@code -} items, lists of
 * plain values on one line separated by commas. Stateless.
 */
final class CtlOutput {

    private CtlOutput() {
    }

    /** Prints a result. */
    static void print(JsonNode result, PrintWriter out) {
        if (result.isContainerNode()) {
            block(result, "", out);
        } else {
            out.println(scalar(result));
        }
    }

    /** Prints {@code system.listMethods}: one method a line with its parameters, then its help. */
    static void methods(JsonNode result, PrintWriter out) {
        for (JsonNode m : result.path("methods")) {
            StringBuilder line = new StringBuilder(m.path("name").asText());
            m.path("params").forEach(p -> line.append(" <").append(p.asText()).append('>'));
            out.println(line);
            out.println("    " + m.path("help").asText());
        }
    }

    private static void block(JsonNode node, String indent, PrintWriter out) {
        if (node.isObject()) {
            if (node.isEmpty()) {
                out.println(indent + "(none)");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                JsonNode v = f.getValue();
                if (inline(v)) {
                    out.println(indent + f.getKey() + ": " + inlineText(v));
                } else {
                    out.println(indent + f.getKey() + ":");
                    block(v, indent + "  ", out);
                }
            }
            return;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (inline(item)) {
                    out.println(indent + "- " + inlineText(item));
                } else {
                    out.println(indent + "-");
                    block(item, indent + "  ", out);
                }
            }
            return;
        }
        out.println(indent + scalar(node));
    }

    /** Plain values, and lists of plain values, fit on their key's line. */
    private static boolean inline(JsonNode v) {
        if (v.isArray()) {
            for (JsonNode item : v) {
                if (item.isContainerNode()) {
                    return v.isEmpty();
                }
            }
            return true;
        }
        return !v.isObject() || v.isEmpty();
    }

    private static String inlineText(JsonNode v) {
        if (v.isArray()) {
            StringBuilder b = new StringBuilder();
            for (JsonNode item : v) {
                b.append(b.isEmpty() ? "" : ", ").append(scalar(item));
            }
            return v.isEmpty() ? "(none)" : b.toString();
        }
        return v.isObject() ? "(none)" : scalar(v);
    }

    private static String scalar(JsonNode v) {
        return v.isNull() || v.isMissingNode() ? "-" : v.asText();
    }
}
