package org.olelo.core.message;

import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.message.SIPMessage;
import java.util.Locale;
import java.util.Map;

/**
 * The form in which {@link MessageEncoder} writes the header names of one message: the compact
 * forms wherever a header has one (RFC 3261 §7.3.3 and the RFCs that added forms since), or the
 * full names. A message without a form has its names written as they stand, which is what almost
 * every message gets; the form is asked for by the layer above and travels with the JAIN-SIP
 * message (also into its clones), so that every encoding of it, retransmissions included, uses it.
 *
 * <p>Immutable; any thread.
 */
public enum HeaderNameForm {

    /** Single-letter names wherever one exists: {@code v}, {@code f}, {@code t}, {@code i}, {@code l}... */
    COMPACT,
    /** Full names: {@code Via}, {@code From}... */
    LONG;

    private static final Map<String, String> FULL = Map.ofEntries(
            Map.entry("i", "Call-ID"), Map.entry("m", "Contact"), Map.entry("e", "Content-Encoding"),
            Map.entry("l", "Content-Length"), Map.entry("c", "Content-Type"), Map.entry("f", "From"),
            Map.entry("s", "Subject"), Map.entry("k", "Supported"), Map.entry("t", "To"), Map.entry("v", "Via"),
            Map.entry("o", "Event"), Map.entry("u", "Allow-Events"), Map.entry("r", "Refer-To"),
            Map.entry("b", "Referred-By"), Map.entry("x", "Session-Expires"), Map.entry("a", "Accept-Contact"),
            Map.entry("j", "Reject-Contact"), Map.entry("d", "Request-Disposition"), Map.entry("y", "Identity"));

    private static final Map<String, String> SHORT = compactByFullName();

    private static Map<String, String> compactByFullName() {
        Map<String, String> m = new java.util.HashMap<>();
        FULL.forEach((c, full) -> m.put(full.toLowerCase(Locale.ROOT), c));
        return Map.copyOf(m);
    }

    /** The full name of a compact form (either case), or the name itself. */
    public static String fullName(String name) {
        if (name.length() == 1) {
            String full = FULL.get(name.toLowerCase(Locale.ROOT));
            if (full != null) {
                return full;
            }
        }
        return name;
    }

    /** The name a header is written with in this form. */
    public String name(String headerName) {
        if (this == LONG) {
            return fullName(headerName);
        }
        String c = SHORT.get(headerName.toLowerCase(Locale.ROOT));
        return c != null ? c : headerName;
    }

    /**
     * Sets the form the message's header names are written in; null writes them as they stand.
     * The form is kept in the JAIN-SIP message's application data, which nothing else here uses.
     */
    public static void set(SIPMessage m, HeaderNameForm form) {
        m.setApplicationData(form);
    }

    /** The form set on the message, or null. */
    public static HeaderNameForm of(SIPMessage m) {
        return m.getApplicationData() instanceof HeaderNameForm f ? f : null;
    }

    /** Appends one header line, its name in this form. */
    void encode(SIPHeader h, StringBuilder sb) {
        int start = sb.length();
        h.encode(sb);
        int colon = sb.indexOf(":", start);
        if (colon > start) {
            sb.replace(start, colon, name(sb.substring(start, colon).trim()));
        }
    }
}
