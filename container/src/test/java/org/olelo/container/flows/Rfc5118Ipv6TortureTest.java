package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.olelo.container.testkit.CommonApps;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.SipText;
import org.olelo.core.transport.InMemoryTransport;

/**
 * The 12 RFC 5118 IPv6 torture messages (their sendable form) through the whole server in memory,
 * with a record-routing proxy application: the valid ones are relayed (with the IPv6 references
 * read right), the invalid one gets 400. Nothing leaves the process.
 */
class Rfc5118Ipv6TortureTest {

    private static final Path DATA = TestData.path("rfc5118");
    private static final InetSocketAddress SENDER = new InetSocketAddress(InetAddress.getLoopbackAddress(), 5988);

    @TempDir
    Path tmp;
    private TestServer server;
    private InMemoryTransport memory;

    /** A fresh server per message: several of these messages share Call-ID, Via and branch. */
    @BeforeEach
    void start() throws Exception {
        memory = new InMemoryTransport("UDP", new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 5060));
        InetAddress testNet = InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1});
        server = TestServer.builder().app("proxy", CommonApps.forkingProxy()).routeAllTo("proxy").memory(memory)
                .resolver(host -> new InetAddress[] {testNet}).start(tmp);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @CsvSource({
        "ipv6-good.sip, forward, REGISTER sip:[2001:db8::10]",
        "ipv6-bad.sip, 400, ",
        "port-ambiguous.sip, forward, REGISTER sip:[2001:db8::10:5070]",
        "port-unambiguous.sip, forward, REGISTER sip:[2001:db8::10]:5070",
        "via-received-param-with-delim.sip, refused, ",
        "via-received-param-no-delim.sip, forward, ",
        "ipv6-in-sdp.sip, forward, ",
        "mult-ip-in-header.sip, refused, ",
        "mult-ip-in-sdp.sip, forward, ",
        "ipv4-mapped-ipv6.sip, forward, ",
        "ipv6-bug-abnf-3-colons.sip, forward-or-400, ",
        "ipv6-correct-abnf-2-colons.sip, forward, "
    })
    void handledAsTheRfcSays(String file, String expected, String startLine) throws Exception {
        memory.drain();
        byte[] bytes = Files.readAllBytes(DATA.resolve(file));
        memory.inject(bytes, SENDER);
        List<InMemoryTransport.Sent> out = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 400;
        while (System.currentTimeMillis() < deadline) {
            out.addAll(memory.drain());
            TimeUnit.MILLISECONDS.sleep(20);
        }
        String callId = SipText.header(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1), "Call-ID");
        String answer = null;
        String forwarded = null;
        for (InMemoryTransport.Sent s : out) {
            String t = s.text();
            if (!callId.equals(SipText.header(t, "Call-ID"))) {
                continue;
            }
            if (t.startsWith("SIP/2.0 ")) {
                if (SipText.status(t) >= 200) {
                    answer = t;
                }
            } else {
                forwarded = t;
            }
        }
        switch (expected) {
            case "400" -> {
                assertNotNull(answer, file + ": no answer");
                assertEquals(400, SipText.status(answer), answer);
            }
            case "refused" -> { // a To tag and no Route entry this server signed: in no dialog of ours
                assertNotNull(answer, file + ": no answer");
                assertEquals(403, SipText.status(answer), answer);
                assertTrue(forwarded == null, file + ": must not be relayed");
            }
            case "forward-or-400" -> assertTrue(forwarded != null || answer != null && SipText.status(answer) == 400,
                    file + ": " + out.size());
            default -> {
                assertNotNull(forwarded, file + ": not relayed; answer " + answer);
                if (startLine != null) {
                    assertTrue(forwarded.startsWith(startLine + " SIP/2.0\r\n"), forwarded);
                }
            }
        }
    }
}
