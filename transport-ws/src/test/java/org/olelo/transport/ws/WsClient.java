package org.olelo.transport.ws;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A WebSocket client on the JDK's HttpClient that queues each message and the close it gets. */
final class WsClient implements WebSocket.Listener {

    final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closedWith = new CompletableFuture<>();
    private final StringBuilder text = new StringBuilder();
    WebSocket socket;

    /** Connects with the given subprotocols (none when empty) and extra headers (name, value...). */
    static WsClient connect(URI uri, String[] subprotocols, String... headers) throws Exception {
        return connect(HttpClient.newHttpClient(), uri, subprotocols, headers);
    }

    /** Like {@link #connect(URI, String[], String...)} with a client of the test's (e.g. trusting a test CA). */
    static WsClient connect(HttpClient http, URI uri, String[] subprotocols, String... headers) throws Exception {
        WsClient c = new WsClient();
        WebSocket.Builder b = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (subprotocols.length > 0) {
            b.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        c.socket = b.buildAsync(uri, c).get(5, TimeUnit.SECONDS);
        return c;
    }

    static WsClient sip(URI uri) throws Exception {
        return connect(uri, new String[] {"sip"});
    }

    void send(String message) throws Exception {
        socket.sendText(message, true).get(5, TimeUnit.SECONDS);
    }

    String next() throws InterruptedException {
        return messages.poll(5, TimeUnit.SECONDS);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            messages.add(text.toString());
            text.setLength(0);
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        byte[] b = new byte[data.remaining()];
        data.get(b);
        messages.add("binary:" + new String(b, java.nio.charset.StandardCharsets.ISO_8859_1));
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        closedWith.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        closedWith.completeExceptionally(error);
    }
}
