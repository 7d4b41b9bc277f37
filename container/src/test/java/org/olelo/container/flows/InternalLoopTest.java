package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.olelo.core.testkit.SipPeer;
import org.olelo.core.testkit.SipText;
import org.olelo.core.transport.InternalTransport;

/**
 * Messages addressed to the server itself cannot go round inside it for ever: the probe's ACK
 * without Max-Forwards, and a response carrying many Vias of this server. Counted in messages the
 * internal transport delivers, not in time.
 */
class InternalLoopTest {

    @TempDir
    Path tmp;

    private static String options(SipPeer peer, int n) {
        return "OPTIONS sip:probe@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + peer.address().getPort() + ";branch=z9hG4bK-loop-opt-" + n + ";rport\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:t@127.0.0.1>;tag=o" + n + "\r\nTo: <sip:probe@127.0.0.1>\r\n"
                + "Call-ID: loop-opt-" + n + "@test\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
    }

    private static void assertStillAnswers(SipPeer peer, int n) throws Exception {
        peer.send(options(peer, n));
        String answer = AppTestServer.next(peer, 5000);
        assertNotNull(answer, "the server still answers");
        assertEquals(404, SipText.status(answer), answer);
    }

    /** Messages the internal transport delivered after the time given, checked not to move for another half second. */
    private static long settled(InternalTransport self, long millis) throws InterruptedException {
        Thread.sleep(millis);
        long before = self.delivered();
        Thread.sleep(500);
        assertEquals(before, self.delivered(), "messages are still going round the internal transport");
        return before;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theProbesAckWithoutMaxForwardsLeavesTheServerIdle(boolean toTag) throws Exception {
        try (AppTestServer s = new AppTestServer(SipPeer.Kind.UDP, tmp, Map.of(), "");
             SipPeer peer = s.caller()) {
            int port = s.address().getPort();
            String ack = "ACK sip:probe@127.0.0.1:" + port + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + peer.address().getPort() + ";branch=z9hG4bK-p1\r\n"
                    + "From: <sip:a@127.0.0.1>;tag=1\r\n"
                    + "To: <sip:probe@127.0.0.1>" + (toTag ? ";tag=2" : "") + "\r\n"
                    + "Call-ID: loop@probe\r\nCSeq: 1 ACK\r\nContent-Length: 0\r\n\r\n";
            peer.send(ack.getBytes(StandardCharsets.US_ASCII));
            InternalTransport self = s.server.core().internalTransport();
            long delivered = settled(self, 500);
            assertTrue(delivered <= 70, "the ACK went round " + delivered + " times");
            assertStillAnswers(peer, 1);
        }
    }

    @Test
    void aResponseWithManyViasOfThisServerDoesNotGoRoundTheInternalTransport() throws Exception {
        try (AppTestServer s = new AppTestServer(SipPeer.Kind.UDP, tmp, Map.of(), "");
             SipPeer peer = s.caller()) {
            int port = s.address().getPort();
            StringBuilder r = new StringBuilder("SIP/2.0 200 OK\r\n");
            for (int i = 0; i < 500; i++) {
                r.append("Via: SIP/2.0/UDP 127.0.0.1:").append(port).append(";branch=z9hG4bK-v").append(i).append("\r\n");
            }
            r.append("Via: SIP/2.0/UDP 127.0.0.1:").append(peer.address().getPort()).append(";branch=z9hG4bK-end\r\n")
                    .append("From: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:b@127.0.0.1>;tag=2\r\n")
                    .append("Call-ID: vias@probe\r\nCSeq: 1 MESSAGE\r\nContent-Length: 0\r\n\r\n");
            peer.send(r.toString().getBytes(StandardCharsets.US_ASCII));
            String relayed = peer.receive(5000);
            assertNotNull(relayed, "the stray response reaches the next Via that is not this server");
            assertEquals(1, relayed.split("\r\nVia: ", -1).length - 1 + (relayed.contains("\nv: ") ? 1 : 0),
                    "only the last Via is left");
            assertEquals(0, settled(s.server.core().internalTransport(), 0),
                    "the Vias of this server were taken off without going through the internal transport");
            assertStillAnswers(peer, 2);
        }
    }
}
