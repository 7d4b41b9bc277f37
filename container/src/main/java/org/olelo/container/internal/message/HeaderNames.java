package org.olelo.container.internal.message;

import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.header.SIPHeaderList;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.text.ParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Header-name knowledge the message classes share: compact forms (RFC 3261 §7.3.3 and later RFCs),
 * the system headers applications may not change (JSR 359 §5.4.2), and the headers whose values
 * are addresses.
 */
public final class HeaderNames {

    private static final Map<String, String> COMPACT = Map.ofEntries(
            Map.entry("i", "Call-ID"), Map.entry("m", "Contact"), Map.entry("e", "Content-Encoding"),
            Map.entry("l", "Content-Length"), Map.entry("c", "Content-Type"), Map.entry("f", "From"),
            Map.entry("s", "Subject"), Map.entry("k", "Supported"), Map.entry("t", "To"), Map.entry("v", "Via"),
            Map.entry("o", "Event"), Map.entry("u", "Allow-Events"), Map.entry("r", "Refer-To"),
            Map.entry("b", "Referred-By"), Map.entry("x", "Session-Expires"), Map.entry("a", "Accept-Contact"),
            Map.entry("j", "Reject-Contact"), Map.entry("d", "Request-Disposition"));

    private static final Map<String, String> FULL_TO_COMPACT = Map.ofEntries(
            Map.entry("call-id", "i"), Map.entry("contact", "m"), Map.entry("content-encoding", "e"),
            Map.entry("content-length", "l"), Map.entry("content-type", "c"), Map.entry("from", "f"),
            Map.entry("subject", "s"), Map.entry("supported", "k"), Map.entry("to", "t"), Map.entry("via", "v"),
            Map.entry("event", "o"), Map.entry("allow-events", "u"), Map.entry("refer-to", "r"));

    /** Headers the container owns; applications get IllegalArgumentException when they set them. */
    private static final Set<String> SYSTEM = Set.of("call-id", "from", "to", "cseq", "via", "record-route",
            "route", "path", "rseq", "rack", "max-forwards-internal", "content-length");

    private HeaderNames() {
    }

    /**
     * Parses one header from its name and value; one value gives the header itself, not a list of one.
     *
     * @throws IllegalArgumentException when the value does not parse
     */
    public static SIPHeader parse(String name, String value) {
        try {
            SIPHeader h = StringMsgParser.parseSIPHeader(canonical(name) + ": " + value + "\r\n");
            if (h instanceof SIPHeaderList<?> l && l.size() == 1) {
                return (SIPHeader) l.getFirst();
            }
            return h;
        } catch (ParseException e) {
            throw new IllegalArgumentException("bad " + name + " value: " + value + " (" + e.getMessage() + ")", e);
        }
    }

    /** The full name for a compact form, or the name itself. */
    public static String canonical(String name) {
        if (name == null) {
            throw new NullPointerException("header name");
        }
        if (name.length() == 1) {
            String full = COMPACT.get(name.toLowerCase(Locale.ROOT));
            if (full != null) {
                return full;
            }
        }
        return name;
    }

    /** The compact form of a header name, or the name itself. */
    static String compact(String name) {
        String c = FULL_TO_COMPACT.get(name.toLowerCase(Locale.ROOT));
        return c == null ? name : c;
    }

    /** True for headers applications must not modify directly. */
    public static boolean isSystem(String name) {
        return SYSTEM.contains(canonical(name).toLowerCase(Locale.ROOT));
    }
}
