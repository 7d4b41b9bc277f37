package org.olelo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipText;
import org.olelo.core.testkit.UdpPeer;

/**
 * A browser's SIP stack (a WebSocket client with the {@code sip} subprotocol, RFC 7118) against the
 * default deployment with a {@code ws:} listening point: it registers with digest over its
 * WebSocket, a UDP phone calls it through the registrar's location service, it answers, the ACK
 * and BYE of the UDP phone reach it over the same WebSocket; when it closes the WebSocket, its
 * binding goes and the user is offline at once. The other way round, the browser calls a UDP phone,
 * whose BYE reaches the browser. Handshakes without the subprotocol are refused.
 */
class WebSocketCallTest {

    private static final String HOST = "127.0.0.1";
    private static final int WS_PORT = FreePorts.tcp();
    private static final String SDP = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 40000 RTP/AVP 0\r\n";
    @RegisterExtension
    static final OleloExtension OLELO = OleloExtension.started(null).setup(p -> {
        assertEquals(0, p.subscriber("add", "alice@127.0.0.1", "--password", "w3bRTC"));
        assertEquals(0, p.subscriber("add", "bob@127.0.0.1", "--password", "b0bUdp"));
        p.listen("ws:127.0.0.1:" + WS_PORT);
    });

    private static URI ws() {
        return URI.create("ws://127.0.0.1:" + WS_PORT + "/");
    }

    private static String contact() {
        return "<sip:alice@" + WsPeer.VIA_HOST + ";transport=ws>";
    }

    private static SipBuilder register(int cseq, String callId) {
        return SipBuilder.request("REGISTER", "sip:127.0.0.1").viaValue("SIP/2.0/WS " + WsPeer.VIA_HOST
                        + ";branch=z9hG4bK-ws" + SipBuilder.next()).from("<sip:alice@127.0.0.1>;tag=reg1")
                .to("<sip:alice@127.0.0.1>").callId(callId).cseq(cseq).contact(contact()).header("Expires", "600");
    }

    /** Registers alice over the WebSocket, answering the digest challenge. */
    private static void registerWithDigest(WsPeer alice) throws Exception {
        String callId = "ws-reg-" + SipBuilder.next();
        String challenge = alice.finalResponseTo(register(1, callId));
        assertEquals(401, SipText.status(challenge), challenge);
        String ok = alice.finalResponseTo(register(2, callId).header("Authorization",
                DigestAnswer.of(SipText.header(challenge, "WWW-Authenticate"), "alice", "w3bRTC", "REGISTER", "sip:127.0.0.1")));
        assertEquals(200, SipText.status(ok), ok);
        assertTrue(ok.contains(WsPeer.VIA_HOST), ok);
    }

