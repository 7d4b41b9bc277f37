package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.testkit.CommonApps;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipText;
import org.olelo.core.transport.InMemoryTransport;

/**
 * The 4,527 PROTOS c07-sip test cases (malformed INVITEs, each followed by its CANCEL and ACK
 * teardown) through the whole server on the in-memory connector: no message may make handling
 * throw, and the server must still answer afterwards. Host names resolve to a TEST-NET address that
 * only the in-memory connector ever "sends" to.
 */
class ProtosRobustnessTest {

    private static final Path ARCHIVE = TestData.path("protos-c07-sip", "c07-sip-r2-testcases.tar.gz");
    private static final InetSocketAddress PEER = new InetSocketAddress(InetAddress.getLoopbackAddress(), 5977);

    @TempDir
    Path tmp;

    @Test
    void everyProtosCaseIsSurvived() throws Exception {
        InMemoryTransport memory = new InMemoryTransport("UDP", new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 5060));
        InetAddress testNet = InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1});
        int cases = 0;
        try (TestServer server = TestServer.builder().app("proxy", CommonApps.forkingProxy()).routeAllTo("proxy").memory(memory)
                .resolver(host -> new InetAddress[] {testNet}).start(tmp);
             InputStream in = new GZIPInputStream(Files.newInputStream(ARCHIVE))) {
            byte[] header = new byte[512];
            while (readFully(in, header)) {
                String name = new String(header, 0, 100, StandardCharsets.US_ASCII).trim().replace("\0", "");
                if (name.isEmpty()) {
                    break;
                }
                long size = Long.parseLong(new String(header, 124, 11, StandardCharsets.US_ASCII).trim(), 8);
                byte[] body = new byte[(int) size];
                if (!readFully(in, body)) {
                    break;
                }
                in.skipNBytes((512 - size % 512) % 512);
                if (header[156] != '0' && header[156] != 0) {
                    continue; // not a regular file
                }
                List<byte[]> pdus = pdus(body);
                for (String teardown : new String[] {null, "CANCEL", "ACK"}) {
                    byte[] pdu = teardown == null ? pdus.get(0) : pdus.get(pdus.size() - 1);
                    memory.inject(fill(pdu, cases, teardown), PEER); // throws if handling breaks
                }
                cases++;
                if (cases % 500 == 0) {
                    memory.drain();
                }
            }
            assertEquals(4527, cases, "every test case was sent");
            memory.drain();
            memory.inject(SipBuilder.request("OPTIONS", "sip:probe@127.0.0.1").via("UDP", "127.0.0.1:5977", "z9hG4bK-protos-probe")
                    .maxForwards(0).bytes(), PEER);
            InMemoryTransport.Sent r = memory.poll(PEER, 3, TimeUnit.SECONDS);
            assertNotNull(r, "the server still answers");
            assertEquals(483, SipText.status(r.text()));
            assertTrue(server.server().core().statistics().get("err_requests_rejected") > 100,
                    "malformed requests were rejected: " + server.server().core().statistics().snapshot());
        }
    }

    private static boolean readFully(InputStream in, byte[] b) throws IOException {
        int n = in.readNBytes(b, 0, b.length);
        return n == b.length;
    }

    /** Splits {@code <length> SP <bytes>} records. */
    private static List<byte[]> pdus(byte[] body) {
        List<byte[]> out = new ArrayList<>();
        int i = 0;
        while (i < body.length) {
            int sp = i;
            while (sp < body.length && body[sp] != ' ') {
                sp++;
            }
            int len = Integer.parseInt(new String(body, i, sp - i, StandardCharsets.US_ASCII).trim());
            out.add(java.util.Arrays.copyOfRange(body, sp + 1, Math.min(body.length, sp + 1 + len)));
            i = sp + 1 + len;
        }
        return out;
    }

    /** Replaces the placeholders on bytes (Latin-1), as the original tool's wrapper does. */
    private static byte[] fill(byte[] pdu, int n, String teardown) {
        String s = new String(pdu, StandardCharsets.ISO_8859_1)
                .replace("<To>", "test@127.0.0.1").replace("<From>", "user@127.0.0.1")
                .replace("<From-Address>", "127.0.0.1").replace("<From-IP>", "127.0.0.1")
                .replace("<Local-Port>", Integer.toString(PEER.getPort())).replace("<Call-ID>", Integer.toString(n))
                .replace("<CSeq>", "1").replace("<Branch-ID>", String.format("%06d", n));
        if (teardown != null) {
            s = s.replace("<Teardown-Method>", teardown);
        }
        int headEnd = s.indexOf("\r\n\r\n");
        int bodyLength = headEnd < 0 ? 0 : s.length() - headEnd - 4;
        s = s.replace("<Content-Length>", Integer.toString(bodyLength));
        byte[] out = s.getBytes(StandardCharsets.ISO_8859_1);
        return out.length > 65_507 ? java.util.Arrays.copyOf(out, 65_507) : out;
    }
}
