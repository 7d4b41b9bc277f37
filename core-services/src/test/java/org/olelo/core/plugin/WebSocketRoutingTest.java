package org.olelo.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import javax.sip.address.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.olelo.core.CoreConfig;
import org.olelo.core.SipCore;
import org.olelo.core.message.SipMessages;
import org.olelo.core.routing.Hop;
import org.olelo.core.testkit.AnsweringHandler;
import org.olelo.core.transport.ListenAddress;

/**
 * Where the core sends requests when it has a WebSocket listening point (the test-only WS kind):
 * a URI with the alias of a WebSocket connection goes over it, a WebSocket URI without a port means
 * port 80, and the WebSocket a request came in on is never the default transport of another target.
 */
class WebSocketRoutingTest {

    private SipCore core;

    private void start() throws IOException {
        List<ListenAddress> points = List.of(ListenAddress.parse("udp:127.0.0.1:0"), ListenAddress.parse("ws:127.0.0.1:0"));
        core = new SipCore(CoreConfig.defaults().withListen(points), host -> new InetAddress[] {InetAddress.getByName("127.0.0.9")});
        core.start(new AnsweringHandler(200));
    }

    @AfterEach
    void stop() {
        if (core != null) {
            core.close();
        }
    }

    private Hop resolve(String uri, String defaultTransport) throws Exception {
        URI u = SipMessages.ADDRESSES.createURI(uri);
        return core.resolve(u, defaultTransport);
    }

    @Test
    void aUriWithTheAliasOfAWebSocketConnectionGoesOverIt() throws Exception {
        start();
        Hop h = resolve("sip:alice@df7jal23ls0d.invalid;transport=ws;alias=127.0.0.3~40123~ws", null);
        assertEquals("WS", h.transport().name());
        assertEquals(new InetSocketAddress("127.0.0.3", 40123), h.address());
    }

    @Test
    void anAliasNamingAnotherTransportIsIgnored() throws Exception {
        start();
        Hop h = resolve("sip:alice@phone.example.com;alias=127.0.0.3~40123~udp", null);
        assertEquals("UDP", h.transport().name());
        assertEquals(new InetSocketAddress("127.0.0.9", 5060), h.address(), "the URI's own host, looked up");
    }

    @Test
    void aWebSocketUriWithoutAPortMeansPort80() throws Exception {
        start();
        assertEquals(80, resolve("sip:127.0.0.4;transport=ws", null).address().getPort());
        assertEquals(5060, resolve("sip:127.0.0.4;transport=udp", null).address().getPort());
    }

    @Test
    void aRequestFromAWebSocketDoesNotMakeWebSocketTheDefaultForOtherTargets() throws Exception {
        start();
        Hop h = resolve("sip:bob@127.0.0.5:5070", "WS");
        assertEquals("UDP", h.transport().name());
        assertNotEquals("WS", resolve("sip:bob@127.0.0.5:5070", "ws").transport().name());
    }
}
