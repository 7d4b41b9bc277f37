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
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Set;
import org.olelo.core.message.lazy.IndexedMessageBuilder;
import org.olelo.core.message.lazy.MalformedMessage;
import org.olelo.core.message.lazy.RawMessage;

/**
 * Turns received bytes into a JAIN-SIP message, deciding what malformed input deserves.
 *
 * <p>JAIN-SIP's parser is lenient: a header it cannot parse is reported and left out. Olelo rejects a
 * request with 400 when such a header is one that SIP processing depends on (Via, From, To, Call-ID,
 * CSeq, Max-Forwards, Content-Length, Contact, Route, Record-Route, Require, Proxy-Require,
 * Content-Type, Expires), naming the header in the reason phrase; other broken headers (Date,
 * Warning, ...) are dropped from the message. Single-valued headers given twice are rejected, as
 * RFC 4475 §3.3.8/§3.3.9 ask, and so are Digest credentials with a parameter given twice
 * ({@link DigestParams}: JAIN-SIP would keep the last one silently). A response with any such fault
 * is dropped.
 *
 * <p>The bytes are framed once into a {@link RawMessage} index and the JAIN-SIP message is built from
 * it ({@link IndexedMessageBuilder}), with JAIN-SIP's parser for each header except the common simple
 * forms of the critical ones; a message whose framing JAIN-SIP would read differently (folded
 * headers, no empty line after the headers, a malformed Content-Length...) is parsed by JAIN-SIP's
 * {@code StringMsgParser} as a whole, so the verdicts are JAIN-SIP's either way.
 *
 * <p>Stateless and thread-safe; runs on transport reader threads.
 */
public final class SipParser {

    private static final Set<Class<?>> CRITICAL = Set.of(Via.class, From.class, To.class, CallID.class,
            CSeq.class, MaxForwards.class, ContentLength.class, Contact.class, Route.class, RecordRoute.class,
            Require.class, ProxyRequire.class, ContentType.class, Expires.class);

    private static final String BAD = "Bad Request - ";

    private SipParser() {
    }

    /** Parses one complete message (a datagram, or one framed stream message). */
    public static ParseOutcome parse(byte[] data) {
        if (data.length < 8 || isKeepAlive(data)) {
            return new ParseOutcome.Dropped("keep-alive or runt");
        }
        return decide(data, true);
    }

    /**
     * Parses with JAIN-SIP's own framing ({@code StringMsgParser}) for every message: what
     * {@link #parse} does for the messages the index declines. For tests that compare the two.
     */
    public static ParseOutcome parseWithJainSipFraming(byte[] data) {
        if (data.length < 8 || isKeepAlive(data)) {
            return new ParseOutcome.Dropped("keep-alive or runt");
        }
        return decide(data, false);
    }

