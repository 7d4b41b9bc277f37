package org.olelo.core.message.lazy;

import gov.nist.javax.sip.parser.CSeqParser;
import gov.nist.javax.sip.parser.CallIDParser;
import gov.nist.javax.sip.parser.ContactParser;
import gov.nist.javax.sip.parser.ContentLengthParser;
import gov.nist.javax.sip.parser.ContentTypeParser;
import gov.nist.javax.sip.parser.ExpiresParser;
import gov.nist.javax.sip.parser.FromParser;
import gov.nist.javax.sip.parser.HeaderParser;
import gov.nist.javax.sip.parser.MaxForwardsParser;
import gov.nist.javax.sip.parser.ProxyRequireParser;
import gov.nist.javax.sip.parser.RecordRouteParser;
import gov.nist.javax.sip.parser.RequireParser;
import gov.nist.javax.sip.parser.RouteParser;
import gov.nist.javax.sip.parser.ToParser;
import gov.nist.javax.sip.parser.ViaParser;

/**
 * The JAIN-SIP header parser that {@code ParserFactory.createParser} picks for a header the index
 * recognised by name, made directly: the factory looks the name up and calls the constructor by
 * reflection for every header line, which costs more than the parse of a short header. The choice
 * is the factory's own (a test checks every name, full and compact, against it).
 *
 * <p>Stateless; any thread.
 */
final class KnownParsers {

    private KnownParsers() {
    }

    /** A parser for {@code line} (name, colon, value, line feed); {@code id} is not {@link HeaderId#OTHER}. */
    static HeaderParser of(HeaderId id, String line) {
        return switch (id) {
            case VIA -> new ViaParser(line);
            case FROM -> new FromParser(line);
            case TO -> new ToParser(line);
            case CALL_ID -> new CallIDParser(line);
            case CSEQ -> new CSeqParser(line);
            case MAX_FORWARDS -> new MaxForwardsParser(line);
            case CONTENT_LENGTH -> new ContentLengthParser(line);
            case CONTACT -> new ContactParser(line);
            case ROUTE -> new RouteParser(line);
            case RECORD_ROUTE -> new RecordRouteParser(line);
            case REQUIRE -> new RequireParser(line);
            case PROXY_REQUIRE -> new ProxyRequireParser(line);
            case CONTENT_TYPE -> new ContentTypeParser(line);
            case EXPIRES -> new ExpiresParser(line);
            case OTHER -> throw new IllegalArgumentException("no parser chosen by name for other headers");
        };
    }
}
