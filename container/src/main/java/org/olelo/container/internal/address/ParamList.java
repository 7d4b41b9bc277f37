package org.olelo.container.internal.address;

import java.io.Serializable;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An ordered list of {@code ;name=value} parameters whose names are matched without regard to
 * case. Values are kept unescaped and unquoted; a flag remembers whether a header parameter
 * value has to be written as a quoted string. An empty value stands for a parameter without
 * value.
 */
final class ParamList implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One parameter. */
    private static final class Param implements Serializable {
        private static final long serialVersionUID = 1L;
        final String name;
        String value;
        boolean quoted;

        Param(String name, String value, boolean quoted) {
            this.name = name;
            this.value = value;
            this.quoted = quoted;
        }
    }

    private final ArrayList<Param> list = new ArrayList<>(4);

    private Param find(String name) {
        for (Param p : list) {
            if (p.name.equalsIgnoreCase(name)) {
                return p;
            }
        }
        return null;
    }

    String get(String name) {
        if (name == null) {
            throw new NullPointerException("parameter name");
        }
        Param p = find(name);
        return p == null ? null : p.value;
    }

    boolean has(String name) {
        return find(name) != null;
    }

    /** Adds or replaces a parameter; values that are not tokens or hosts get quoted. */
    void set(String name, String value) {
        set(name, value, !value.isEmpty() && !isPlainValue(value));
    }

    void set(String name, String value, boolean quoted) {
        if (name == null || value == null) {
            throw new NullPointerException(name == null ? "parameter name" : "parameter value");
        }
        if (!Escapes.isToken(name)) {
            throw new IllegalArgumentException("invalid parameter name: " + name);
        }
        Param p = find(name);
        if (p == null) {
            list.add(new Param(name, value, quoted));
        } else {
            p.value = value;
            p.quoted = quoted;
        }
    }

    void remove(String name) {
        if (name == null) {
            throw new NullPointerException("parameter name");
        }
        list.removeIf(p -> p.name.equalsIgnoreCase(name));
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    Iterator<String> names() {
        return nameSet().iterator();
    }

    Set<String> nameSet() {
        Set<String> s = new LinkedHashSet<>();
        for (Param p : list) {
            s.add(p.name);
        }
        return Collections.unmodifiableSet(s);
    }

    Set<Map.Entry<String, String>> entries() {
        Set<Map.Entry<String, String>> s = new LinkedHashSet<>();
        for (Param p : list) {
            s.add(new AbstractMap.SimpleImmutableEntry<>(p.name, p.value));
        }
        return Collections.unmodifiableSet(s);
    }

    ParamList copy() {
        ParamList c = new ParamList();
        for (Param p : list) {
            c.list.add(new Param(p.name, p.value, p.quoted));
        }
        return c;
    }

    /** Copies the parameters into a JAIN-SIP header. */
    void copyTo(javax.sip.header.Parameters target) {
        try {
            for (Param p : list) {
                if (p.quoted && target instanceof gov.nist.javax.sip.header.ParametersHeader h) {
                    h.setQuotedParameter(p.name, p.value);
                } else {
                    target.setParameter(p.name, p.value.isEmpty() ? null : p.value);
                }
            }
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException("JAIN-SIP refused a parameter: " + e.getMessage(), e);
        }
    }

    /**
     * True when every parameter could be handed to JAIN-SIP as it stands: a token name, and a
     * value that is empty or a run of token characters (or, for a quoted header parameter, of
     * printable characters other than quote and backslash).
     *
     * @param header true for header parameters, false for URI parameters
     */
    boolean allPlain(boolean header) {
        for (Param p : list) {
            if (!plainToken(p.name, header) || !(p.value.isEmpty() || plainToken(p.value, header)
                    || (header && p.quoted && isQuotable(p.value)))) {
                return false;
            }
        }
        return true;
    }

    /** A token; in a URI also without the token characters URI parameters escape ({@code %}, {@code `}). */
    static boolean plainToken(String s, boolean header) {
        return Escapes.isToken(s) && (header || (s.indexOf('%') < 0 && s.indexOf('`') < 0));
    }

    private static boolean isQuotable(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** Copies plain ({@link #allPlain}) parameters into a JAIN-SIP URI; an empty value is a flag. */
    void copyToUri(gov.nist.javax.sip.address.SipUri target) throws java.text.ParseException {
        for (Param p : list) {
            target.setParameter(p.name, p.value.isEmpty() ? null : p.value);
        }
    }

    /** Writes the parameters as URI parameters, escaping what must be. */
    void encodeUri(StringBuilder sb) {
        for (Param p : list) {
            sb.append(';').append(Escapes.escape(p.name, Escapes.PARAM));
            if (!p.value.isEmpty()) {
                sb.append('=').append(Escapes.escape(p.value, Escapes.PARAM));
            }
        }
    }

    /** Writes the parameters as header parameters, quoting what must be. */
    void encodeHeader(StringBuilder sb) {
        for (Param p : list) {
            sb.append(';').append(p.name);
            if (p.quoted) {
                sb.append('=');
                Escapes.quote(p.value, sb);
            } else if (!p.value.isEmpty()) {
                sb.append('=').append(p.value);
            }
        }
    }

    /**
     * Compares two lists regardless of order: same names, and values equal ignoring case unless
     * one of them was quoted.
     */
    boolean sameAs(ParamList other) {
        if (list.size() != other.list.size()) {
            return false;
        }
        for (Param p : list) {
            Param q = other.find(p.name);
            if (q == null || !valueEquals(p, q)) {
                return false;
            }
        }
        return true;
    }

    private static boolean valueEquals(Param p, Param q) {
        return p.quoted || q.quoted ? p.value.equals(q.value) : p.value.equalsIgnoreCase(q.value);
    }

    /** A hash consistent with {@link #sameAs(ParamList)}. */
    int sameAsHash() {
        int h = 0;
        for (Param p : list) {
            h += p.name.toLowerCase(Locale.ROOT).hashCode() * 31
                    + p.value.toLowerCase(Locale.ROOT).hashCode();
        }
        return h;
    }

    /**
     * Parses URI parameters: the text that follows the first {@code ;}, made of
     * {@code name[=value]} items separated by {@code ;}.
     */
    static ParamList parseUri(String text) {
        ParamList pl = new ParamList();
        for (String item : text.split(";", -1)) {
            int eq = item.indexOf('=');
            String name = Escapes.unescape(eq < 0 ? item : item.substring(0, eq), Escapes.PARAM,
                    "URI parameter name");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("empty URI parameter name in: " + text);
            }
            String value = eq < 0 ? "" : Escapes.unescape(item.substring(eq + 1), Escapes.PARAM,
                    "URI parameter value");
            if (pl.has(name)) {
                throw new IllegalArgumentException("URI parameter '" + name + "' repeated in: "
                        + text);
            }
            pl.list.add(new Param(name, value, false));
        }
        return pl;
    }

    /**
     * Parses header parameters starting at {@code pos}, which must be at a {@code ;} or at the
     * end of the text (spaces allowed around separators).
     */
    static ParamList parseHeader(String s, int pos) {
        ParamList pl = new ParamList();
        int i = Escapes.skipSpaces(s, pos);
        while (i < s.length()) {
            if (s.charAt(i) != ';') {
                throw new IllegalArgumentException("expected ';' at offset " + i + " in: " + s);
            }
            i = Escapes.skipSpaces(s, i + 1);
            int start = i;
            while (i < s.length() && Escapes.isTokenChar(s.charAt(i))) {
                i++;
            }
            String name = s.substring(start, i);
            if (name.isEmpty()) {
                throw new IllegalArgumentException("missing parameter name at offset " + start
                        + " in: " + s);
            }
            i = Escapes.skipSpaces(s, i);
            String value = "";
            boolean quoted = false;
            if (i < s.length() && s.charAt(i) == '=') {
                i = Escapes.skipSpaces(s, i + 1);
                if (i < s.length() && s.charAt(i) == '"') {
                    StringBuilder v = new StringBuilder();
                    i = Escapes.readQuoted(s, i, v);
                    value = v.toString();
                    quoted = true;
                } else {
                    start = i;
                    while (i < s.length() && isPlainChar(s.charAt(i))) {
                        i++;
                    }
                    value = s.substring(start, i);
                    if (value.isEmpty()) {
                        throw new IllegalArgumentException("missing value of parameter '" + name
                                + "' in: " + s);
                    }
                }
            }
            pl.set(name, value, quoted);
            i = Escapes.skipSpaces(s, i);
        }
        return pl;
    }

    private static boolean isPlainChar(char c) {
        return Escapes.isTokenChar(c) || c == '[' || c == ']' || c == ':';
    }

    private static boolean isPlainValue(String v) {
        for (int i = 0; i < v.length(); i++) {
            if (!isPlainChar(v.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
