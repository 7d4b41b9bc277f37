package org.olelo.transport.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.olelo.core.stats.CoreStatistics;
import org.olelo.core.transport.ListenAddress;
import org.olelo.core.transport.TcpLimits;
import org.olelo.core.transport.Transport;

/** The ws: listening point over loopback, with the JDK's WebSocket client as the browser. */
class WsTransportTest {

    private static final String OPTIONS = "OPTIONS sip:127.0.0.1 SIP/2.0\r\n"
            + "Via: SIP/2.0/WS df7jal23ls0d.invalid;branch=z9hG4bK1\r\nMax-Forwards: 70\r\n"
            + "From: <sip:alice@127.0.0.1>;tag=1\r\nTo: <sip:127.0.0.1>\r\nCall-ID: c1\r\nCSeq: 1 OPTIONS\r\n"
            + "Content-Length: 0\r\n\r\n";

    private Transport transport;

    @AfterEach
    void close() {
        if (transport != null) {
            transport.close();
        }
    }

    private URI start(TestContext context) throws IOException {
        transport = new WsTransportFactory().create(ListenAddress.parse("ws:127.0.0.1:0"), context);
        transport.start();
        return URI.create("ws://127.0.0.1:" + transport.localAddress().getPort() + "/");
    }

    @Test
    void eachMessageReachesTheSinkAndAnswersGoBackOverTheConnection() throws Exception {
        TestContext context = new TestContext(Map.of());
        WsClient client = WsClient.sip(start(context));
        assertEquals("sip", client.socket.getSubprotocol());
        assertEquals("WS", transport.name());
        assertTrue(transport.reliable());

        client.send(OPTIONS);
        TestContext.Received r = context.received.poll(5, TimeUnit.SECONDS);
        assertNotNull(r);
        assertEquals(OPTIONS, r.text());

        transport.send("SIP/2.0 200 OK\r\n\r\n".getBytes(StandardCharsets.UTF_8), r.source());
        assertEquals("SIP/2.0 200 OK\r\n\r\n", client.next());
        byte[] notUtf8 = {'M', 'E', 'S', 'S', 'A', 'G', 'E', ' ', (byte) 0xFF};
        transport.send(notUtf8, r.source());
        assertEquals("binary:MESSAGE \u00FF", client.next(), "a message that is not UTF-8 goes as a binary frame");
    }

    @Test
    void aMessageSplitIntoFragmentsIsOneMessage() throws Exception {
        TestContext context = new TestContext(Map.of());
        WsClient client = WsClient.sip(start(context));
        client.socket.sendText(OPTIONS.substring(0, 40), false).get(5, TimeUnit.SECONDS);
        client.socket.sendPing(java.nio.ByteBuffer.wrap(new byte[] {1})).get(5, TimeUnit.SECONDS);
        client.socket.sendText(OPTIONS.substring(40), true).get(5, TimeUnit.SECONDS);
        assertEquals(OPTIONS, context.received.poll(5, TimeUnit.SECONDS).text());
    }

    @Test
    void aHandshakeWithoutTheSipSubprotocolIsRefused() throws Exception {
        TestContext context = new TestContext(Map.of());
        URI uri = start(context);
        ExecutionException e = assertThrows(ExecutionException.class, () -> WsClient.connect(uri, new String[0]));
        assertEquals(400, assertInstanceOf(WebSocketHandshakeException.class, e.getCause()).getResponse().statusCode());
        e = assertThrows(ExecutionException.class, () -> WsClient.connect(uri, new String[] {"chat"}));
        assertEquals(400, ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode());
        assertEquals("sip", WsClient.connect(uri, new String[] {"chat", "sip"}).socket.getSubprotocol());
    }

