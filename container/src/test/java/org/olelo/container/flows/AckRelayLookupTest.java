package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.olelo.core.testkit.SipText.contactUri;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.method;
import static org.olelo.core.testkit.SipText.response;
import static org.olelo.core.testkit.SipText.routesFromResponse;
import static org.olelo.core.testkit.SipText.status;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.boot.OleloServer;
import org.olelo.container.boot.ServerConfig;
import org.olelo.container.internal.deploy.TestApps;
import org.olelo.container.internal.session.SipSessionImpl;
import org.olelo.core.CoreConfig;
import org.olelo.core.testkit.GatedResolver;
import org.olelo.core.testkit.UdpPeer;
import org.olelo.core.transport.ListenAddress;

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
    private OleloServer server;

    @AfterEach
    void stop() {
        resolver.release();
        if (server != null) {
            server.close();
        }
    }

    /** The proxy application of {@link ProxyTestServer} on one UDP port with a single reader thread. */
    private InetSocketAddress start() throws Exception {
        Path deploy = tmp.resolve("deploy");
        Files.createDirectories(deploy.resolve("apps"));
        TestApps.app().java("t.ForkingProxy", ProxyTestServer.PROXY_APP).sipXml(ProxyTestServer.SIP_XML)
                .writeFolder(deploy.resolve("apps").resolve("proxy"));
        Files.writeString(deploy.resolve("routing.properties"), "ALL: (\"proxy\", \"DAR:From\", \"NEUTRAL\", \"\", \"NO_ROUTE\", \"0\")\n");
        CoreConfig d = CoreConfig.defaults();
        CoreConfig core = new CoreConfig(List.of(ListenAddress.parse("udp:127.0.0.1:0")), d.aliases(), 1, d.udpBufferBytes(),
                d.maxMessageBytes(), d.connectTimeoutMillis(), d.timers(), d.proxyRequireSupported(), d.tcp(), d.flood());
        ServerConfig cfg = ServerConfig.defaults().withDirs(deploy, tmp.resolve("data")).withCore(core);
        server = OleloServer.start(cfg, resolver, List.of());
        return server.core().transports().get(0).localAddress();
    }

    @Test
    void anAckToAHostNameIsRelayedWithoutHoldingTheReader() throws Exception {
        InetSocketAddress address = start();
        try (UdpPeer caller = new UdpPeer(address); UdpPeer callee = new UdpPeer(address)) {
            int cp = caller.address().getPort();
            String ruri = "sip:bob@callee.example:" + callee.address().getPort();
            caller.send("INVITE " + ruri + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + cp + ";branch=z9hG4bK-ackdns-1;rport\r\nMax-Forwards: 70\r\n"
                    + "From: <sip:alice@127.0.0.1>;tag=al1\r\nTo: <" + ruri + ">\r\nCall-ID: ack-dns@test\r\nCSeq: 1 INVITE\r\n"
                    + "Contact: <sip:alice@127.0.0.1:" + cp + ">\r\nContent-Length: 0\r\n\r\n");
            String invite = callee.receive(WAIT);
            assertNotNull(invite, "INVITE proxied");
            // the callee's Contact names a host whose look-up will hang
            callee.send(response(invite, 200, "OK", "bob1", "Contact: <sip:bob@late.slow:" + callee.address().getPort() + ">\r\n"));
            String ok = AppTestServer.next(caller, WAIT);
            assertEquals(200, status(ok));
            endProxySession(ok);

            caller.send("ACK " + contactUri(ok) + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + cp + ";branch=z9hG4bK-ackdns-2;rport\r\n" + routesFromResponse(ok)
                    + "Max-Forwards: 70\r\nFrom: " + header(ok, "From") + "\r\nTo: " + header(ok, "To") + "\r\n"
                    + "Call-ID: ack-dns@test\r\nCSeq: 1 ACK\r\nContent-Length: 0\r\n\r\n");
            String lookup = resolver.awaitLookup("late.slow");
            assertNotNull(lookup, "the ACK's target was looked up");
            // the look-up hangs; the one reader thread still answers the next request
            caller.send("OPTIONS sip:bob@127.0.0.1 SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + cp + ";branch=z9hG4bK-ackdns-3;rport\r\nMax-Forwards: 0\r\n"
                    + "From: <sip:alice@127.0.0.1>;tag=al3\r\nTo: <sip:bob@127.0.0.1>\r\nCall-ID: ack-dns-3@test\r\n"
                    + "CSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n");
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
        SipSessionImpl s = server.runtime().sessions().sipSession(m.group(1));
        assertNotNull(s, "the proxy's session");
        s.parent().executor().execute(() -> s.parent().invalidate());
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (s.isValid() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertFalse(s.isValid(), "the proxy's application session ended");
    }
}