    private static String lookup(String aor) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(OLELO.process().httpBase() + "/rpc"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"method\":\"ul.lookup\",\"params\":{\"aor\":\""
                        + aor + "\"},\"id\":1}")).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void aUdpPhoneCallsAUserRegisteredOverAWebSocketWhichAnswersAndIsHungUpOn() throws Exception {
        try (WsPeer alice = WsPeer.connect(ws());
             UdpPeer carol = new UdpPeer(new InetSocketAddress(HOST, OLELO.port()))) {
            registerWithDigest(alice);

            carol.send(SipBuilder.request("INVITE", "sip:alice@127.0.0.1").via(carol).from("<sip:carol@127.0.0.1>;tag=c1")
                    .contact("carol", carol).body("application/sdp", SDP));
            String invite = alice.receiveUntil(5000, m -> "INVITE".equals(SipText.method(m)));
            assertNotNull(invite, "the INVITE reaches the WebSocket");
            assertTrue(SipText.headers(invite, "Via").get(0).startsWith("SIP/2.0/WS "), invite);
            alice.send(SipBuilder.response(invite, 180, "Ringing").toTag("w1").contact(contact()));
            alice.send(SipBuilder.response(invite, 200, "OK").toTag("w1").contact(contact()).body("application/sdp", SDP));

            String ok = carol.finalResponse(5000);
            assertNotNull(ok, "carol gets the answer");
            assertEquals(200, SipText.status(ok), ok);

            carol.send(SipBuilder.inDialog("ACK", ok).via(carol).cseq(1));
            String ack = alice.receiveUntil(5000, m -> "ACK".equals(SipText.method(m)));
            assertNotNull(ack, "the ACK reaches the WebSocket");

            carol.send(SipBuilder.inDialog("BYE", ok).via(carol).cseq(2));
            String bye = alice.receiveUntil(5000, m -> "BYE".equals(SipText.method(m)));
            assertNotNull(bye, "the BYE reaches the WebSocket");
            alice.send(SipBuilder.response(bye, 200, "OK"));
            String byeOk = carol.finalResponse(5000);
            assertNotNull(byeOk, "carol gets the answer to her BYE");
            assertEquals(200, SipText.status(byeOk), byeOk);
            assertTrue(SipText.contactUri(ok).contains(";alias=127.0.0.1~"), "the browser's Contact leads back to its"
                    + " WebSocket: " + ok);
        }
    }

    @Test
    void aBrowserCallsARegisteredUdpPhoneWhichAnswersAndHangsUp() throws Exception {
        try (WsPeer alice = WsPeer.connect(ws());
             UdpPeer bob = new UdpPeer(new InetSocketAddress(HOST, OLELO.port()))) {
            registerWithDigest(alice);
            SipBuilder reg = SipBuilder.request("REGISTER", "sip:127.0.0.1").via(bob).from("<sip:bob@127.0.0.1>")
                    .to("<sip:bob@127.0.0.1>").callId("udp-reg-bob").contact("bob", bob);
            String challenge = bob.finalResponseTo(reg);
            assertEquals(401, SipText.status(challenge), challenge);
            String registered = bob.finalResponseTo(SipBuilder.request("REGISTER", "sip:127.0.0.1").via(bob)
                    .from("<sip:bob@127.0.0.1>").to("<sip:bob@127.0.0.1>").callId("udp-reg-bob").cseq(2)
                    .contact("bob", bob).header("Authorization", DigestAnswer.of(SipText.header(challenge,
                            "WWW-Authenticate"), "bob", "b0bUdp", "REGISTER", "sip:127.0.0.1")));
            assertEquals(200, SipText.status(registered), registered);

            alice.send(SipBuilder.request("INVITE", "sip:bob@127.0.0.1").viaValue("SIP/2.0/WS " + WsPeer.VIA_HOST
                    + ";branch=z9hG4bK-ws" + SipBuilder.next()).from("<sip:alice@127.0.0.1>;tag=a7")
                    .contact(contact()).body("application/sdp", SDP));
            String invite = bob.receiveUntil(5000, m -> "INVITE".equals(SipText.method(m)));
            assertNotNull(invite, "the browser's INVITE reaches the UDP phone over UDP");
            bob.send(SipBuilder.response(invite, 200, "OK").toTag("b7").contact("bob", bob).body("application/sdp", SDP));
            String ok = alice.finalResponse(5000);
            assertNotNull(ok, "the browser gets the answer");
            assertEquals(200, SipText.status(ok), ok);
            alice.send(SipBuilder.inDialog("ACK", ok).viaValue("SIP/2.0/WS " + WsPeer.VIA_HOST + ";branch=z9hG4bK-ws"
                    + SipBuilder.next()).cseq(1));
            assertNotNull(bob.receiveUntil(5000, m -> "ACK".equals(SipText.method(m))), "the ACK reaches the phone");

            // the phone hangs up: its BYE goes to the browser's Contact along the Record-Route it was given
            String browser = SipText.contactUri(invite);
            assertTrue(browser.contains(";alias=127.0.0.1~"), invite);
            SipBuilder bye = SipBuilder.request("BYE", browser).via(bob).fromValue(SipText.header(ok, "To"))
                    .to(SipText.header(ok, "From")).callId(SipText.header(ok, "Call-ID")).cseq(1);
            SipText.entries(invite, "Record-Route").forEach(bye::route);
            bob.send(bye);
            String byeIn = alice.receiveUntil(5000, m -> "BYE".equals(SipText.method(m)));
            assertNotNull(byeIn, "the phone's BYE reaches the browser over its WebSocket");
            alice.send(SipBuilder.response(byeIn, 200, "OK"));
            String byeOk = bob.finalResponse(5000);
            assertNotNull(byeOk);
            assertEquals(200, SipText.status(byeOk), byeOk);
        }
    }

    @Test
    void closingTheWebSocketRemovesTheBindingAndTheUserIsOffline() throws Exception {
        WsPeer alice = WsPeer.connect(ws());
        registerWithDigest(alice);
        assertTrue(lookup("sip:alice@127.0.0.1").contains("\"result\""), lookup("sip:alice@127.0.0.1"));
        alice.close();
        assertEquals(1000, alice.closed.get());

        String found = null;
        for (int i = 0; i < 50; i++) {
            found = lookup("sip:alice@127.0.0.1");
            if (found.contains("no contact for")) {
                break;
            }
            Thread.sleep(100);
        }
        assertTrue(found.contains("no contact for"), "the binding is gone: " + found);
        try (UdpPeer carol = new UdpPeer(new InetSocketAddress(HOST, OLELO.port()))) {
            String r = carol.finalResponseTo(SipBuilder.request("INVITE", "sip:alice@127.0.0.1").via(carol)
                    .contact("carol", carol).body("application/sdp", SDP));
            assertTrue(SipText.status(r) == 404 || SipText.status(r) == 480, r);
        }
    }

    /** A page that opens a WebSocket offering {@code protocol}, sends a REGISTER and shows what comes back. */
    private static String browserPage(String protocol, int holdPort) {
        String register = "REGISTER sip:127.0.0.1 SIP/2.0\\r\\nVia: SIP/2.0/WS " + WsPeer.VIA_HOST
                + ";branch=z9hG4bK-chromium\\r\\nMax-Forwards: 70\\r\\nFrom: <sip:alice@127.0.0.1>;tag=c1\\r\\n"
                + "To: <sip:alice@127.0.0.1>\\r\\nCall-ID: chromium-reg\\r\\nCSeq: 1 REGISTER\\r\\n"
                + "Contact: " + contact() + "\\r\\nExpires: 60\\r\\nContent-Length: 0\\r\\n\\r\\n";
        return "<!DOCTYPE html><html><body><pre id=\"out\">waiting</pre><script>\n"
                + "const out = document.getElementById('out');\n"
                + "const ws = new WebSocket('ws://127.0.0.1:" + WS_PORT + "/', '" + protocol + "');\n"
                // a request in flight stops headless Chromium's virtual clock, so the answer has time to come
                + "fetch('http://127.0.0.1:" + holdPort + "/', {mode: 'no-cors'}).catch(() => {});\n"
                + "ws.onopen = () => { out.textContent = 'open ' + ws.protocol; ws.send('" + register + "'); };\n"
                + "ws.onmessage = e => { if (!e.data.startsWith('SIP/2.0 100')) out.textContent = 'answer: '"
                + " + e.data.split('\\r\\n')[0] + ' / ' + (typeof e.data); };\n"
                + "ws.onclose = e => { if (out.textContent === 'waiting') out.textContent = 'refused'; };\n"
                + "</script></body></html>\n";
    }

    /**
     * Answers each HTTP request after five seconds: holds a page's virtual clock while SIP flows
     * (a server on a busy machine may take more than a second or two to answer the REGISTER).
     */
    private static ServerSocket slowHttp() throws IOException {
        ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    Thread.sleep(5000);
                    s.getOutputStream().write("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        });
        return server;
    }

    @Test
    void chromiumSpeaksSipOverItsWebSocket(@TempDir Path dir) throws Exception {
        Chromium.assumeInstalled();
        try (ServerSocket hold = slowHttp()) {
            Path sip = dir.resolve("sip.html");
            Files.writeString(sip, browserPage("sip", hold.getLocalPort()));
            String dom = Chromium.dumpDom(sip.toUri().toString(), 5000, dir.resolve("chromium-sip"));
            assertTrue(dom.contains("answer: SIP/2.0 401 Unauthorized / string"), "the browser's REGISTER is challenged: "
                    + dom);

            Path chat = dir.resolve("chat.html");
            Files.writeString(chat, browserPage("chat", hold.getLocalPort()));
            dom = Chromium.dumpDom(chat.toUri().toString(), 5000, dir.resolve("chromium-chat"));
            assertTrue(dom.contains(">refused<"), "a WebSocket without the sip subprotocol is refused: " + dom);
        }
    }

    @Test
    void aHandshakeWithoutTheSipSubprotocolIsRefused() {
        ExecutionException e = assertThrows(ExecutionException.class, () -> WsPeer.connectOffering(ws(), "chat"));
        assertTrue(e.getCause() instanceof WebSocketHandshakeException, e.toString());
        assertEquals(400, ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode());
    }
}
