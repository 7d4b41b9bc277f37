package org.olelo.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.olelo.core.testkit.SipPeer;

/**
 * A browser's SIP stack as the server sees it: a WebSocket client (the JDK's {@code HttpClient})
 * with the {@code sip} subprotocol, one SIP message per WebSocket message (RFC 7118). Its Via and
 * Contact name the {@code .invalid} host browsers use ({@link #VIA_HOST}); it has no address of its
 * own to give ({@link #address} is that host).
 */
final class WsPeer implements SipPeer, WebSocket.Listener {

    /** The host a browser writes in its Via and Contact (RFC 7118 §5.2). */
    static final String VIA_HOST = "df7jal23ls0d.invalid";

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private WsPeer(URI uri, String... subprotocols) throws InterruptedException, ExecutionException, TimeoutException {
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (subprotocols.length > 0) {
            b.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        }
        socket = b.buildAsync(uri, this).get(10, TimeUnit.SECONDS);
    }

    /** Connects with the {@code sip} subprotocol. */
    static WsPeer connect(URI uri) throws Exception {
        return new WsPeer(uri, "sip");
    }

    /** Connects offering the given subprotocols only (a handshake the server should refuse). */
    static WsPeer connectOffering(URI uri, String... subprotocols) throws Exception {
        return new WsPeer(uri, subprotocols);
    }

    @Override
    public void send(byte[] message) throws IOException {
        try {
            socket.sendText(new String(message, StandardCharsets.UTF_8), true).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IOException("WebSocket send failed", e);
        }
    }

    @Override
    public String receive(long timeoutMillis) throws InterruptedException {
        return received.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public InetSocketAddress address() {
        return InetSocketAddress.createUnresolved(VIA_HOST, 0);
    }

    @Override
    public String transport() {
        return "WS";
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        return add(ws, data, last);
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        byte[] b = new byte[data.remaining()];
        data.get(b);
        return add(ws, new String(b, StandardCharsets.UTF_8), last);
    }

    /** One more part of a message; the last part completes it. */
    private CompletionStage<?> add(WebSocket ws, CharSequence part, boolean last) {
        partial.append(part);
        if (last) {
            received.add(partial.toString());
            partial.setLength(0);
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        closed.completeExceptionally(error);
    }

    /** Closes the WebSocket normally (code 1000) and waits for the server's close. */
    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
            closed.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            socket.abort();
        }
    }
}
