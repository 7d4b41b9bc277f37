package org.olelo.container.internal.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Small helpers for handlers: plain-text replies and a request body read with a size limit.
 * Stateless; any Undertow thread ({@link #body} only on a worker thread, in blocking mode).
 */
public final class Replies {

    /** The largest request body a management endpoint reads: 1 MiB. */
    public static final int MAX_BODY_BYTES = 1 << 20;

    private Replies() {
    }

    /**
     * Ends the exchange with a status and a short plain-text body.
     *
     * @param exchange the exchange
     * @param status   the HTTP status
     * @param text     the body; never internals (no class names, no stack)
     */
    public static void text(HttpServerExchange exchange, int status, String text) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
        exchange.getResponseSender().send(text);
    }

    /**
     * Reads the whole request body of a blocking exchange.
     *
     * @param exchange an exchange in blocking mode ({@code startBlocking()} called), on a worker thread
     * @param limit    the largest body accepted, in bytes
     * @return the body, or null when it is larger than {@code limit}
     * @throws IOException when the client goes away while sending
     */
    public static byte[] body(HttpServerExchange exchange, int limit) throws IOException {
        long declared = exchange.getRequestContentLength();
        if (declared > limit) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 512);
        byte[] buf = new byte[8192];
        InputStream in = exchange.getInputStream();
        int n;
        while ((n = in.read(buf)) >= 0) {
            if (out.size() + n > limit) {
                return null;
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
