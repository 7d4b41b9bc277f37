package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.SipBuilder;
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

    private static void assertStillAnswers(SipPeer peer) throws Exception {
        peer.send(SipBuilder.request("OPTIONS", "sip:probe@127.0.0.1").via(peer));
        String answer = peer.next(5000);
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
        try (TestServer s = TestServer.builder().transport(SipPeer.Kind.UDP).start(tmp);
             SipPeer peer = s.caller()) {
            int port = s.address().getPort();
            peer.send(SipBuilder.request("ACK", "sip:probe@127.0.0.1:" + port).maxForwards(null)
                    .viaValue("SIP/2.0/UDP 127.0.0.1:" + peer.address().getPort() + ";branch=z9hG4bK-p1")
                    .fromValue("<sip:a@127.0.0.1>;tag=1").to("<sip:probe@127.0.0.1>" + (toTag ? ";tag=2" : ""))
                    .callId("loop@probe"));
            InternalTransport self = s.server().core().internalTransport();
            long delivered = settled(self, 500);
            assertTrue(delivered <= 70, "the ACK went round " + delivered + " times");
            assertStillAnswers(peer);
        }
    }

    @Test
    void aResponseWithManyViasOfThisServerDoesNotGoRoundTheInternalTransport() throws Exception {
        try (TestServer s = TestServer.builder().transport(SipPeer.Kind.UDP).start(tmp);
             SipPeer peer = s.caller()) {
            int port = s.address().getPort();
            SipBuilder r = SipBuilder.response(200, "OK");
            for (int i = 0; i < 500; i++) {
                r.viaValue("SIP/2.0/UDP 127.0.0.1:" + port + ";branch=z9hG4bK-v" + i);
            }
            peer.send(r.viaValue("SIP/2.0/UDP 127.0.0.1:" + peer.address().getPort() + ";branch=z9hG4bK-end")
                    .fromValue("<sip:a@127.0.0.1>;tag=1").to("<sip:b@127.0.0.1>;tag=2").callId("vias@probe")
                    .cseqValue("1 MESSAGE"));
            String relayed = peer.receive(5000);
            assertNotNull(relayed, "the stray response reaches the next Via that is not this server");
            assertEquals(1, relayed.split("\r\nVia: ", -1).length - 1 + (relayed.contains("\nv: ") ? 1 : 0),
                    "only the last Via is left");
            assertEquals(0, settled(s.server().core().internalTransport(), 0),
                    "the Vias of this server were taken off without going through the internal transport");
            assertStillAnswers(peer);
        }
    }
}
