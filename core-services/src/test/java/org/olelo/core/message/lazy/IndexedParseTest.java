package org.olelo.core.message.lazy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.ParserFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.olelo.core.message.ParseOutcome;
import org.olelo.core.message.SipParser;

/**
 * {@link SipParser#parse} (one-pass index, message built by {@link IndexedMessageBuilder}) decides
 * and builds exactly what JAIN-SIP's own framing of the whole message decides and builds: same
 * verdict, and for an accepted message the same headers in the same order (same classes, same
 * encoding), the same body and size; over every RFC 4475 and RFC 5118 torture message and variants
 * of a call's messages made to hit each framing difference.
 */
class IndexedParseTest {

    static final String INVITE = "INVITE sip:uas@127.0.0.1:5070;transport=UDP SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 127.0.0.1:5080;branch=z9hG4bK-1;rport\r\n"
            + "From: \"bench\" <sip:caller@127.0.0.1:5080>;tag=c1\r\n"
            + "To: <sip:uas@127.0.0.1:5070>\r\n"
            + "Call-ID: 1-bench@127.0.0.1\r\n"
            + "CSeq: 1 INVITE\r\n"
            + "Contact: <sip:caller@127.0.0.1:5080;transport=UDP>\r\n"
            + "Max-Forwards: 70\r\n"
            + "Subject: hello\r\n"
            + "Content-Type: application/sdp\r\n"
            + "Content-Length: 4\r\n\r\nv=0\n";

    static Stream<Path> torture() throws Exception {
        return Stream.concat(TortureMessages.all("rfc4475").stream(), TortureMessages.all("rfc5118").stream());
    }

    @ParameterizedTest
    @MethodSource("torture")
    void everyTortureMessageIsDecidedAndBuiltAsJainSipFramesIt(Path file) throws Exception {
        assertSame(Files.readAllBytes(file), file.getFileName().toString());
    }

    static Stream<String> variants() {
        String ok = INVITE.replace("INVITE sip", "BYE sip").replace("1 INVITE", "2 BYE");
        return Stream.of(INVITE, ok, INVITE.replace("\r\n", "\n"), INVITE.replace("\r\n", "\r"), "\r\n\r\n" + INVITE,
                "\u0001\u0002" + INVITE, INVITE.replace("Call-ID:", "i:").replace("Content-Length:", "l:"),
                INVITE.replace("CSeq: 1 INVITE", "cseq:   1    invite"), INVITE.replace("CSeq: 1 INVITE", "CSeq: 1 FOO"),
                INVITE.replace("CSeq: 1", "CSeq: 99999999999"), INVITE.replace("CSeq: 1 INVITE", "CSeq: INVITE"),
                INVITE.replace("Max-Forwards: 70", "Max-Forwards: 256"), INVITE.replace("Max-Forwards: 70", "Max-Forwards: 007"),
                INVITE.replace("Max-Forwards: 70", "Max-Forwards: 7 0"), INVITE.replace("Max-Forwards: 70", "Max-Forwards:"),
                INVITE.replace("Content-Length: 4", "Content-Length: 2"), INVITE.replace("Content-Length: 4", "Content-Length: 40"),
                INVITE.replace("Content-Length: 4", "Content-Length: x"), INVITE.replace("Content-Length: 4", "Content-Length: 0"),
                INVITE.replace("Content-Length: 4\r\n", ""), INVITE.replace("Content-Length: 4\r\n", "Content-Length: 4\r\nl: 4\r\n"),
                INVITE.replace("Call-ID: 1-bench@127.0.0.1", "Call-ID: a@b@c"), INVITE.replace("Call-ID: 1-bench", "Call-ID: @x"),
                INVITE.replace("Call-ID: 1-bench@127.0.0.1", "Call-ID: \"q\"(c)"), INVITE.replace("Call-ID: 1-bench@127.0.0.1", "Call-ID:"),
                INVITE.replace("Subject: hello\r\n", "Subject: hello\r\n  world\r\n"),
                INVITE.replace("Via: SIP/2.0/UDP 127.0.0.1:5080;", "Via: SIP/2.0/UDP 127.0.0.1:5080\r\n ;"),
                INVITE.replace("Subject: hello\r\n", "Subject:   \r\n"), INVITE.replace("Subject: hello\r\n", "\u0001\u0002\r\n"),
                INVITE.replace("Subject: hello\r\n", "no colon here\r\n"), INVITE.replace("Subject: hello\r\n", "Bad Name: x\r\n"),
                INVITE.replace("Subject: hello\r\n", "\u000bSubject: x\r\n"), INVITE.replace("Subject: hello\r\n", "Subject: hello \t \r\n"),
                INVITE.replace("CSeq: 1 INVITE\r\n", "CSeq: 1 INVITE\r\nCSeq: 2 INVITE\r\n"),
                INVITE.replace("Max-Forwards: 70\r\n", "Max-Forwards: 70\r\nMax-Forwards: 69\r\n"),
                INVITE.replace("Via: SIP/2.0/UDP 127.0.0.1:5080;branch=z9hG4bK-1;rport", "Via: garbage"),
                INVITE.replace("INVITE sip:uas@127.0.0.1:5070;transport=UDP SIP/2.0", "INVITE sip:uas@127.0.0.1 SIP/3.0"),
                INVITE.replace("INVITE sip:uas@127.0.0.1:5070;transport=UDP SIP/2.0", "INVITE  SIP/2.0"),
                INVITE.replace("INVITE sip:uas@127.0.0.1:5070;transport=UDP SIP/2.0", "INVITE sip:uas@127.0.0.1 SIP/2.0   "),
                INVITE.substring(0, INVITE.indexOf("\r\n\r\n")), INVITE.substring(0, INVITE.indexOf("\r\n\r\n") + 2),
                INVITE.substring(0, INVITE.indexOf("Subject")), INVITE.substring(0, INVITE.indexOf("\r\n")),
                "SIP/2.0 200 OK\r\n" + INVITE.substring(INVITE.indexOf("Via")), "SIP/2.0 2x0 OK\r\n" + INVITE.substring(INVITE.indexOf("Via")),
                "SIP/3.0 200 OK\r\n" + INVITE.substring(INVITE.indexOf("Via")),
                "\r\nSIP/2.0 180 Ringing\r\n" + INVITE.substring(INVITE.indexOf("Via")),
                INVITE.replace("Subject: hello", "Subject: h\u00e9llo \u00ff"));
    }

