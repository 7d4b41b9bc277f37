package org.olelo.container.boot;

import java.net.InetSocketAddress;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.olelo.container.internal.security.DigestAlgorithm;
import org.olelo.container.internal.trace.TraceSettings;
import org.olelo.core.SipCore;
import org.olelo.core.transport.ListenAddress;

/**
 * Turns the text of one {@link Setting} into its typed value, or fails with a
 * {@link ConfigException} that names the setting's origin, its key and what was expected.
 */
final class SettingParser {

    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_])?");
    private static final Pattern IPV6 = Pattern.compile("\\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[A-Za-z0-9]+)?]?");

    private SettingParser() {
    }

    /** A comma-separated, non-empty list of distinct {@code transport:host:port} listening points. */
    static List<ListenAddress> listen(Setting s) throws ConfigException {
        List<ListenAddress> out = new ArrayList<>();
        for (String item : items(s)) {
            ListenAddress a = listenAddress(s, item);
            if (out.contains(a)) {
                throw ConfigException.at(s, "listening point " + a + " is given twice");
            }
            out.add(a);
        }
        if (out.isEmpty()) {
            throw ConfigException.at(s, "expected at least one listening point such as udp:127.0.0.1:5060");
        }
        return List.copyOf(out);
    }

    private static ListenAddress listenAddress(Setting s, String item) throws ConfigException {
        String expected = "expected transport:host:port such as udp:127.0.0.1:5060 or tcp:[::1]:5060 but found '"
                + item + "'";
        int first = item.indexOf(':');
        int last = item.lastIndexOf(':');
        if (first <= 0 || last == first || last == item.length() - 1) {
            throw ConfigException.at(s, expected);
        }
        String host = item.substring(first + 1, last);
        boolean bracketed = host.startsWith("[") && host.endsWith("]");
        if (host.isEmpty() || host.equals("[]") || (!bracketed && host.contains(":"))
                || (!bracketed && (host.contains("[") || host.contains("]")))) {
            throw ConfigException.at(s, expected + (host.contains(":") && !bracketed
                    ? " (write an IPv6 address in brackets)" : ""));
        }
        if (!item.substring(last + 1).chars().allMatch(Character::isDigit)) {
            throw ConfigException.at(s, expected + " (the port is not a number)");
        }
        try {
            ListenAddress a = ListenAddress.parse(item);
            SipCore.requireTransportKind(a.transport());
            return a;
        } catch (IllegalArgumentException e) {
            throw ConfigException.at(s, expected + " (" + e.getMessage() + ")");
        }
    }

    /** A comma-separated, possibly empty set of host names or addresses, lower-cased. */
    static Set<String> hosts(Setting s) throws ConfigException {
        Set<String> out = new LinkedHashSet<>();
        for (String item : items(s)) {
            if (!HOST_NAME.matcher(item).matches() && !IPV6.matcher(item).matches()) {
                throw ConfigException.at(s, "expected host names or addresses separated by commas but found '"
                        + item + "'");
            }
            out.add(item.toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(out);
    }

    /** {@code reject} or {@code proxy}, in any case. */
    static String policy(Setting s) throws ConfigException {
        String v = s.value().trim().toLowerCase(Locale.ROOT);
        if (!v.equals("reject") && !v.equals("proxy")) {
            throw ConfigException.at(s, "expected reject or proxy but found '" + s.value() + "'");
        }
        return v;
    }

    /** A whole number in {@code [min, max]}. */
    static long number(Setting s, long min, long max) throws ConfigException {
        String v = s.value().trim();
        String expected = "expected a whole number from " + min + " to " + max + " but found '" + s.value() + "'";
        if (v.isEmpty() || !v.chars().allMatch(Character::isDigit) || v.length() > 18) {
            throw ConfigException.at(s, expected);
        }
        long n = Long.parseLong(v);
        if (n < min || n > max) {
            throw ConfigException.at(s, expected);
        }
        return n;
    }

    /** {@code true} or {@code false}, in any case. */
    static boolean bool(Setting s) throws ConfigException {
        String v = s.value().trim().toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw ConfigException.at(s, "expected true or false but found '" + s.value() + "'");
        }
        return v.equals("true");
    }

    /** Digest algorithms, comma-separated, each once: {@code SHA-256}, {@code MD5}. */
    static List<DigestAlgorithm> algorithms(Setting s) throws ConfigException {
        List<DigestAlgorithm> out = new ArrayList<>();
        for (String item : items(s)) {
            DigestAlgorithm a = DigestAlgorithm.of(item).orElse(null);
            if (a == null || out.contains(a)) {
                throw ConfigException.at(s, "expected SHA-256 and/or MD5, each once, separated by commas but found '"
                        + s.value() + "'");
            }
            out.add(a);
        }
        if (out.isEmpty()) {
            throw ConfigException.at(s, "expected at least one of SHA-256, MD5");
        }
        return List.copyOf(out);
    }

    /**
     * Users to trace, comma-separated: {@code alice} or {@code alice@example.com}, optionally with
     * {@code sip:}; lower-cased, without the scheme.
     */
    static List<String> traceUsers(Setting s) throws ConfigException {
        List<String> out = new ArrayList<>();
        for (String item : items(s)) {
            String u = item.regionMatches(true, 0, "sips:", 0, 5) ? item.substring(5)
                    : item.regionMatches(true, 0, "sip:", 0, 4) ? item.substring(4) : item;
            int at = u.indexOf('@');
            if (u.isEmpty() || at == 0 || at == u.length() - 1 || u.indexOf('@', at + 1) >= 0
                    || u.chars().anyMatch(c -> c <= ' ' || "<>\";?".indexOf(c) >= 0)) {
                throw ConfigException.at(s, "expected users such as alice or alice@example.com separated by commas"
                        + " but found '" + item + "'");
            }
            out.add(u.toLowerCase(Locale.ROOT));
        }
        return bounded(s, out);
    }

    /** Call-IDs, comma-separated, without spaces. */
    static List<String> callIds(Setting s) throws ConfigException {
        List<String> out = new ArrayList<>();
        for (String item : items(s)) {
            if (item.length() > 256 || item.chars().anyMatch(c -> c <= ' ')) {
                throw ConfigException.at(s, "expected Call-IDs separated by commas but found '" + item + "'");
            }
            out.add(item);
        }
        return bounded(s, out);
    }

    private static List<String> bounded(Setting s, List<String> out) throws ConfigException {
        List<String> distinct = out.stream().distinct().toList();
        if (distinct.size() > TraceSettings.MAX_ENTRIES) {
            throw ConfigException.at(s, "expected at most " + TraceSettings.MAX_ENTRIES + " entries but found "
                    + distinct.size());
        }
        return distinct;
    }

    /** {@code host:port} or {@code [IPv6]:port}, kept unresolved; empty for none (null). */
    static InetSocketAddress hostPort(Setting s) throws ConfigException {
        return address(s, 1, "expected host:port such as 192.0.2.5:9060 or [2001:db8::5]:9060 but found '");
    }

    /** {@code host:port} with a port from {@code minPort}, unresolved; null when empty. */
    private static InetSocketAddress address(Setting s, int minPort, String expectedStart) throws ConfigException {
        String v = s.value().trim();
        if (v.isEmpty()) {
            return null;
        }
        String expected = expectedStart + v + "'";
        int colon = v.lastIndexOf(':');
        if (colon <= 0 || colon == v.length() - 1 || !v.substring(colon + 1).chars().allMatch(Character::isDigit)
                || v.length() - colon > 6) {
            throw ConfigException.at(s, expected);
        }
        String host = v.substring(0, colon);
        int port = Integer.parseInt(v.substring(colon + 1));
        boolean bracketed = host.startsWith("[") && host.endsWith("]");
        if (port < minPort || port > 65535 || (bracketed ? !IPV6.matcher(host).matches()
                : !HOST_NAME.matcher(host).matches())) {
            throw ConfigException.at(s, expected);
        }
        return InetSocketAddress.createUnresolved(bracketed ? host.substring(1, host.length() - 1) : host, port);
    }

    /**
     * The HTTP listener: {@code host:port} or {@code [IPv6]:port}, port 0 for any free one, kept
     * unresolved; null when empty (no listener).
     */
    static InetSocketAddress httpListen(Setting s) throws ConfigException {
        return address(s, 0, "expected host:port such as 127.0.0.1:8080 or [::1]:8080 (or nothing, for no HTTP"
                + " listener) but found '");
    }

    /** A bearer token: empty, or 16 to 512 visible ASCII characters; never echoed in messages. */
    static String token(Setting s) throws ConfigException {
        String v = s.value().trim();
        if (!v.isEmpty() && (v.length() < 16 || v.length() > 512 || !v.chars().allMatch(c -> c > ' ' && c < 127))) {
            throw ConfigException.at(s, "expected 16 to 512 visible ASCII characters without spaces (or nothing,"
                    + " for no token)");
        }
        return v;
    }

    /** A file system path, or null when empty. */
    static Path optionalPath(Setting s) throws ConfigException {
        return s.value().isBlank() ? null : path(s);
    }

    /** Any text, trimmed; empty allowed. */
    static String text(Setting s) {
        return s.value().trim();
    }

    /** A JDBC URL ({@code jdbc:...}) or nothing; never echoes the value, which may hold a password. */
    static String jdbcUrl(Setting s) throws ConfigException {
        String v = s.value().trim();
        if (!v.isEmpty() && !v.startsWith("jdbc:")) {
            throw ConfigException.at(s, "expected a JDBC URL starting with jdbc: (or nothing, for the embedded"
                    + " database)");
        }
        return v;
    }

    /** A non-empty file system path. */
    static Path path(Setting s) throws ConfigException {
        String v = s.value().trim();
        if (v.isEmpty()) {
            throw ConfigException.at(s, "expected a folder path but found nothing");
        }
        try {
            return Path.of(v);
        } catch (InvalidPathException e) {
            throw ConfigException.at(s, "expected a folder path but found '" + v + "': " + e.getReason());
        }
    }

    private static List<String> items(Setting s) {
        List<String> out = new ArrayList<>();
        for (String part : s.value().split(",", -1)) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }
}
