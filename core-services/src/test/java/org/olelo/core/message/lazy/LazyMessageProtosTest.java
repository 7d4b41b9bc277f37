package org.olelo.core.message.lazy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.olelo.core.message.ParseOutcome;
import org.olelo.core.message.SipParser;
import org.olelo.core.message.lazy.read.LazyMessage;

/**
 * The 4,527 INVITEs of the PROTOS c07-sip suite (see the container's test data README): the lazy
 * message throws nothing but {@link MalformedMessage} on any of them, and accepts exactly the ones
 * {@link SipParser} accepts; and that parser's one-pass index decides and builds each case as JAIN-SIP's
 * own framing of the whole message does.
 */
class LazyMessageProtosTest {

    private static final Path ARCHIVE = Path.of("..", "container", "src", "test", "testdata", "protos-c07-sip",
            "c07-sip-r2-testcases.tar.gz");

    @Test
    void acceptsExactlyWhatTheFullParserAccepts() throws Exception {
        assertTrue(Files.exists(ARCHIVE), "test data missing: " + ARCHIVE.toAbsolutePath());
        int cases = 0;
        int accepted = 0;
        List<String> disagreements = new ArrayList<>();
        try (InputStream gz = new GZIPInputStream(Files.newInputStream(ARCHIVE))) {
            DataInputStream in = new DataInputStream(gz);
            byte[] block = new byte[512];
            while (in.read(block, 0, 0) == 0 && in.readNBytes(block, 0, 512) == 512 && block[0] != 0) {
                long size = Long.parseLong(new String(block, 124, 11, StandardCharsets.US_ASCII).trim(), 8);
                byte[] member = in.readNBytes((int) size);
                in.skipNBytes((512 - size % 512) % 512);
                if (block[156] != '0' && block[156] != 0) {
                    continue;
                }
                byte[] invite = filled(firstPdu(member), cases);
                IndexedParseTest.assertSame(invite, "PROTOS case " + cases);
                boolean full = SipParser.parse(invite) instanceof ParseOutcome.Parsed;
                String lazy;
                try {
                    LazyMessage.read(invite);
                    lazy = null;
                } catch (MalformedMessage e) {
                    lazy = e.getMessage();
                }
                if (full != (lazy == null)) {
                    disagreements.add(cases + (full ? " accepted only by SipParser, lazily: " + lazy : " accepted only lazily"));
                }
                accepted += full ? 1 : 0;
                cases++;
            }
        }
        assertEquals(4527, cases, "every case was read");
        assertTrue(accepted > 0 && accepted < cases, "some accepted, some refused: " + accepted);
        assertEquals(List.of(), disagreements);
    }

    /** The first {@code <length> SP <bytes>} record: the test INVITE. */
    private static byte[] firstPdu(byte[] member) {
        int sp = 0;
        while (member[sp] != ' ') {
            sp++;
        }
        int len = Integer.parseInt(new String(member, 0, sp, StandardCharsets.US_ASCII).trim());
        return java.util.Arrays.copyOfRange(member, sp + 1, Math.min(member.length, sp + 1 + len));
    }

    /** The template's placeholders filled in, on Latin-1 text so that every byte stays as it is. */
    private static byte[] filled(byte[] pdu, int n) {
        String s = new String(pdu, StandardCharsets.ISO_8859_1);
        String[][] values = {{"<To>", "test@127.0.0.1"}, {"<From>", "user@127.0.0.1"}, {"<From-Address>", "127.0.0.1"},
            {"<From-IP>", "127.0.0.1"}, {"<Local-Port>", "5999"}, {"<Call-ID>", "c" + n}, {"<CSeq>", "1"},
            {"<Branch-ID>", "b" + n}};
        for (String[] v : values) {
            s = s.replace(v[0], v[1]);
        }
        int head = s.indexOf("\r\n\r\n");
        s = s.replace("<Content-Length>", Integer.toString(head < 0 ? 0 : s.length() - head - 4));
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
