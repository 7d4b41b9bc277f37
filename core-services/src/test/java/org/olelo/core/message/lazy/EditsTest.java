package org.olelo.core.message.lazy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import javax.sip.header.Header;
import javax.sip.header.MaxForwardsHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.olelo.core.message.ParseOutcome;
import org.olelo.core.message.SipParser;
import org.olelo.core.message.lazy.read.LazyMessage;

/**
 * Forwarding with edits: with none, every accepted torture message leaves byte for byte as it came;
 * each edit lands where RFC 3261 §16.6/§16.7 puts it, and every line not edited is left as it was.
 */
class EditsTest {

    private static final String MY_VIA = "SIP/2.0/UDP 127.0.0.9:5070;branch=z9hG4bKlazy1";
    private static final String MY_RR = "<sip:127.0.0.9:5070;lr>";
    private static final String NEW_URI = "sip:callee@127.0.0.9:5080";

    static Stream<Path> accepted() throws Exception {
        return Stream.concat(TortureMessages.all("rfc4475").stream(), TortureMessages.all("rfc5118").stream())
                .filter(p -> SipParser.parse(read(p)) instanceof ParseOutcome.Parsed);
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    @Test
    void theValidMessagesOfRfc4475AreAllAccepted() throws Exception {
        List<String> names = accepted().map(p -> p.getFileName().toString()).toList();
        assertTrue(names.containsAll(TortureMessages.VALID_4475.stream().filter(n -> !n.endsWith("reason.sip")).toList()),
                names.toString());
    }

    @ParameterizedTest
    @MethodSource("accepted")
    void withoutEditsTheBytesLeaveAsTheyCame(Path file) throws Exception {
        byte[] in = Files.readAllBytes(file);
        RawMessage raw = LazyMessage.read(in).raw();
        int end = raw.bodyOffset() + raw.bodyLength();
        assertTrue(end == in.length || file.getFileName().toString().equals("dblreq.sip"),
                "only dblreq.sip carries bytes past its body (a second request), which are not forwarded");
        assertArrayEquals(java.util.Arrays.copyOf(in, end), new Edits(raw).write(), file.getFileName().toString());
    }

    @Test
    void crlfsBeforeAndBytesPastTheBodyAreNotForwarded() throws Exception {
        String msg = "OPTIONS sip:b@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nl: 3\r\n\r\nabc";
        byte[] out = new Edits(RawMessage.frame(("\r\n" + msg + "junk").getBytes(StandardCharsets.ISO_8859_1))).write();
        assertEquals(msg, text(out));
    }

    @ParameterizedTest
    @MethodSource("accepted")
    void everyEditLandsWhereRfc3261PutsItAndNothingElseChanges(Path file) throws Exception {
        byte[] in = Files.readAllBytes(file);
        LazyMessage m = LazyMessage.read(in);
        if (m.isResponse()) {
            return;
        }
        if (m.raw().find(HeaderId.MAX_FORWARDS, 0) >= 0 && m.raw().value(m.raw().find(HeaderId.MAX_FORWARDS, 0)).equals("0")) {
            return; // answered with 483, never forwarded
        }
        SIPRequest before = (SIPRequest) ((ParseOutcome.Parsed) SipParser.parse(in)).message();
        Edits e = new Edits(m.raw()).replaceRequestUri(NEW_URI).pushVia(MY_VIA).addRecordRoute(MY_RR);
        boolean routed = m.raw().find(HeaderId.ROUTE, 0) >= 0;
        if (routed) {
            e.popRoute();
        }
        MaxForwardsHeader mf = (MaxForwardsHeader) before.getHeader("Max-Forwards");
        int expectedMf = mf == null ? 70 : mf.getMaxForwards() - 1;
        assertEquals(expectedMf, e.decrementMaxForwards());
        byte[] out = e.write();
        String name = file.getFileName().toString();
        ParseOutcome o = SipParser.parse(out);
        SIPRequest after = (SIPRequest) assertInstanceOf(ParseOutcome.Parsed.class, o, name + " " + o).message();
        assertEquals(NEW_URI, after.getRequestURI().toString(), name);
        assertEquals(before.getMethod(), after.getMethod(), name);
        List<String> vias = values(before, "Via");
        vias.add(0, "Via: " + MY_VIA);
        assertEquals(vias, values(after, "Via"), name + ": the new Via on top of the others");
        List<String> rrs = values(before, "Record-Route");
        rrs.add(0, "Record-Route: " + MY_RR);
        assertEquals(rrs, values(after, "Record-Route"), name + ": the new Record-Route above the others");
        List<String> routes = values(before, "Route");
        if (routed) {
            routes.remove(0);
        }
        assertEquals(routes, values(after, "Route"), name + ": the top Route gone, the rest kept");
        assertEquals(expectedMf, ((MaxForwardsHeader) after.getHeader("Max-Forwards")).getMaxForwards(), name);
        String edited = text(out);
        for (int i = 0; i < m.raw().headerCount(); i++) {
            HeaderId id = m.raw().id(i);
            if (id != HeaderId.ROUTE && id != HeaderId.MAX_FORWARDS) {
                int s = m.raw().at(i, RawMessage.LINE_START);
                String line = text(java.util.Arrays.copyOfRange(in, s, m.raw().at(i, RawMessage.LINE_END)));
                assertTrue(edited.contains(line), name + ": line left as it was: " + line);
            }
        }
        int bodyAt = out.length - m.raw().bodyLength();
        assertArrayEquals(java.util.Arrays.copyOfRange(in, m.raw().bodyOffset(), m.raw().bodyOffset() + m.raw().bodyLength()),
                java.util.Arrays.copyOfRange(out, bodyAt, out.length), name + ": the body as it came");
    }

    private static List<String> values(SIPMessage m, String name) {
        List<String> l = new ArrayList<>();
        for (Iterator<?> it = m.getHeaders(name); it.hasNext();) {
            l.add(((Header) it.next()).toString().trim());
        }
        return l;
    }

    private static final String REQ = "INVITE sip:b@127.0.0.1 SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP a;branch=z9hG4bKa, SIP/2.0/UDP b;branch=z9hG4bKb\r\n"
            + "Route: <sip:p1;lr;x=\"1,>2\">,\r\n <sip:p2;lr>\r\nRoute: <sip:p3;lr>\r\nRecord-Route: <sip:r1;lr>\r\n"
            + "To: <sip:b@127.0.0.1>\r\nl: 0\r\n\r\n";

    @Test
    void onlyTheTopValueOfACommaSeparatedLineIsPopped() throws Exception {
        RawMessage raw = RawMessage.frame(REQ.getBytes(StandardCharsets.ISO_8859_1));
        String out = text(new Edits(raw).popRoute().write());
        assertEquals(REQ.replace("<sip:p1;lr;x=\"1,>2\">,\r\n ", ""), out, "a comma in brackets or quotes is no separator");
        out = text(new Edits(raw).popVia().write());
        assertEquals(REQ.replace("SIP/2.0/UDP a;branch=z9hG4bKa, ", ""), out);
        String twoLines = REQ.replace("Via: SIP/2.0/UDP a;branch=z9hG4bKa, ", "Via: SIP/2.0/UDP a;branch=z9hG4bKa\r\nVia: ");
        out = text(new Edits(RawMessage.frame(twoLines.getBytes(StandardCharsets.ISO_8859_1))).popVia().write());
        assertEquals(REQ.replace("SIP/2.0/UDP a;branch=z9hG4bKa, ", ""), out, "a Via alone on its line goes with its line");
        assertThrows(IllegalStateException.class, () -> new Edits(raw).popRoute().popRoute());
    }

    @Test
    void linesThatAreNoHeaderLinesAreNotForwarded() throws Exception {
        String in = "OPTIONS sip:b@x SIP/2.0\r\nVia: SIP/2.0/UDP a;branch=z9hG4bKa\r\nFrom 880 <sip:a@x>;tag=1\r\n"
                + ": nameless\r\n\tfolded\r\nl: 0\r\n\r\n";
        assertEquals("OPTIONS sip:b@x SIP/2.0\r\nVia: SIP/2.0/UDP a;branch=z9hG4bKa\r\nl: 0\r\n\r\n",
                text(new Edits(RawMessage.frame(in.getBytes(StandardCharsets.ISO_8859_1))).write()));
    }

    @Test
    void aResponseLosesItsTopViaAndAMissingMaxForwardsIsAdded() throws Exception {
        String resp = "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP p;branch=z9hG4bKp\r\nVia: SIP/2.0/UDP a;branch=z9hG4bKa\r\n"
                + "To: <sip:b@x>;tag=1\r\nl: 2\r\n\r\nhi";
        RawMessage r = RawMessage.frame(resp.getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(resp.replace("Via: SIP/2.0/UDP p;branch=z9hG4bKp\r\n", ""), text(new Edits(r).popVia().write()));
        assertThrows(IllegalStateException.class, () -> new Edits(r).replaceRequestUri(NEW_URI));
        String noMf = "OPTIONS sip:b@x SIP/2.0\r\nVia: SIP/2.0/UDP a;branch=z9hG4bKa\r\nl: 0\r\n\r\n";
        Edits e = new Edits(RawMessage.frame(noMf.getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(70, e.decrementMaxForwards());
        assertEquals("OPTIONS sip:b@x SIP/2.0\r\nVia: " + MY_VIA + "\r\nMax-Forwards: 70\r\n"
                + "Via: SIP/2.0/UDP a;branch=z9hG4bKa\r\nl: 0\r\n\r\n", text(e.pushVia(MY_VIA).write()),
                "at one place, the pushed Via goes first");
        String zero = noMf.replace("l: 0", "Max-Forwards: 0\r\nl: 0");
        assertThrows(IllegalStateException.class,
                () -> new Edits(RawMessage.frame(zero.getBytes(StandardCharsets.ISO_8859_1))).decrementMaxForwards());
    }
}
