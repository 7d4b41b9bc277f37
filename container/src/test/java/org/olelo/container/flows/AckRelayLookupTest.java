package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.olelo.container.flows.ProxyFlowsTest.answer;
import static org.olelo.container.flows.ProxyFlowsTest.invite;
import static org.olelo.container.flows.ProxyFlowsTest.proxyServer;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.method;
import static org.olelo.core.testkit.SipText.status;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.internal.session.SipSessionImpl;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.CoreConfig;
import org.olelo.core.testkit.GatedResolver;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;

/**
 * The ACK of a record-routed call whose proxy session has ended is relayed by the container
 * without an application, from the transport reader thread that read it. When its target is a
 * host name, the look-up must not hold that thread: a resolver that hangs leaves the listening
 * point serving, and the ACK goes on once the name resolves.
 */
class AckRelayLookupTest {

    private static final long WAIT = 3000;

    @TempDir
    Path tmp;
    private final GatedResolver resolver = new GatedResolver();
    private TestServer server;

    @AfterEach
    void stop() {
        resolver.release();
        if (server != null) {
            server.close();
        }
    }

    /** The forking proxy on one UDP port with a single reader thread. */
    private void start() throws Exception {
        server = proxyServer(SipPeer.Kind.UDP).resolver(resolver).settings(c -> {
            CoreConfig d = c.core();
            return c.withCore(new CoreConfig(d.listen(), d.aliases(), 1, d.udpBufferBytes(), d.maxMessageBytes(),
                    d.connectTimeoutMillis(), d.timers(), d.proxyRequireSupported(), d.tcp(), d.flood(), d.extensions()));
        }).start(tmp);
    }

    @Test
    void anAckToAHostNameIsRelayedWithoutHoldingTheReader() throws Exception {
        start();
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
            String ruri = "sip:bob@callee.example:" + callee.address().getPort();
            caller.send(invite(caller, ruri));
            String invite = callee.receive(WAIT);
            assertNotNull(invite, "INVITE proxied");
            // the callee's Contact names a host whose look-up will hang
            callee.send(answer(invite, 200, "OK", "bob1").contact("<sip:bob@late.slow:" + callee.address().getPort() + ">"));
            String ok = caller.next(WAIT);
            assertEquals(200, status(ok));
            endProxySession(ok);

            caller.send(SipBuilder.inDialog("ACK", ok).via(caller));
            String lookup = resolver.awaitLookup("late.slow");
            assertNotNull(lookup, "the ACK's target was looked up");
            // the look-up hangs; the one reader thread still answers the next request
            caller.send(SipBuilder.request("OPTIONS", "sip:bob@127.0.0.1").via(caller).from("<sip:alice@127.0.0.1>")
                    .maxForwards(0));
            String answer = caller.receive(2000);
            assertNotNull(answer, "the listening point answered while the ACK's look-up hung");
            assertEquals(483, status(answer));
            assertNull(callee.receive(200), "no ACK before its target resolved");
            resolver.release();
            String ack = callee.receive(WAIT);
            assertNotNull(ack, "the ACK went on once the name resolved");
            assertEquals("ACK", method(ack));
            assertFalse(lookup.contains("sip-udp"), "not looked up on a reader thread: " + lookup);
        }
    }

    /** Ends the application session of the proxy that record-routed the call. */
    private void endProxySession(String ok) throws InterruptedException {
        Matcher m = Pattern.compile(";ol=([^;>]+)").matcher(header(ok, "Record-Route"));
        assertTrue(m.find(), "the proxy record-routed: " + ok);
        SipSessionImpl s = server.server().runtime().sessions().sipSession(m.group(1));
        assertNotNull(s, "the proxy's session");
        s.parent().executor().execute(() -> s.parent().invalidate());
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (s.isValid() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertFalse(s.isValid(), "the proxy's application session ended");
    }
}
