package org.olelo.core.message.lazy.read;

import gov.nist.javax.sip.header.RequestLine;
import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.header.StatusLine;
import gov.nist.javax.sip.parser.ParserFactory;
import gov.nist.javax.sip.parser.RequestLineParser;
import gov.nist.javax.sip.parser.StatusLineParser;
import java.text.ParseException;
import org.olelo.core.message.SipParser;
import org.olelo.core.message.lazy.HeaderId;
import org.olelo.core.message.lazy.MalformedMessage;
import org.olelo.core.message.lazy.RawMessage;

/**
 * A received message whose headers are parsed when first read, with JAIN-SIP's parser for that
 * header (so JAIN-SIP stays the grammar), and kept. On receipt ({@link #read}) it decides what
 * {@link SipParser#parse} decides: the start line and the headers SIP processing depends on
 * ({@link HeaderId#critical()}) are parsed at once, a request with one that does not parse is
 * refused naming it, and the same raw checks run (single-valued headers given twice, display names,
 * Digest parameters, the version, bracketless IPv6 in the Request-URI). Any other header that does
 * not parse reads as absent, as JAIN-SIP leaves such a header out of its message, and so does a
 * line that is no header line ({@link RawMessage#broken}).
 *
 * <p>Not thread-safe: made and read by the thread that handles the message; never blocks.
 */
public final class LazyMessage {

    private static final String MALFORMED = "malformed ";

    private final RawMessage raw;
    private final SIPHeader[] parsed;
    private final byte[] failed;
    private Object startLine;

    private LazyMessage(RawMessage raw) {
        this.raw = raw;
        this.parsed = new SIPHeader[raw.headerCount()];
        this.failed = new byte[raw.headerCount()];
    }

    /**
     * Frames and checks one received message.
     *
     * @throws MalformedMessage with the status a request deserves (400, or 505 for another SIP
     *                          version) and the fault; for a response, it means drop it
     */
    public static LazyMessage read(byte[] data) throws MalformedMessage {
        if (data.length < 8 || SipParser.isKeepAlive(data)) {
            throw new MalformedMessage("keep-alive or runt");
        }
        LazyMessage m = new LazyMessage(RawMessage.frame(data));
        boolean response = m.raw.isResponse();
        try {
            m.startLine();
        } catch (ParseException | RuntimeException e) {
            throw new MalformedMessage(response ? "malformed status line" : "malformed Request-Line");
        }
        for (int i = 0; i < m.raw.headerCount(); i++) {
            HeaderId id = m.raw.id(i);
            if (id.critical() && m.header(i) == null) {
                throw new MalformedMessage(MALFORMED + m.raw.name(i) + " header");
            }
        }
        if (!response && !SipParser.versionIs20(data)) {
            throw new MalformedMessage(505, "SIP Version Not Supported");
        }
        if (!response && SipParser.unbracketedIpv6RequestUri(data)) {
            throw new MalformedMessage("IPv6 reference in the Request-URI without brackets");
        }
        String fault = SipParser.rawHeaderFault(data);
        if (fault != null) {
            throw new MalformedMessage(fault);
        }
        return m;
    }

    /** The index of the message's bytes. */
    public RawMessage raw() {
        return raw;
    }

    /** True for a response. */
    public boolean isResponse() {
        return raw.isResponse();
    }

    /** The parsed Request-Line ({@link RequestLine}) or status line ({@link StatusLine}). */
    public Object startLine() throws ParseException {
        if (startLine == null) {
            String line = raw.startLine() + "\n";
            startLine = raw.isResponse() ? new StatusLineParser(line).parse() : new RequestLineParser(line).parse();
        }
        return startLine;
    }

    /**
     * The {@code i}-th header, parsed on the first call (a header with several comma-separated values
     * is a JAIN-SIP header list); null when it does not parse.
     */
    public SIPHeader header(int i) {
        SIPHeader h = parsed[i];
        if (h != null || failed[i] != 0 || raw.broken(i)) {
            return h;
        }
        String line;
        if (raw.folded(i)) {
            // folds joined with one SP here: JAIN-SIP would join some of them with nothing
            String name = raw.id(i) == HeaderId.OTHER ? raw.name(i) : raw.id(i).fullName();
            line = name + ":" + raw.value(i) + "\n";
        } else {
            line = raw.line(i); // JAIN-SIP's parser table knows the compact names
        }
        try {
            h = ParserFactory.createParser(line).parse();
        } catch (ParseException | RuntimeException e) {
            failed[i] = 1;
            return null;
        }
        parsed[i] = h;
        return h;
    }

    /** The first header that is {@code id}, parsed; null if there is none or it does not parse. */
    public SIPHeader first(HeaderId id) {
        int i = raw.find(id, 0);
        return i < 0 ? null : header(i);
    }

    /** How many headers have been parsed so far (for tests and statistics). */
    public int parsedCount() {
        int n = 0;
        for (SIPHeader h : parsed) {
            if (h != null) {
                n++;
            }
        }
        return n;
    }
}
