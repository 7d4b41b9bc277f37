package org.olelo.core.message.lazy;

import gov.nist.javax.sip.header.ExtensionHeaderImpl;
import gov.nist.javax.sip.header.NameMap;
import gov.nist.javax.sip.header.RequestLine;
import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.header.StatusLine;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.parser.HeaderParser;
import gov.nist.javax.sip.parser.Lexer;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.ParserFactory;
import gov.nist.javax.sip.parser.RequestLineParser;
import gov.nist.javax.sip.parser.StatusLineParser;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Arrays;
import javax.sip.header.ContentLengthHeader;
import org.olelo.core.message.fast.FastHeaders;

/**
 * Builds the JAIN-SIP message that {@code StringMsgParser.parseSIPMessage(bytes, true, false, listener)}
 * would build, from a {@link RawMessage} index instead of JAIN-SIP's own line splitting: the same
 * start line parser, the same header parser for each line (a critical header in its common simple
 * form through {@link FastHeaders}, which yields the very object JAIN-SIP's parser would; any other
 * line through JAIN-SIP's parser, chosen by name without reflection for the known ones), attached in
 * the same order with the same calls, the same faults reported to the listener, the same body.
 *
 * <p>Where JAIN-SIP's framing differs from the index's, the builder declines ({@link #build} returns
 * null) and the caller lets JAIN-SIP parse the whole message: a folded header, a header section
 * not ended by an empty line (JAIN-SIP then leaves out its last header), a line that is empty once
 * its trailing white space and control characters are cut (JAIN-SIP ends the header section there).
 * The index itself refuses what it cannot frame (a bad or too large Content-Length...), which also
 * goes to JAIN-SIP. Such messages are rare and never on a well-behaved call's path.
 *
 * <p>Stateless; runs on transport reader threads and blocks on nothing.
 */
public final class IndexedMessageBuilder {

    private static final boolean COMPUTE_CONTENT_LENGTH = Flags.computeContentLength();

    private IndexedMessageBuilder() {
    }

    /**
     * The message, or null when JAIN-SIP's framing must decide instead.
     *
     * @throws ParseException     as JAIN-SIP throws it (a body shorter than Content-Length...)
     * @throws RuntimeException   as JAIN-SIP's parsers throw it on some malformed input
     */
    public static SIPMessage build(RawMessage raw, ParseExceptionListener listener) throws ParseException {
        byte[] d = raw.data;
        if (raw.headersEnd >= d.length) {
            return null; // no empty line: JAIN-SIP leaves out the last header
        }
        int firstEnd = trimmedEnd(d, raw.startLineStart, raw.startLineEnd);
        if (firstEnd == raw.startLineStart) {
            return null;
        }
        for (int i = 0; i < raw.count; i++) {
            if (raw.folded(i) || trimmedEnd(d, raw.at(i, RawMessage.LINE_START), raw.at(i, RawMessage.VALUE_END))
                    == raw.at(i, RawMessage.LINE_START)) {
                return null;
            }
        }
        RequestLine fastLine = FastHeaders.requestLine(d, raw.startLineStart, firstEnd);
        SIPMessage msg;
        if (fastLine != null) {
            SIPRequest request = new SIPRequest();
            request.setRequestLine(fastLine);
            msg = request;
        } else {
            msg = firstLine(new String(d, raw.startLineStart, firstEnd - raw.startLineStart, StandardCharsets.UTF_8), listener);
        }
        for (int i = 0; i < raw.count; i++) {
            header(raw, i, msg, listener);
        }
        msg.setSize(raw.bodyStart);
        ContentLengthHeader cl = msg.getContentLength();
        if (cl != null && cl.getContentLength() != 0) {
            byte[] body = Arrays.copyOfRange(d, raw.bodyStart, d.length);
            msg.setMessageContent(body, true, COMPUTE_CONTENT_LENGTH, cl.getContentLength());
        }
        return msg;
    }

    private static SIPMessage firstLine(String first, ParseExceptionListener listener) throws ParseException {
        if (first.startsWith("SIP/2.0")) {
            SIPResponse r = new SIPResponse();
            try {
                r.setStatusLine(new StatusLineParser(first + "\n").parse());
            } catch (ParseException e) {
                listener.handleException(e, r, StatusLine.class, first, null);
            }
            return r;
        }
        SIPRequest r = new SIPRequest();
        try {
            r.setRequestLine(new RequestLineParser(first + "\n").parse());
        } catch (ParseException e) {
            listener.handleException(e, r, RequestLine.class, first, null);
        }
        return r;
    }

    private static void header(RawMessage raw, int i, SIPMessage msg, ParseExceptionListener listener)
            throws ParseException {
        byte[] d = raw.data;
        int s = raw.at(i, RawMessage.LINE_START);
        int e = trimmedEnd(d, s, raw.at(i, RawMessage.VALUE_END));
        HeaderId id = raw.broken(i) ? HeaderId.OTHER : raw.id(i);
        SIPHeader fast = fast(id, d, raw.at(i, RawMessage.VALUE_START), e);
        if (fast != null) {
            msg.attachHeader(fast, false);
            return;
        }
        String line = new String(d, s, e - s, StandardCharsets.UTF_8);
        HeaderParser parser;
        try {
            parser = id == HeaderId.OTHER ? ParserFactory.createParser(line + "\n") : KnownParsers.of(id, line + "\n");
        } catch (ParseException ex) {
            listener.handleException(ex, msg, null, line, null);
            return;
        }
        try {
            msg.attachHeader(parser.parse(), false);
        } catch (ParseException ex) {
            Class<?> c = NameMap.getClassFromName(Lexer.getHeaderName(line));
            listener.handleException(ex, msg, c == null ? ExtensionHeaderImpl.class : c, line, null);
        }
    }

    /** The fast path's header for a value in its simple form; null for JAIN-SIP's parser. */
    private static SIPHeader fast(HeaderId id, byte[] d, int s, int e) {
        if (s >= e) {
            return null;
        }
        return switch (id) {
            case VIA -> FastHeaders.via(d, s, e);
            case FROM -> FastHeaders.from(d, s, e);
            case TO -> FastHeaders.to(d, s, e);
            case CONTACT -> FastHeaders.contact(d, s, e);
            case ROUTE -> FastHeaders.route(d, s, e);
            case RECORD_ROUTE -> FastHeaders.recordRoute(d, s, e);
            case CALL_ID -> FastHeaders.callId(d, s, e);
            case CSEQ -> FastHeaders.cseq(d, s, e);
            case MAX_FORWARDS -> FastHeaders.maxForwards(d, s, e);
            case CONTENT_LENGTH -> FastHeaders.contentLength(d, s, e);
            case CONTENT_TYPE -> FastHeaders.contentType(d, s, e);
            default -> null;
        };
    }

    /** Where a line ends once trailing bytes up to SP (white space, control characters) are cut. */
    private static int trimmedEnd(byte[] d, int s, int e) {
        while (e > s && (d[e - 1] & 0xff) <= ' ') {
            e--;
        }
        return e;
    }

    /** Reads JAIN-SIP's switch for the body's length (a stack property, false unless set). */
    private static final class Flags extends StringMsgParser {
        static boolean computeContentLength() {
            return computeContentLengthFromMessage;
        }
    }
}
