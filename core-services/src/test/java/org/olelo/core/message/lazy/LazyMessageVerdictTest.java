package org.olelo.core.message.lazy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.header.SIPHeaderList;
import gov.nist.javax.sip.message.SIPMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.sip.header.Header;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.olelo.core.message.HeaderNameForm;
import org.olelo.core.message.ParseOutcome;
import org.olelo.core.message.SipParser;
import org.olelo.core.message.lazy.read.LazyMessage;

/**
 * The lazy message decides every RFC 4475 and RFC 5118 torture message as {@link SipParser} does
 * (accepted, refused with the same status and reason, or dropped), and every header it parses on
 * read equals what JAIN-SIP's whole-message parse made of it.
 */
class LazyMessageVerdictTest {

    static Stream<Path> messages() throws Exception {
        return Stream.concat(TortureMessages.all("rfc4475").stream(), TortureMessages.all("rfc5118").stream());
    }

    @ParameterizedTest
    @MethodSource("messages")
    void sameVerdictAsTheFullParser(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        String expected = verdict(SipParser.parse(bytes));
        String actual;
        try {
            LazyMessage m = LazyMessage.read(bytes);
            actual = "parsed";
            assertTrue(m.parsedCount() < m.raw().headerCount() || m.raw().headerCount() == 0
                    || allCritical(m.raw()), "headers other than the critical ones wait to be read");
        } catch (MalformedMessage e) {
            actual = expected.startsWith("dropped") && bytes[0] == 'S' ? "dropped"
                    : e.status() == 505 ? "505 SIP Version Not Supported" : e.status() + " Bad Request - " + e.getMessage();
        }
        assertEquals(expected.startsWith("dropped") ? "dropped" : expected, actual, file.getFileName().toString());
    }

    @ParameterizedTest
    @MethodSource("messages")
    void headersParsedOnReadEqualTheFullParse(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        if (!(SipParser.parse(bytes) instanceof ParseOutcome.Parsed p)) {
            return;
        }
        LazyMessage m = LazyMessage.read(bytes);
        Map<String, List<String>> lazy = new TreeMap<>();
        for (int i = 0; i < m.raw().headerCount(); i++) {
            SIPHeader h = m.header(i);
            if (h != null) {
                add(lazy, h);
            }
        }
        Map<String, List<String>> full = new TreeMap<>();
        SIPMessage msg = p.message();
        for (Iterator<SIPHeader> it = msg.getHeaders(); it.hasNext();) {
            add(full, it.next());
        }
        if (m.raw().find(HeaderId.CONTENT_LENGTH, 0) < 0) {
            full.remove("content-length"); // JAIN-SIP adds one to a message that had none
        }
        java.util.Set<String> foldedNames = new java.util.TreeSet<>();
        for (int i = 0; i < m.raw().headerCount(); i++) {
            if (folded(m.raw(), i)) {
                foldedNames.add(HeaderNameForm.fullName(m.raw().name(i)).toLowerCase(Locale.ROOT));
            }
        }
        for (String name : foldedNames) {
            // JAIN-SIP joins some folded lines with nothing between them; RFC 3261 §7.3.1 says one SP
            assertEquals(full.remove(name).toString().replace(" ", ""), lazy.remove(name).toString().replace(" ", ""), name);
        }
        assertEquals(full, lazy, file.getFileName().toString());
    }

    private static boolean folded(RawMessage raw, int i) {
        for (int k = raw.at(i, RawMessage.VALUE_START); k < raw.at(i, RawMessage.VALUE_END); k++) {
            if (raw.bytes()[k] == '\n') {
                return true;
            }
        }
        return false;
    }

    private static void add(Map<String, List<String>> into, SIPHeader h) {
        if (h instanceof SIPHeaderList<?> list) {
            for (Object o : list) {
                add(into, (SIPHeader) o);
            }
            return;
        }
        String name = HeaderNameForm.fullName(((Header) h).getName()).toLowerCase(Locale.ROOT);
        into.computeIfAbsent(name, k -> new ArrayList<>()).add(h.encode());
    }

    private static boolean allCritical(RawMessage raw) {
        for (int i = 0; i < raw.headerCount(); i++) {
            if (!raw.id(i).critical()) {
                return false;
            }
        }
        return true;
    }

    private static String verdict(ParseOutcome o) {
        return switch (o) {
            case ParseOutcome.Parsed p -> "parsed";
            case ParseOutcome.Rejected r -> r.status() + " " + r.reason();
            case ParseOutcome.Dropped d -> "dropped " + d.why();
        };
    }
}
