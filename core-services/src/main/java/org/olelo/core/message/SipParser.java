package org.olelo.core.message;

import gov.nist.javax.sip.header.CSeq;
import gov.nist.javax.sip.header.CallID;
import gov.nist.javax.sip.header.Contact;
import gov.nist.javax.sip.header.ContentLength;
import gov.nist.javax.sip.header.ContentType;
import gov.nist.javax.sip.header.Expires;
import gov.nist.javax.sip.header.From;
import gov.nist.javax.sip.header.MaxForwards;
import gov.nist.javax.sip.header.ProxyRequire;
import gov.nist.javax.sip.header.RecordRoute;
import gov.nist.javax.sip.header.RequestLine;
import gov.nist.javax.sip.header.Require;
import gov.nist.javax.sip.header.Route;
import gov.nist.javax.sip.header.StatusLine;
import gov.nist.javax.sip.header.To;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Map;
import java.util.Set;

/**
 * Turns received bytes into a JAIN-SIP message, deciding what malformed input deserves.
 *
 * <p>JAIN-SIP's parser is lenient: a header it cannot parse is reported and left out. Olelo rejects a
 * request with 400 when such a header is one that SIP processing depends on (Via, From, To, Call-ID,
 * CSeq, Max-Forwards, Content-Length, Contact, Route, Record-Route, Require, Proxy-Require,
 * Content-Type, Expires), naming the header in the reason phrase; other broken headers (Date,
 * Warning, ...) are dropped from the message. Single-valued headers given twice are rejected, as
 * RFC 4475 §3.3.8/§3.3.9 ask. A response with any such fault is dropped.
 *
 * <p>Stateless and thread-safe; runs on transport reader threads.
 */
public final class SipParser {

    private static final Set<Class<?>> CRITICAL = Set.of(Via.class, From.class, To.class, CallID.class,
            CSeq.class, MaxForwards.class, ContentLength.class, Contact.class, Route.class, RecordRoute.class,
            Require.class, ProxyRequire.class, ContentType.class, Expires.class);

    /** Single-valued headers by their lower-case full and compact names, mapped to a display name. */
    private static final Map<String, String> SINGLE = Map.ofEntries(
            Map.entry("call-id", "Call-ID"), Map.entry("i", "Call-ID"),
            Map.entry("from", "From"), Map.entry("f", "From"),
            Map.entry("to", "To"), Map.entry("t", "To"),
            Map.entry("cseq", "CSeq"),
            Map.entry("max-forwards", "Max-Forwards"),
            Map.entry("content-length", "Content-Length"), Map.entry("l", "Content-Length"));

    private static final String BAD = "Bad Request - ";

    private SipParser() {
    }

    /** Parses one complete message (a datagram, or one framed stream message). */
    public static ParseOutcome parse(byte[] data) {
        if (data.length < 8 || isKeepAlive(data)) {
            return new ParseOutcome.Dropped("keep-alive or runt");
        }
        boolean response = startsWith(data, "SIP/");
        String[] fault = new String[1];
        SIPMessage msg;
        try {
            msg = new StringMsgParser().parseSIPMessage(data, true, false, (ex, m, headerClass, header, text) -> {
                if (fault[0] != null) {
                    return;
                }
                if (headerClass == RequestLine.class || headerClass == StatusLine.class) {
                    fault[0] = response ? "malformed status line" : "malformed Request-Line";
                } else if (headerClass != null && CRITICAL.contains(headerClass)) {
                    fault[0] = "malformed " + headerName(header) + " header";
                }
            });
        } catch (ParseException | RuntimeException e) {
            String why = fault[0] != null ? fault[0] : describe(e);
            return response ? new ParseOutcome.Dropped(why) : new ParseOutcome.Rejected(400, BAD + why, data);
        }
        if (msg == null || msg.getFirstLine() == null) {
            String why = fault[0] != null ? fault[0] : "no start line";
            return response ? new ParseOutcome.Dropped(why) : new ParseOutcome.Rejected(400, BAD + why, data);
        }
        if (!response && !versionIs20(data)) {
            return new ParseOutcome.Rejected(505, "SIP Version Not Supported", data);
        }
        if (fault[0] == null) {
            fault[0] = duplicateSingleHeader(data);
        }
        if (fault[0] == null) {
            fault[0] = badDisplayName(data);
        }
        if (fault[0] != null) {
            return response ? new ParseOutcome.Dropped(fault[0]) : new ParseOutcome.Rejected(400, BAD + fault[0], data);
        }
        return new ParseOutcome.Parsed(msg);
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        if (m != null && m.startsWith("Invalid content length")) {
            return "Content-Length larger than the message";
        }
        return "unparsable message";
    }