    @Test
    void anOriginOutsideWsOriginsIsRefused() throws Exception {
        TestContext context = new TestContext(Map.of("ws.origins", "https://phone.example.com, http://127.0.0.1:8088"));
        URI uri = start(context);
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> WsClient.connect(uri, new String[] {"sip"}, "Origin", "https://evil.example.net"));
        assertEquals(403, ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode());
        assertThrows(ExecutionException.class, () -> WsClient.sip(uri), "no Origin at all when origins are listed");
        assertEquals("sip", WsClient.connect(uri, new String[] {"sip"}, "Origin", "https://Phone.example.com")
                .socket.getSubprotocol());
    }

    @Test
    void wsPathRestrictsTheUpgrade() throws Exception {
        TestContext context = new TestContext(Map.of("ws.path", "/sip"));
        URI uri = start(context);
        ExecutionException e = assertThrows(ExecutionException.class, () -> WsClient.sip(uri.resolve("/other")));
        assertEquals(404, ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode());
        assertEquals("sip", WsClient.sip(uri.resolve("/sip?x=1")).socket.getSubprotocol());
    }

    @Test
    void aBadSettingIsNamed() {
        TestContext context = new TestContext(Map.of("ws.origins", "phone.example.com/app"));
        IOException e = assertThrows(IOException.class,
                () -> new WsTransportFactory().create(ListenAddress.parse("ws:127.0.0.1:0"), context));
        assertTrue(e.getMessage().startsWith("ws.origins"), e.getMessage());
    }

    @Test
    void closingTheWebSocketIsReportedAndSendingToItFails() throws Exception {
        TestContext context = new TestContext(Map.of());
        WsClient client = WsClient.sip(start(context));
        client.send(OPTIONS);
        InetSocketAddress peer = context.received.poll(5, TimeUnit.SECONDS).source();
        client.socket.sendClose(1000, "bye").get(5, TimeUnit.SECONDS);
        assertEquals(1000, client.closedWith.get(5, TimeUnit.SECONDS), "the close is echoed");
        assertEquals(peer, context.closed.poll(5, TimeUnit.SECONDS));
        assertThrows(IOException.class, () -> transport.send("SIP/2.0 200 OK\r\n\r\n".getBytes(StandardCharsets.UTF_8), peer));
        assertThrows(IOException.class, () -> transport.send(new byte[1], new InetSocketAddress("127.0.0.1", 9)),
                "a WebSocket listening point never connects out");
    }

    @Test
    void aMessageOverTheLimitClosesWith1009() throws Exception {
        TestContext context = new TestContext(Map.of(), 100, TcpLimits.DEFAULT);
        WsClient client = WsClient.sip(start(context));
        client.send(OPTIONS);
        assertEquals(1009, client.closedWith.get(5, TimeUnit.SECONDS));
        assertNotNull(context.closed.poll(5, TimeUnit.SECONDS));
        assertTrue(context.received.isEmpty());
    }

    @Test
    void anUnmaskedFrameAndAnIdleConnectionAreClosed() throws Exception {
        TestContext context = new TestContext(Map.of(), 65535, new TcpLimits(10, 10, 1, 2));
        URI uri = start(context);
        try (Socket s = handshake(uri)) {
            s.getOutputStream().write(new byte[] {(byte) 0x81, 0x01, 'x'}); // text, unmasked
            byte[] close = s.getInputStream().readNBytes(4);
            assertEquals((byte) 0x88, close[0]);
            assertEquals(1002, ((close[2] & 0xFF) << 8) | (close[3] & 0xFF));
        }
        try (Socket s = handshake(uri)) {
            s.setSoTimeout(5000);
            byte[] ping = s.getInputStream().readNBytes(2);
            assertEquals((byte) 0x89, ping[0], "pinged half-way through the idle timeout");
            byte[] close = s.getInputStream().readNBytes(4);
            assertEquals((byte) 0x88, close[0], "closed after the idle timeout: the ping was not answered");
            assertEquals(1001, ((close[2] & 0xFF) << 8) | (close[3] & 0xFF));
        }
        assertTrue(context.statistics.get(CoreStatistics.Event.TCP_IDLE_CLOSED) >= 1);
    }

    @Test
    void aClientThatAnswersPingsOutlivesTheIdleTimeout() throws Exception {
        TestContext context = new TestContext(Map.of(), 65535, new TcpLimits(10, 10, 1, 2));
        WsClient client = WsClient.sip(start(context));
        client.send(OPTIONS);
        InetSocketAddress peer = context.received.poll(5, TimeUnit.SECONDS).source();
        Thread.sleep(3000);
        assertTrue(context.closed.isEmpty(), "still open after three idle timeouts");
        transport.send("SIP/2.0 200 OK\r\n\r\n".getBytes(StandardCharsets.UTF_8), peer);
        assertEquals("SIP/2.0 200 OK\r\n\r\n", client.next());
    }

    @Test
    void connectionsBeyondThePerAddressLimitAreClosedAtOnce() throws Exception {
        TestContext context = new TestContext(Map.of(), 65535, new TcpLimits(10, 2, 300, 32));
        URI uri = start(context);
        WsClient.sip(uri);
        WsClient.sip(uri);
        assertThrows(ExecutionException.class, () -> WsClient.sip(uri));
        assertTrue(context.statistics.get(CoreStatistics.Event.TCP_CONNECTION_REFUSED) >= 1, "counted (the client may retry once)");
    }

    /** A raw socket past the handshake. */
    private static Socket handshake(URI uri) throws IOException {
        Socket s = new Socket("127.0.0.1", uri.getPort());
        s.setSoTimeout(5000);
        OutputStream out = s.getOutputStream();
        out.write(("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Protocol: sip\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        InputStream in = s.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            head.append((char) in.read());
        }
        assertTrue(head.toString().startsWith("HTTP/1.1 101"), head.toString());
        assertTrue(head.toString().contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"), head.toString());
        return s;
    }
}
