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
import org.olelo.container.boot.OleloServer;
import org.olelo.container.boot.ServerConfig;
import org.olelo.container.internal.deploy.TestApps;
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
        Path deploy = tmp.resolve("deploy");
        Files.createDirectories(deploy.resolve("apps"));
        TestApps.app().java("t.ForkingProxy", ProxyTestServer.PROXY_APP).sipXml(ProxyTestServer.SIP_XML)
                .writeFolder(deploy.resolve("apps").resolve("proxy"));
        Files.writeString(deploy.resolve("routing.properties"), "ALL: (\"proxy\", \"DAR:From\", \"NEUTRAL\", \"\", \"NO_ROUTE\", \"0\")\n");
        InMemoryTransport memory = new InMemoryTransport("UDP", new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 5060));
        InetAddress testNet = InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1});
        ServerConfig cfg = ServerConfig.defaults().withDirs(deploy, tmp.resolve("data")).withListen(List.of());
        int cases = 0;
        try (OleloServer server = OleloServer.start(cfg, host -> new InetAddress[] {testNet}, List.of(memory));
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
            String probe = "OPTIONS sip:probe@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5977;branch=z9hG4bK-protos-probe;rport\r\n"
                    + "Max-Forwards: 0\r\nFrom: <sip:t@127.0.0.1>;tag=p\r\nTo: <sip:probe@127.0.0.1>\r\nCall-ID: protos-probe\r\n"
                    + "CSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
            memory.inject(probe.getBytes(StandardCharsets.UTF_8), PEER);
            InMemoryTransport.Sent r = memory.poll(PEER, 3, TimeUnit.SECONDS);
            assertNotNull(r, "the server still answers");
            assertEquals(483, SipText.status(r.text()));
            assertTrue(server.core().statistics().get("err_requests_rejected") > 100,
                    "malformed requests were rejected: " + server.core().statistics().snapshot());
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
