package org.olelo.container.internal.router;

import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.SipURI;
import jakarta.servlet.sip.TelURL;
import jakarta.servlet.sip.URI;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One condition of the optional 7th field of a routing tuple, such as
 * {@code ruri.user=~^\+?[0-9]{6,}$} or {@code source=127.0.0.0/8}. Immutable;
 * {@link #test} runs concurrently on SIP worker threads.
 *
 * @param key   ruri.user, ruri.host, ruri.scheme, ruri.local, header.NAME, source or transport
 * @param op    the operator
 * @param value the right-hand side as written
 * @param regex the compiled expression for {@code =~} and {@code !~}, else null
 * @param block the address block for {@code source} with {@code =} or {@code !=}, else null
 */
public record Condition(String key, Op op, String value, Pattern regex, Cidr block) {

    /** Comparison operators. */
    public enum Op {
        /** Equal, ignoring case (for {@code source}: the address is in the block). */
        EQ("="),
        /** Not equal, ignoring case (for {@code source}: the address is not in the block). */
        NE("!="),
        /** The whole value matches the Java regular expression. */
        MATCH("=~"),
        /** The whole value does not match the Java regular expression. */
        NO_MATCH("!~");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        /** @return the operator as written in the routing file */
        public String symbol() {
            return symbol;
        }
    }

    /** Validates the components. */
    public Condition {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(value, "value");
    }

    /**
     * Builds a condition, checking key, regular expression and address block.
     *
     * @return the condition
     * @throws IllegalArgumentException with what was expected when something is invalid
     */
    /**
     * Request attribute the container sets before routing: {@code Boolean.TRUE} when the
     * Request-URI's host is one of the server's local domains or addresses ({@code ruri.local=true}).
     */
    public static final String LOCAL_ATTRIBUTE = "org.olelo.requestUriLocal";

    static Condition of(String key, Op op, String value) {
        if (!isKnownKey(key)) {
            throw new IllegalArgumentException("expected a condition key (ruri.user, ruri.host, ruri.scheme, "
                    + "ruri.local, header.<Name>, source, transport) but found '" + key + "'");
        }
        Pattern regex = null;
        Cidr block = null;
        if (op == Op.MATCH || op == Op.NO_MATCH) {
            try {
                regex = Pattern.compile(value);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("invalid regular expression '" + value + "': "
                        + e.getDescription() + " near index " + e.getIndex());
            }
        } else if (key.equals("source")) {
            block = Cidr.parse(value);
        }
        return new Condition(key, op, value, regex, block);
    }

    private static boolean isKnownKey(String key) {
        return switch (key) {
            case "ruri.user", "ruri.host", "ruri.scheme", "ruri.local", "source", "transport" -> true;
            default -> key.startsWith("header.") && key.length() > "header.".length();
        };
    }

    /**
     * @param request the initial request
     * @return whether the condition holds; an absent value fails {@code =} and
     *         {@code =~} and passes {@code !=} and {@code !~}
     */
    public boolean test(SipServletRequest request) {
        String v = valueOf(request);
        boolean positive = switch (op) {
            case EQ, NE -> v != null && (block != null ? block.contains(v) : v.equalsIgnoreCase(value));
            case MATCH, NO_MATCH -> v != null && regex.matcher(v).matches();
        };
        return (op == Op.EQ || op == Op.MATCH) == positive;
    }

    private String valueOf(SipServletRequest r) {
        if (key.startsWith("header.")) {
            return r.getHeader(key.substring("header.".length()));
        }
        return switch (key) {
            case "ruri.user" -> user(r.getRequestURI());
            case "ruri.host" -> r.getRequestURI() instanceof SipURI s ? s.getHost() : null;
            case "ruri.scheme" -> r.getRequestURI() == null ? null : r.getRequestURI().getScheme();
            case "ruri.local" -> r.getAttribute(LOCAL_ATTRIBUTE) instanceof Boolean b ? b.toString() : null;
            case "source" -> r.getRemoteAddr();
            case "transport" -> r.getTransport();
            default -> null;
        };
    }

    private static String user(URI uri) {
        if (uri instanceof SipURI s) {
            return s.getUser();
        }
        if (uri instanceof TelURL t) {
            return (t.isGlobal() ? "+" : "") + t.getPhoneNumber();
        }
        return null;
    }

    @Override
    public String toString() {
        return key + op.symbol + value;
    }
}
