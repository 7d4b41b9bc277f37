package org.olelo.core.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the parser accepts, rejects (with which reason) and drops. */
class SipParserTest {

    private static final String OK = "OPTIONS sip:a@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK1\r\n"
            + "f: \"Alice A.\" <sip:a@127.0.0.1>;tag=1\r\nt: Bob <sip:b@127.0.0.1>\r\ni: c1\r\nCSeq: 1 OPTIONS\r\nl: 0\r\n\r\n";

    private static ParseOutcome parse(String s) {
        return SipParser.parse(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void compactFormsAndTokenDisplayNamesAreAccepted() {
        assertInstanceOf(ParseOutcome.Parsed.class, parse(OK));
    }

    @Test
    void aSingleValuedHeaderTwiceIsRejectedEvenInCompactForm() {
        ParseOutcome o = parse(OK.replace("i: c1\r\n", "i: c1\r\nCall-ID: c2\r\n"));
        ParseOutcome.Rejected r = assertInstanceOf(ParseOutcome.Rejected.class, o);
        assertEquals(400, r.status());
        assertEquals("Bad Request - more than one Call-ID header", r.reason());
    }

    @Test
    void anUnquotedDisplayNameWithSeparatorsIsRejected() {
        ParseOutcome.Rejected r = assertInstanceOf(ParseOutcome.Rejected.class,
                parse(OK.replace("t: Bob <", "t: Bell, Alexander <")));
        assertTrue(r.reason().contains("display name") && r.reason().endsWith("in To"), r.reason());
    }

    @Test
    void digestCredentialsWithAParameterGivenTwiceAreRejectedNamingIt() {
        String creds = "Digest username=\"bob\", realm=\"r\", nonce=\"n, \\\"username=x\", uri=\"sip:r\", response=\"0\"";
        assertInstanceOf(ParseOutcome.Parsed.class, parse(OK.replace("l: 0", "Authorization: " + creds + "\r\nl: 0")),
                "a name inside a quoted value is no parameter");
        ParseOutcome.Rejected r = assertInstanceOf(ParseOutcome.Rejected.class, parse(OK.replace("l: 0",
                "Proxy-Authorization: " + creds.replace("uri=", "USERNAME=\"alice\", uri=") + "\r\nl: 0")));
        assertEquals("Bad Request - digest parameter username: given twice", r.reason());
        r = assertInstanceOf(ParseOutcome.Rejected.class, parse(OK.replace("l: 0",
                "Authorization: " + creds.replace(", uri=", ",\r\n\trealm=\"s\", uri=") + "\r\nl: 0")));
        assertEquals("Bad Request - digest parameter realm: given twice", r.reason(), "on a continuation line too");
        StringBuilder many = new StringBuilder("Authorization: Digest ");
        for (int i = 0; i <= DigestParams.MAX_PARAMETERS; i++) {
            many.append("p").append(i).append("=1, ");
        }
        r = assertInstanceOf(ParseOutcome.Rejected.class, parse(OK.replace("l: 0", many + "\r\nl: 0")));
        assertEquals("Bad Request - more than 64 digest parameters", r.reason());
        assertInstanceOf(ParseOutcome.Parsed.class, parse(OK.replace("l: 0", "Authorization: Other a=1, a=2\r\nl: 0")),
                "only Digest is read");
    }

    @Test
    void anotherSipVersionIs505() {
        ParseOutcome.Rejected r = assertInstanceOf(ParseOutcome.Rejected.class, parse(OK.replace("SIP/2.0\r\nVia", "SIP/3.0\r\nVia")));
        assertEquals(505, r.status());
    }

    @Test
    void brokenResponsesAndKeepAlivesAreDropped() {
        assertInstanceOf(ParseOutcome.Dropped.class, parse("SIP/2.0 4294967301 better not\r\nl: 0\r\n\r\n"));
        assertInstanceOf(ParseOutcome.Dropped.class, parse("\r\n\r\n"));
    }

    @Test
    void anIpv6RequestUriWithoutBracketsIs400ButBracketedOnesPass() {
        ParseOutcome.Rejected r = assertInstanceOf(ParseOutcome.Rejected.class,
                parse(OK.replace("OPTIONS sip:a@127.0.0.1 SIP/2.0", "OPTIONS sip:2001:db8::10 SIP/2.0")));
        assertTrue(r.reason().contains("IPv6"), r.reason());
        assertInstanceOf(ParseOutcome.Parsed.class,
                parse(OK.replace("OPTIONS sip:a@127.0.0.1 SIP/2.0", "OPTIONS sip:a@[2001:db8::10]:5070 SIP/2.0")));
        assertInstanceOf(ParseOutcome.Parsed.class,
                parse(OK.replace("OPTIONS sip:a@127.0.0.1 SIP/2.0", "OPTIONS sip:a:pw@127.0.0.1:5070 SIP/2.0")));
    }
}
