package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.olelo.container.flows.ProxyFlowsTest.answer;
import static org.olelo.core.testkit.SipText.contactUri;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.testkit.CommonApps;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.CoreConfig;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;

/**
 * {@code nat.fix.contact} over real UDP sockets: a record-routing proxy application forwards an
 * INVITE whose Contact names a private address with that Contact turned into the caller's source
 * address and port, and passes the callee's 200 back the same way; a public Contact elsewhere is
 * left alone with {@code private} and rewritten with {@code always}; with the default {@code off}
 * nothing changes.
 */
class NatContactFixTest {

    private static final long WAIT = 3000;

    @TempDir
    Path tmp;
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start(String fix) throws Exception {
        server = TestServer.builder().app("proxy", CommonApps.forkingProxy()).routeAllTo("proxy")
                .transport(SipPeer.Kind.UDP).settings(c -> {
                    CoreConfig k = c.core();
                    return fix == null ? c : c.withCore(new CoreConfig(k.listen(), k.aliases(), k.udpReaders(),
                            k.udpBufferBytes(), k.maxMessageBytes(), k.connectTimeoutMillis(), k.timers(),
                            k.proxyRequireSupported(), k.tcp(), k.flood(), Map.of("nat.fix.contact", fix)));
                }).start(tmp);
    }

    /** The Contacts the callee and then the caller see, for a caller and callee with the given Contact hosts. */
    private String[] call(String callerContactHost, String calleeContactHost) throws Exception {
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
            String invite = SipBuilder.request("INVITE", server.uriOf("bob", callee)).via(caller)
                    .from("<sip:alice@127.0.0.1>").contact("<sip:alice@" + callerContactHost + ">").build();
            caller.send(invite);
            String inv = callee.receiveUntil(WAIT, m -> m.startsWith("INVITE "));
            assertNotNull(inv, "the INVITE reached the callee");
            callee.send(answer(inv, 200, "OK", "b1").contact("<sip:bob@" + calleeContactHost + ">"));
            String ok = caller.finalResponse(WAIT);
            assertNotNull(ok, "the 200 reached the caller");
            caller.send(SipBuilder.ack(invite, ok));
            return new String[] {contactUri(inv), contactUri(ok), "127.0.0.1:" + caller.address().getPort(),
                    "127.0.0.1:" + callee.address().getPort()};
        }
    }

    @Test
    void privateContactsBecomeTheSourceBothWays() throws Exception {
        start("private");
        String[] seen = call("10.0.0.9:5060", "192.168.7.7:5070");
        assertEquals("sip:alice@" + seen[2], seen[0], "the callee sees the caller's source");
        assertEquals("sip:bob@" + seen[3], seen[1], "the caller sees the callee's source");
        String[] publicOnes = call("198.51.100.9:5060", "203.0.113.5:5070");
        assertEquals("sip:alice@198.51.100.9:5060", publicOnes[0], "a public Contact stays with 'private'");
        assertEquals("sip:bob@203.0.113.5:5070", publicOnes[1]);
    }

    @Test
    void alwaysRewritesEveryContactThatIsNotTheSource() throws Exception {
        start("always");
        String[] seen = call("198.51.100.9:5060", "203.0.113.5:5070");
        assertEquals("sip:alice@" + seen[2], seen[0]);
        assertEquals("sip:bob@" + seen[3], seen[1]);
    }

    @Test
    void offByDefault() throws Exception {
        start(null);
        String[] seen = call("10.0.0.9:5060", "192.168.7.7:5070");
        assertEquals("sip:alice@10.0.0.9:5060", seen[0]);
        assertEquals("sip:bob@192.168.7.7:5070", seen[1]);
    }
}
