package org.olelo.container.internal.message;

import gov.nist.javax.sip.header.ExtensionHeaderImpl;
import gov.nist.javax.sip.header.SIPDateHeader;
import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.text.ParseException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a header an application sets as text into the JAIN-SIP header that goes on the wire,
 * parsing only where the text must be understood.
 *
 * <ul>
 * <li>A header JAIN-SIP has a parser for (Contact, Via, Route, From, To, CSeq, Expires,
 * Content-Type, Require and the rest of its table) is parsed as before, so that an invalid value
 * fails when it is set and the container's own readers find the typed header they expect.</li>
 * <li>{@code Date}: servers write the same value for a whole second, so the last value parsed is
 * kept and the next header with the same text is a copy of it, without the date parser.</li>
 * <li>Any other header (one JAIN-SIP would itself keep as an uninterpreted extension header)
 * travels as the text given, trimmed, after a check that it holds no line break or NUL (which
 * would forge further headers); reading it back with {@code getAddressHeader} and the like parses
 * it then, as for a received one.</li>
 * </ul>
 *
 * <p>Which names JAIN-SIP parses is learnt the first time a name is set (one parse of a probe
 * value) and remembered for at most {@value #MAX_NAMES} names; beyond that, names are parsed as
 * before. Stateless apart from these shared caches; safe for any thread; never blocks.
 */
final class TextHeaders {

    /** How many header names the probe results are kept for. */
    static final int MAX_NAMES = 512;

    private static final Map<String, Boolean> PARSED_BY_JAIN = new ConcurrentHashMap<>();

    /** The last Date value parsed and its header, never attached to a message (copies are). */
    private record LastDate(String text, SIPDateHeader header) {
    }

    private static volatile LastDate lastDate;

    private TextHeaders() {
    }

    /**
     * @param name  the header name as the application gave it (compact forms allowed)
     * @param value its value
     * @return the header to attach (a single header, or the list JAIN-SIP's parser made of it)
     * @throws IllegalArgumentException when the value is not valid for the header
     */
    static SIPHeader of(String name, String value) {
        if (value == null) {
            throw new NullPointerException("header value");
        }
        String full = HeaderNames.canonical(name);
        if (full.equalsIgnoreCase("Date")) {
            return date(full, value);
        }
        String trimmed = value.strip();
        if (!trimmed.isEmpty() && !parsedByJain(full)) {
            checkOneLine(name, trimmed);
            ExtensionHeaderImpl h = new ExtensionHeaderImpl(full);
            h.setValue(trimmed);
            return h;
        }
        return parse(full, value);
    }

    private static SIPHeader date(String full, String value) {
        LastDate last = lastDate;
        if (last != null && last.text().equals(value)) {
            return (SIPHeader) last.header().clone();
        }
        SIPHeader h = parse(full, value);
        if (h instanceof SIPDateHeader d) {
            lastDate = new LastDate(value, (SIPDateHeader) d.clone());
        }
        return h;
    }

    private static SIPHeader parse(String full, String value) {
        try {
            return StringMsgParser.parseSIPHeader(full + ": " + value + "\r\n");
        } catch (ParseException e) {
            throw new IllegalArgumentException("bad value for header " + full + ": " + e.getMessage(), e);
        }
    }

    /** Whether JAIN-SIP has a parser of its own for the name (then its value must be parsed). */
    private static boolean parsedByJain(String full) {
        String key = full.toLowerCase(Locale.ROOT);
        Boolean known = PARSED_BY_JAIN.get(key);
        if (known == null) {
            known = probe(full);
            if (PARSED_BY_JAIN.size() < MAX_NAMES) {
                PARSED_BY_JAIN.putIfAbsent(key, known);
            }
        }
        return known;
    }

    /** JAIN-SIP keeps a header it has no parser for as an extension header, whatever its value. */
    private static boolean probe(String full) {
        if (!isToken(full)) {
            return true; // not a header name: the parser decides (and refuses it)
        }
        try {
            return !(StringMsgParser.parseSIPHeader(full + ": x\r\n") instanceof ExtensionHeaderImpl);
        } catch (ParseException | RuntimeException e) {
            return true; // the parser has rules for this name
        }
    }

    /** RFC 3261 token: what a header name is made of. */
    private static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-.!%*_+`'~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static void checkOneLine(String name, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new IllegalArgumentException("bad value for header " + name + ": line breaks are not allowed");
            }
        }
    }
}