    private static ParseOutcome decide(byte[] data, boolean indexed) {
        boolean response = startsWith(data, "SIP/");
        String[] fault = new String[1];
        SIPMessage msg;
        ParseExceptionListener listener = (ex, m, headerClass, header, text) -> {
            if (fault[0] != null) {
                return;
            }
            if (headerClass == RequestLine.class || headerClass == StatusLine.class) {
                fault[0] = response ? "malformed status line" : "malformed Request-Line";
            } else if (headerClass != null && CRITICAL.contains(headerClass)) {
                fault[0] = "malformed " + headerName(header) + " header";
            }
        };
        try {
            msg = indexed ? indexed(data, listener) : null;
            if (msg == null) {
                msg = new StringMsgParser().parseSIPMessage(data, true, false, listener);
            }
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
        if (!response && unbracketedIpv6RequestUri(data)) {
            return new ParseOutcome.Rejected(400, BAD + "IPv6 reference in the Request-URI without brackets", data);
        }
        if (fault[0] == null) {
            fault[0] = rawHeaderFault(data);
        }
        if (fault[0] != null) {
            return response ? new ParseOutcome.Dropped(fault[0]) : new ParseOutcome.Rejected(400, BAD + fault[0], data);
        }
        return new ParseOutcome.Parsed(msg);
    }

    /** The message built from the one-pass index, or null when JAIN-SIP's framing must decide. */
    private static SIPMessage indexed(byte[] data, ParseExceptionListener listener) throws ParseException {
        RawMessage raw;
        try {
            raw = RawMessage.frame(data);
        } catch (MalformedMessage e) {
            return null;
        }
        return IndexedMessageBuilder.build(raw, listener);
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

    /** Single-valued headers, by their full and compact names (RFC 3261 §7.3.3). */
    private static final String[][] SINGLE_NAMES = {
        {"Call-ID", "i"}, {"From", "f"}, {"To", "t"}, {"CSeq", null}, {"Max-Forwards", null}, {"Content-Length", "l"}};

    /**
     * One pass over the raw header section, without allocating per line: a single-valued header
     * given twice (RFC 4475 §3.3.8, §3.3.9), and, RFC 3261 §25.1, a display name in From or To that
     * is neither quoted nor made of tokens (JAIN-SIP accepts {@code Bell, Alexander <sip:...>}, which a
     * proxy must not pass on), and a Digest parameter given twice in credentials. Returns the fault,
     * or null.
     */
    public static String rawHeaderFault(byte[] d) {
        int seen = 0;
        int i = 0;
        while (i < d.length && d[i] != '\n') {
            i++; // skip the start line
        }
        int lineStart = i + 1;
        while (lineStart < d.length) {
            int lineEnd = lineStart;
            while (lineEnd < d.length && d[lineEnd] != '\n') {
                lineEnd++;
            }
            int contentEnd = lineEnd > lineStart && d[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            if (contentEnd == lineStart) {
                return null; // end of headers
            }
            byte first = d[lineStart];
            if (first != ' ' && first != '\t') {
                int colon = lineStart;
                while (colon < contentEnd && d[colon] != ':') {
                    colon++;
                }
                int nameEnd = colon;
                while (nameEnd > lineStart && (d[nameEnd - 1] == ' ' || d[nameEnd - 1] == '\t')) {
                    nameEnd--;
                }
                if (colon < contentEnd && (nameIs(d, lineStart, nameEnd, "Authorization")
                        || nameIs(d, lineStart, nameEnd, "Proxy-Authorization"))) {
                    String bad = DigestParams.fault(d, colon + 1, logicalEnd(d, lineEnd));
                    if (bad != null) {
                        return bad;
                    }
                }
                if (colon < contentEnd) {
                    for (int h = 0; h < SINGLE_NAMES.length; h++) {
                        if (nameIs(d, lineStart, nameEnd, SINGLE_NAMES[h][0]) || nameIs(d, lineStart, nameEnd, SINGLE_NAMES[h][1])) {
                            if ((seen & (1 << h)) != 0) {
                                return "more than one " + SINGLE_NAMES[h][0] + " header";
                            }
                            seen |= 1 << h;
                            if (h == 1 || h == 2) {
                                String bad = displayNameFault(d, colon + 1, contentEnd);
                                if (bad != null) {
                                    return bad + " in " + SINGLE_NAMES[h][0];
                                }
                            }
                        }
                    }
                }
            }
            lineStart = lineEnd + 1;
        }
        return null;
    }

    /** The end of a header whose first line ends at {@code lineEnd}, continuation lines included. */
    private static int logicalEnd(byte[] d, int lineEnd) {
        int end = lineEnd;
        while (end + 1 < d.length && (d[end + 1] == ' ' || d[end + 1] == '\t')) {
            end++;
            while (end < d.length && d[end] != '\n') {
                end++;
            }
        }
        return Math.min(end, d.length);
    }

    private static boolean nameIs(byte[] d, int s, int e, String name) {
        if (name == null || e - s != name.length()) {
            return false;
        }
        for (int k = 0; k < name.length(); k++) {
            int c = d[s + k];
            if (c >= 'A' && c <= 'Z') {
                c += 32;
            }
            int n = name.charAt(k);
            if (n >= 'A' && n <= 'Z') {
                n += 32;
            }
            if (c != n) {
                return false;
            }
        }
        return true;
    }

    /** Checks the unquoted display name before '<' (non-ASCII bytes are tolerated). */
    private static String displayNameFault(byte[] d, int s, int e) {
        while (s < e && (d[s] == ' ' || d[s] == '\t')) {
            s++;
        }
        if (s >= e || d[s] == '"' || d[s] == '<') {
            return null;
        }
        int lt = s;
        while (lt < e && d[lt] != '<') {
            lt++;
        }
        if (lt == e) {
            return null; // addr-spec form
        }
        for (int k = s; k < lt; k++) {
            int c = d[k] & 0xff;
            boolean ok = c >= 0x80 || Character.isLetterOrDigit(c) || c == ' ' || c == '\t' || "-.!%*_+`'~".indexOf(c) >= 0;
            if (!ok) {
                return "unquoted display name with '" + (char) c + "'";
            }
        }
        return null;
    }

    /**
     * RFC 5118 §4.2: an IPv6 address in a SIP URI must be in brackets. JAIN-SIP silently adds them,
     * so the raw Request-URI is checked: a host part (after any user info, before parameters) with
     * more than one colon and no bracket is refused.
     */
    public static boolean unbracketedIpv6RequestUri(byte[] d) {
        int sp = 0;
        while (sp < d.length && d[sp] != ' ' && d[sp] != '\r' && d[sp] != '\n') {
            sp++;
        }
        int start = sp + 1;
        int end = start;
        while (end < d.length && d[end] != ' ' && d[end] != '\r' && d[end] != '\n') {
            end++;
        }
        String uri = new String(d, Math.min(start, d.length), Math.max(0, end - start), StandardCharsets.ISO_8859_1);
        String lower = uri.toLowerCase(java.util.Locale.ROOT);
        if (!lower.startsWith("sip:") && !lower.startsWith("sips:")) {
            return false;
        }
        String rest = uri.substring(uri.indexOf(':') + 1);
        int cut = rest.length();
        for (char c : new char[] {';', '?'}) {
            int i = rest.indexOf(c, rest.lastIndexOf('@') + 1);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        String hostPort = rest.substring(rest.lastIndexOf('@') + 1, cut);
        if (hostPort.startsWith("[")) {
            return false;
        }
        return hostPort.indexOf(':') != hostPort.lastIndexOf(':');
    }

    /** JAIN-SIP normalises the version of the Request-Line, so it is read from the raw bytes. */
    public static boolean versionIs20(byte[] d) {
        int end = 0;
        while (end < d.length && d[end] != '\r' && d[end] != '\n') {
            end++;
        }
        int e = end;
        while (e > 0 && (d[e - 1] == ' ' || d[e - 1] == '\t')) {
            e--;
        }
        return e >= 7 && nameIs(d, e - 7, e, "SIP/2.0");
    }

    /** True for a keep-alive: nothing but CR and LF (RFC 5626 §3.5.1 CRLF keep-alives, or an empty datagram). */
    public static boolean isKeepAlive(byte[] d) {
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
