package org.olelo.transport.ws;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The server side of the WebSocket opening handshake (RFC 6455 §4.2) for SIP (RFC 7118 §4): reads
 * the HTTP request head and decides. Upgraded: a {@code GET} with {@code Upgrade: websocket},
 * {@code Connection: Upgrade}, {@code Sec-WebSocket-Version: 13}, a 16-byte
 * {@code Sec-WebSocket-Key}, the {@code sip} subprotocol among those offered, the configured path
 * and an accepted {@code Origin}. Anything else gets an HTTP error and the connection is closed;
 * the error says what was wrong with the request, nothing about the server.
 *
 * <p>Runs on the connection's reader thread; blocks in the socket read (with the deadline the
 * caller set on the socket).
 */
final class Handshake {

    /** The most bytes a request head may have; browsers send well under 2 KiB. */
    static final int MAX_HEAD_BYTES = 8192;
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /**
     * What to answer.
     *
     * @param status   101 when upgraded, else the HTTP error
     * @param response the bytes to write
     * @param why      for the DEBUG log line of a refusal, null when upgraded
     */
    record Outcome(int status, byte[] response, String why) {
        boolean upgraded() {
            return status == 101;
        }
    }

    /** Thrown when the peer sent no complete request head (closed, too long, not HTTP). */
    static final class Malformed extends IOException {
        Malformed(String message) {
            super(message);
        }
    }

    private Handshake() {
    }

    /**
     * Reads one request head and decides.
     *
     * @param deadlineNanos the {@link System#nanoTime()} by which the head must be complete
     *
     * @throws Malformed   when no request head could be read (the connection is closed without answer)
     * @throws IOException when reading fails
     */
    static Outcome answer(InputStream in, WsSettings settings, long deadlineNanos) throws IOException {
        String head = readHead(in, deadlineNanos);
        String[] lines = head.split("\r\n");
        String[] requestLine = lines[0].split(" ");
        if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/1.")) {
            throw new Malformed("not an HTTP request");
        }
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                return refuse(400, "Bad Request", "a malformed header line", null);
            }
            String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).strip();
            headers.merge(name, value, (a, b) -> a + ", " + b);
        }
        return decide(requestLine[0], requestLine[1], headers, settings);
    }

    private static Outcome decide(String method, String target, Map<String, String> h, WsSettings settings) {
        if (!method.equals("GET")) {
            return refuse(405, "Method Not Allowed", "method " + method, null);
        }
        if (!hasToken(h.get("upgrade"), "websocket") || !hasToken(h.get("connection"), "upgrade")) {
            return refuse(426, "Upgrade Required", "no WebSocket upgrade", "Upgrade: websocket\r\nConnection: Upgrade\r\n");
        }
        if (!"13".equals(h.get("sec-websocket-version"))) {
            return refuse(426, "Upgrade Required", "WebSocket version " + h.get("sec-websocket-version"),
                    "Sec-WebSocket-Version: 13\r\n");
        }
        String key = h.get("sec-websocket-key");
        if (!validKey(key)) {
            return refuse(400, "Bad Request", "no valid Sec-WebSocket-Key", null);
        }
        if (!settings.pathAllowed(target)) {
            return refuse(404, "Not Found", "path " + target, null);
        }
        if (!settings.originAllowed(h.get("origin"))) {
            return refuse(403, "Forbidden", "origin " + h.get("origin") + " is not in ws.origins", null);
        }
        if (!hasToken(h.get("sec-websocket-protocol"), "sip")) {
            return refuse(400, "Bad Request", "the sip subprotocol was not offered (offered: "
                    + h.get("sec-websocket-protocol") + ")", null);
        }
        String response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept(key) + "\r\nSec-WebSocket-Protocol: sip\r\n\r\n";
        return new Outcome(101, response.getBytes(StandardCharsets.US_ASCII), null);
    }

    /** RFC 6455 §4.2.2: base64 of the SHA-1 of the key and the GUID. */
    static String accept(String key) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return Base64.getEncoder().encodeToString(sha1.digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
    }

    private static boolean validKey(String key) {
        if (key == null) {
            return false;
        }
        try {
            return Base64.getDecoder().decode(key).length == 16;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether a comma-separated header value holds the token, without regard to case. */
    private static boolean hasToken(String value, String token) {
        if (value == null) {
            return false;
        }
        for (String t : value.split(",")) {
            if (t.strip().equalsIgnoreCase(token)) {
                return true;
            }
        }
        return false;
    }

    private static Outcome refuse(int status, String reason, String why, String extraHeaders) {
        String body = switch (status) {
            case 403 -> "origin not allowed\n";
            case 404 -> "no WebSocket endpoint here\n";
            case 405, 426 -> "this endpoint takes WebSocket upgrades (RFC 6455) for SIP only\n";
            default -> why.startsWith("the sip subprotocol") ? "the WebSocket subprotocol sip is required (RFC 7118)\n"
                    : "bad WebSocket handshake\n";
        };
        String response = "HTTP/1.1 " + status + " " + reason + "\r\n" + (extraHeaders == null ? "" : extraHeaders)
                + "Content-Type: text/plain\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body;
        return new Outcome(status, response.getBytes(StandardCharsets.US_ASCII), why);
    }

    /** The request head up to the empty line, as ISO-8859-1 text (HTTP header bytes). */
    private static String readHead(InputStream in, long deadlineNanos) throws IOException {
        byte[] buf = new byte[MAX_HEAD_BYTES];
        int n = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new Malformed("closed during the handshake");
            }
            if (System.nanoTime() - deadlineNanos > 0) {
                throw new java.net.SocketTimeoutException("the handshake did not complete within the message timeout");
            }
            if (n == buf.length) {
                throw new Malformed("request head longer than " + MAX_HEAD_BYTES + " bytes");
            }
            buf[n++] = (byte) b;
            if (n >= 4 && buf[n - 1] == '\n' && buf[n - 2] == '\r' && buf[n - 3] == '\n' && buf[n - 4] == '\r') {
                return new String(buf, 0, n - 4, StandardCharsets.ISO_8859_1);
            }
        }
    }
}
