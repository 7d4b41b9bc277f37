package org.olelo.core.message.lazy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Framing and the header index, on hand-made messages and on the RFC 4475 torture messages. */
class RawMessageTest {

    private static final String HEAD = "INVITE sip:b@127.0.0.1 SIP/2.0\r\n";

    private static RawMessage frame(String s) throws MalformedMessage {
        return RawMessage.frame(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String fault(String s) {
        return assertThrows(MalformedMessage.class, () -> frame(s)).getMessage();
    }

    @Test
    void indexesNamesValuesAndCompactForms() throws Exception {
        RawMessage m = frame("\r\n\r\n" + HEAD + "v: SIP/2.0/UDP 127.0.0.1;branch=z9hG4bK1  \r\nX-Odd :\tx y \r\n"
                + "l: 4\r\nMAX-forwards: 70\r\nTo:<sip:b@127.0.0.1>\r\n\r\nbodyEXTRA");
        assertEquals("INVITE sip:b@127.0.0.1 SIP/2.0", m.startLine(), "CRLFs before the start line are skipped");
        assertFalse(m.isResponse());
        assertEquals(5, m.headerCount());
        assertEquals(HeaderId.VIA, m.id(0));
        assertEquals("v", m.name(0));
        assertEquals("SIP/2.0/UDP 127.0.0.1;branch=z9hG4bK1", m.value(0));
        assertEquals(HeaderId.OTHER, m.id(1));
        assertEquals("X-Odd", m.name(1));
        assertEquals("x y", m.value(1));
        assertEquals(HeaderId.CONTENT_LENGTH, m.id(2));
        assertEquals(HeaderId.MAX_FORWARDS, m.id(3), "names are compared without regard to case");
        assertEquals(HeaderId.TO, m.id(4));
        assertEquals("<sip:b@127.0.0.1>", m.value(4));
        assertEquals("body", new String(m.bytes(), m.bodyOffset(), m.bodyLength(), StandardCharsets.UTF_8),
                "the body ends where Content-Length says");
        assertEquals(3, m.find(HeaderId.MAX_FORWARDS, 0));
        assertEquals(-1, m.find(HeaderId.ROUTE, 0));
    }

    @Test
    void foldedLinesMakeOneHeaderWithOneSpacePerFold() throws Exception {
        RawMessage m = frame(HEAD + "Subject: one  \r\n   two\r\n\tthree\r\nTo: <sip:b@x>\r\n\r\n");
        assertEquals(2, m.headerCount());
        assertEquals("one two three", m.value(0));
        assertTrue(m.folded(0));
        assertFalse(m.folded(1));
        assertEquals(HeaderId.TO, m.id(1));
        assertEquals(0, m.bodyLength(), "no Content-Length: the rest, here nothing");
    }

    @Test
    void bareLineFeedsAndAMissingEmptyLineAreFramed() throws Exception {
        RawMessage m = frame("SIP/2.0 200 OK\nVia: SIP/2.0/UDP h\nCall-ID: c");
        assertTrue(m.isResponse());
        assertEquals(2, m.headerCount());
        assertEquals("c", m.value(1));
        assertEquals(0, m.bodyLength());
    }

    @Test
    void framingFaultsAreNamed() {
        assertEquals("no start line", fault("\r\n\r\n"));
        assertEquals("continuation line before any header", fault(HEAD + " Via: x\r\n\r\n"));
        assertEquals("malformed Content-Length header", fault(HEAD + "l: -1\r\n\r\n"));
        assertEquals("malformed Content-Length header", fault(HEAD + "Content-Length: 9999999999\r\n\r\n"));
        assertEquals("malformed Content-Length header", fault(HEAD + "Content-Length: \r\n\r\n"));
        assertEquals("more than one Content-Length header", fault(HEAD + "l: 0\r\nContent-Length: 0\r\n\r\n"));
        assertEquals("Content-Length larger than the message", fault(HEAD + "l: 5\r\n\r\nabcd"));
    }

    @Test
    void linesThatAreNoHeaderLinesAreMarkedBrokenAndControlCharactersBeforeTheStartLineSkipped() throws Exception {
        RawMessage m = frame("\0\r\n" + HEAD + "Via SIP/2.0/UDP h\r\nV<ia: x\r\n: x\r\n\u00e5: x\r\nTo: <sip:b@x>\r\n\r\n");
        assertEquals(HEAD.trim(), m.startLine());
        assertEquals(5, m.headerCount());
        for (int i = 0; i < 4; i++) {
            assertTrue(m.broken(i), "line " + i);
            assertEquals(HeaderId.OTHER, m.id(i));
            assertEquals("", m.name(i));
        }
        assertFalse(m.broken(4));
        assertEquals(4, m.find(HeaderId.TO, 0));
        assertEquals(-1, m.find(HeaderId.VIA, 0), "a Via without a colon is no Via");
    }

    @Test
    void theIndexGrowsWithManyHeaders() throws Exception {
        StringBuilder s = new StringBuilder(HEAD);
        for (int i = 0; i < 100; i++) {
            s.append("X-H").append(i).append(": ").append(i).append("\r\n");
        }
        RawMessage m = frame(s.append("Route: <sip:r>\r\n\r\n").toString());
        assertEquals(101, m.headerCount());
        assertEquals("99", m.value(99));
        assertEquals(100, m.find(HeaderId.ROUTE, 0));
    }

    @Test
    void everyTortureMessageIsFramedOrRefusedWithoutAnythingElseThrown() throws Exception {
        for (Path p : TortureMessages.all("rfc4475")) {
            byte[] d = Files.readAllBytes(p);
            byte[] copy = Arrays.copyOf(d, d.length);
            try {
                RawMessage m = RawMessage.frame(d);
                for (int i = 0; i < m.headerCount(); i++) {
                    assertTrue(m.at(i, RawMessage.LINE_START) < m.at(i, RawMessage.LINE_END), p.toString());
                    m.value(i);
                }
            } catch (MalformedMessage e) {
                assertTrue(e.getMessage().length() < 60, e.getMessage());
            }
            assertArrayEquals(copy, d, "the bytes are not touched");
        }
    }
}
