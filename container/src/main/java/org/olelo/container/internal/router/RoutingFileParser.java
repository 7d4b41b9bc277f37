package org.olelo.container.internal.router;

import jakarta.servlet.sip.ar.SipApplicationRoutingRegion;
import jakarta.servlet.sip.ar.SipRouteModifier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses a routing file (syntax in the package documentation) into a
 * {@link RoutingTable}; the first fault stops parsing with a
 * {@link RoutingSyntaxException} naming file, line and what was expected.
 * Stateless; any thread.
 */
public final class RoutingFileParser {

    private final Path file;
    private LogicalLine current;

    private RoutingFileParser(Path file) {
        this.file = file;
    }

    /**
     * @param file the routing file
     * @return its table
     * @throws RoutingSyntaxException at the first fault, or when the file cannot be read
     */
    public static RoutingTable parse(Path file) throws RoutingSyntaxException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RoutingSyntaxException(new RoutingError(file, 0, "cannot read: " + e));
        }
        return new RoutingFileParser(file).table(lines);
    }

    private RoutingTable table(List<String> physical) throws RoutingSyntaxException {
        Map<String, List<RouteTuple>> byMethod = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (LogicalLine l : LogicalLine.split(physical)) {
            current = l;
            Cursor c = new Cursor(l.text());
            String key = c.token();
            if (key.isEmpty() || !key.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || "-._!%*+`'~".indexOf(ch) >= 0)) {
                throw fail(0, "expected a SIP method name or ALL at the start of the line");
            }
            String method = key.toUpperCase(Locale.ROOT);
            if (firstLine.containsKey(method)) {
                throw fail(0, "duplicate key " + method + " (first given at line " + firstLine.get(method) + ")");
            }
            firstLine.put(method, l.lineAt(0));
            c.skipSpace();
            if (c.peek() == ':' || c.peek() == '=') {
                c.pos++;
            }
            byMethod.put(method, tuples(c));
        }
        return new RoutingTable(byMethod);
    }

    private List<RouteTuple> tuples(Cursor c) throws RoutingSyntaxException {
        List<RouteTuple> out = new ArrayList<>();
        c.skipSpace();
        while (!c.atEnd()) {
            int start = c.pos;
            c.expect('(', "'(' to open a tuple");
            List<String> fields = new ArrayList<>();
            List<Integer> at = new ArrayList<>();
            do {
                c.skipSpace();
                at.add(c.pos);
                fields.add(c.quoted());
                c.skipSpace();
            } while (c.accept(','));
            c.expect(')', "',' or ')' after a field");
            out.add(tuple(fields, at, start));
            c.skipSpace();
            if (!c.atEnd()) {
                c.expect(',', "',' between tuples or the end of the line");
                c.skipSpace();
                if (c.atEnd()) {
                    throw fail(c.pos, "expected a tuple after ','");
                }
            }
        }
        return out;
    }

    private RouteTuple tuple(List<String> f, List<Integer> at, int start) throws RoutingSyntaxException {
        if (f.size() != 6 && f.size() != 7) {
            throw fail(start, "expected 6 fields (application, subscriber, region, route, route modifier, "
                    + "state info) and an optional 7th (conditions) but found " + f.size());
        }
        if (f.get(0).isBlank()) {
            throw fail(at.get(0), "expected an application name in the 1st field");
        }
        SipApplicationRoutingRegion region = switch (f.get(2).trim().toUpperCase(Locale.ROOT)) {
            case "ORIGINATING" -> SipApplicationRoutingRegion.ORIGINATING_REGION;
            case "TERMINATING" -> SipApplicationRoutingRegion.TERMINATING_REGION;
            case "NEUTRAL" -> SipApplicationRoutingRegion.NEUTRAL_REGION;
            default -> throw fail(at.get(2), "expected ORIGINATING, TERMINATING or NEUTRAL in the 3rd field but found '"
                    + f.get(2) + "'");
        };
        SipRouteModifier mod;
        try {
            mod = SipRouteModifier.valueOf(f.get(4).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw fail(at.get(4), "expected ROUTE, ROUTE_BACK or NO_ROUTE in the 5th field but found '" + f.get(4) + "'");
        }
        String route = f.get(3).trim();
        if (mod == SipRouteModifier.ROUTE && route.isEmpty()) {
            throw fail(at.get(3), "expected a route URI in the 4th field for route modifier ROUTE");
        }
        if (!route.isEmpty() && !route.matches("(?i)<?sips?:.+")) {
            throw fail(at.get(3), "expected a sip: or sips: URI in the 4th field but found '" + route + "'");
        }
        String subscriber = f.get(1).trim();
        if (subscriber.regionMatches(true, 0, "DAR:", 0, 4) && subscriber.length() == 4) {
            throw fail(at.get(1), "expected a header name after DAR: in the 2nd field");
        }
        List<Condition> conditions = f.size() == 7 ? conditions(f.get(6), at.get(6)) : List.of();
        return new RouteTuple(f.get(0).trim(), subscriber, region, route, mod, f.get(5).trim(), conditions,
                current.lineAt(start));
    }

    private List<Condition> conditions(String text, int at) throws RoutingSyntaxException {
        List<Condition> out = new ArrayList<>();
        if (text.isBlank()) {
            return out;
        }
        for (String part : text.split("&&", -1)) {
            String p = part.trim();
            int k = 0;
            while (k < p.length() && (Character.isLetterOrDigit(p.charAt(k)) || ".-_".indexOf(p.charAt(k)) >= 0)) {
                k++;
            }
            String key = p.substring(0, k);
            String rest = p.substring(k).stripLeading();
            Condition.Op op = null;
            for (Condition.Op o : new Condition.Op[] {Condition.Op.MATCH, Condition.Op.NO_MATCH, Condition.Op.NE,
                Condition.Op.EQ}) {
                if (rest.startsWith(o.symbol())) {
                    op = o;
                    break;
                }
            }
            if (key.isEmpty() || op == null) {
                throw fail(at, "expected a condition 'key op value' with op one of =, !=, =~, !~ but found '" + p + "'");
            }
            try {
                out.add(Condition.of(key.toLowerCase(Locale.ROOT).startsWith("header.")
                        ? "header." + key.substring(7) : key.toLowerCase(Locale.ROOT),
                        op, rest.substring(op.symbol().length()).trim()));
            } catch (IllegalArgumentException e) {
                throw fail(at, e.getMessage());
            }
        }
        return out;
    }

    private RoutingSyntaxException fail(int pos, String reason) {
        return new RoutingSyntaxException(new RoutingError(file, current.lineAt(pos), reason));
    }

    /** A character cursor over one logical line. */
    private final class Cursor {
        private final String s;
        private int pos;

        Cursor(String s) {
            this.s = s;
        }

        boolean atEnd() {
            return pos >= s.length();
        }

        char peek() {
            return atEnd() ? '\0' : s.charAt(pos);
        }

        void skipSpace() {
            while (!atEnd() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        String token() {
            int start = pos;
            while (!atEnd() && !Character.isWhitespace(peek()) && peek() != ':' && peek() != '=') {
                pos++;
            }
            return s.substring(start, pos);
        }

        boolean accept(char ch) {
            if (peek() == ch) {
                pos++;
                return true;
            }
            return false;
        }

        void expect(char ch, String what) throws RoutingSyntaxException {
            if (!accept(ch)) {
                throw fail(pos, "expected " + what + " but found " + (atEnd() ? "the end of the line" : "'" + peek() + "'"));
            }
        }

        String quoted() throws RoutingSyntaxException {
            expect('"', "a quoted field");
            StringBuilder b = new StringBuilder();
            while (!atEnd()) {
                char ch = s.charAt(pos++);
                if (ch == '"') {
                    return b.toString();
                }
                if (ch == '\\' && !atEnd() && (peek() == '"' || peek() == '\\')) {
                    ch = s.charAt(pos++);
                }
                b.append(ch);
            }
            throw fail(pos, "expected a closing '\"' before the end of the line");
        }
    }
}