    private static String headerName(String headerText) {
        if (headerText == null) {
            return "a";
        }
        int colon = headerText.indexOf(':');
        String n = (colon > 0 ? headerText.substring(0, colon) : headerText).trim();
        return n.length() > 40 ? n.substring(0, 40) : n;
    }

    /** Names a single-valued header present more than once, or returns null. */
    static String duplicateSingleHeader(byte[] data) {
        int seen = 0;
        String[] names = {"Call-ID", "From", "To", "CSeq", "Max-Forwards", "Content-Length"};
        int lineStart = 0;
        boolean first = true;
        for (int i = 0; i < data.length; i++) {
            if (data[i] != '\n') {
                continue;
            }
            int lineEnd = i > 0 && data[i - 1] == '\r' ? i - 1 : i;
            if (lineEnd == lineStart) {
                break; // end of headers
            }
            if (!first && data[lineStart] != ' ' && data[lineStart] != '\t') {
                int colon = -1;
                for (int j = lineStart; j < lineEnd; j++) {
                    if (data[j] == ':') {
                        colon = j;
                        break;
                    }
                }
                if (colon > lineStart && colon - lineStart <= 14) {
                    String name = new String(data, lineStart, colon - lineStart, StandardCharsets.US_ASCII)
                            .trim().toLowerCase(java.util.Locale.ROOT);
                    String display = SINGLE.get(name);
                    if (display != null) {
                        int bit = 0;
                        while (!names[bit].equals(display)) {
                            bit++;
                        }
                        if ((seen & (1 << bit)) != 0) {
                            return "more than one " + display + " header";
                        }
                        seen |= 1 << bit;
                    }
                }
            }
            first = false;
            lineStart = i + 1;
        }
        return null;
    }

    /**
     * RFC 3261 §25.1: a display name is a quoted string or tokens. JAIN-SIP accepts an unquoted name
     * with separators (e.g. {@code Bell, Alexander <sip:...>}), which a proxy must not pass on, so
     * From and To are checked on the raw bytes.
     */
    static String badDisplayName(byte[] data) {
        String head = new String(data, 0, headerEnd(data), StandardCharsets.ISO_8859_1);
        for (String line : head.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0 || line.isEmpty() || line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT);
            if (!name.equals("from") && !name.equals("f") && !name.equals("to") && !name.equals("t")) {
                continue;
            }
            String value = line.substring(colon + 1).trim();
            int lt = value.indexOf('<');
            if (lt <= 0 || value.charAt(0) == '"') {
                continue;
            }
            String display = value.substring(0, lt).trim();
            for (int i = 0; i < display.length(); i++) {
                char c = display.charAt(i);
                if (!(c >= 0x80 || Character.isLetterOrDigit(c) || c == ' ' || c == '\t' || "-.!%*_+`'~".indexOf(c) >= 0)) {
                    return "unquoted display name with '" + c + "' in " + (name.startsWith("f") ? "From" : "To");
                }
            }
        }
        return null;
    }

    private static int headerEnd(byte[] d) {
        for (int i = 0; i + 3 < d.length; i++) {
            if (d[i] == '\r' && d[i + 1] == '\n' && d[i + 2] == '\r' && d[i + 3] == '\n') {
                return i;
            }
        }
        return d.length;
    }

    /** JAIN-SIP normalises the version of the Request-Line, so it is read from the raw bytes. */
    private static boolean versionIs20(byte[] d) {
        int end = 0;
        while (end < d.length && d[end] != '\r' && d[end] != '\n') {
            end++;
        }
        String line = new String(d, 0, end, StandardCharsets.US_ASCII).trim();
        return line.regionMatches(true, line.length() - 7, "SIP/2.0", 0, 7);
    }

    private static boolean isKeepAlive(byte[] d) {
        for (byte b : d) {
            if (b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] d, String prefix) {
        if (d.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (d[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