    @ParameterizedTest
    @MethodSource("variants")
    void variantsAreDecidedAndBuiltAsJainSipFramesThem(String text) throws Exception {
        assertSame(text.getBytes(StandardCharsets.UTF_8), text);
        assertSame(text.getBytes(StandardCharsets.ISO_8859_1), text);
    }

    @Test
    void aCallsMessagesAreBuiltFromTheIndexNotByJainSipFraming() throws Exception {
        String[] listenerFault = new String[1];
        SIPMessage m = IndexedMessageBuilder.build(RawMessage.frame(INVITE.getBytes(StandardCharsets.UTF_8)),
                (ex, msg, c, h, t) -> listenerFault[0] = h);
        assertNotNull(m, "the index path is taken for a plain INVITE");
        assertEquals(null, listenerFault[0]);
        assertEquals(10, count(m));
    }

    @Test
    void everyKnownHeaderGetsTheParserJainSipsFactoryPicks() throws Exception {
        for (HeaderId id : HeaderId.values()) {
            if (id == HeaderId.OTHER) {
                continue;
            }
            List<String> names = new ArrayList<>(List.of(id.fullName(), id.fullName().toUpperCase(), id.fullName().toLowerCase()));
            byte[] b = (id.fullName() + ": x").getBytes(StandardCharsets.US_ASCII);
            for (char c = 'a'; c <= 'z'; c++) {
                byte[] one = {(byte) c};
                if (HeaderId.of(one, 0, 1) == id) {
                    names.add(String.valueOf(c));
                }
            }
            assertEquals(id, HeaderId.of(b, 0, id.fullName().length()));
            for (String n : names) {
                String line = n + ": x\n";
                assertEquals(ParserFactory.createParser(line).getClass(), KnownParsers.of(id, line).getClass(), n);
            }
        }
    }

    private static int count(SIPMessage m) {
        int n = 0;
        for (Iterator<SIPHeader> it = m.getHeaders(); it.hasNext(); it.next()) {
            n++;
        }
        return n;
    }

    /** Both paths give the same verdict and, when accepted, the same message. */
    static void assertSame(byte[] bytes, String what) {
        ParseOutcome expected = SipParser.parseWithJainSipFraming(bytes);
        ParseOutcome actual = SipParser.parse(bytes);
        assertEquals(verdict(expected), verdict(actual), what);
        if (expected instanceof ParseOutcome.Parsed e && actual instanceof ParseOutcome.Parsed a) {
            SIPMessage x = e.message();
            SIPMessage y = a.message();
            assertEquals(x.getClass(), y.getClass(), what);
            assertEquals(headers(x), headers(y), what);
            assertEquals(x.encode(), y.encode(), what);
            assertArrayEquals(x.getRawContent(), y.getRawContent(), what);
            assertEquals(x.getSize(), y.getSize(), what);
            assertTrue(x.equals(y), what);
        }
    }

    private static List<String> headers(SIPMessage m) {
        List<String> out = new ArrayList<>();
        for (Iterator<SIPHeader> it = m.getHeaders(); it.hasNext();) {
            SIPHeader h = it.next();
            out.add(h.getClass().getName() + " " + h.encode());
        }
        return out;
    }

    private static String verdict(ParseOutcome o) {
        return switch (o) {
            case ParseOutcome.Parsed p -> "parsed";
            case ParseOutcome.Rejected r -> r.status() + " " + r.reason();
            case ParseOutcome.Dropped d -> "dropped " + d.why();
        };
    }
}
