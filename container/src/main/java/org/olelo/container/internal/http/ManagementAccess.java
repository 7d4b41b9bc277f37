package org.olelo.container.internal.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Guards a management path. Without a token only clients on a loopback address are served
 * (others get 403); with a token every request needs {@code Authorization: Bearer <token>}, from
 * any address, and gets 401 with {@code WWW-Authenticate: Bearer} otherwise. The token is compared
 * in constant time: both sides are hashed with SHA-256 and the digests compared with
 * {@link MessageDigest#isEqual}, so neither the content nor the length of the token leaks through
 * timing.
 *
 * <p>Runs on the Undertow thread that handles the exchange (I/O or worker); never blocks.
 */
public final class ManagementAccess implements HttpHandler {

    private static final String BEARER = "Bearer ";

    private final byte[] tokenDigest;
    private final HttpHandler next;

    /**
     * @param token the token; empty for none (loopback clients only)
     * @param next  the guarded handler
     */
    public ManagementAccess(String token, HttpHandler next) {
        this.tokenDigest = token == null || token.isEmpty() ? null : sha256(token);
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        InetSocketAddress source = exchange.getSourceAddress();
        int verdict = check(source == null ? null : source.getAddress(),
                exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION));
        if (verdict == 403) {
            Replies.text(exchange, 403, "forbidden: the management endpoints serve only this machine"
                    + " (loopback) unless management.token is set\n");
            return;
        }
        if (verdict == 401) {
            exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer realm=\"olelo\"");
            Replies.text(exchange, 401, "unauthorized: send Authorization: Bearer <management.token>\n");
            return;
        }
        next.handleRequest(exchange);
    }

    /**
     * The decision for one request.
     *
     * @param source        the client's address, or null when unknown
     * @param authorization the {@code Authorization} header, or null
     * @return 0 to serve it, 401 (no or wrong token) or 403 (not loopback, and no token is set)
     */
    int check(InetAddress source, String authorization) {
        if (tokenDigest == null) {
            return source != null && source.isLoopbackAddress() ? 0 : 403;
        }
        return authorized(authorization) ? 0 : 401;
    }

    private boolean authorized(String header) {
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        return MessageDigest.isEqual(tokenDigest, sha256(header.substring(BEARER.length()).trim()));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
