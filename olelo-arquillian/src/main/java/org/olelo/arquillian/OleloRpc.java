package org.olelo.arquillian;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calls of the server's JSON-RPC management endpoint ({@code POST /rpc} on the HTTP listener,
 * served to loopback clients without a token): {@code app.deploy}, {@code app.undeploy} and
 * {@code router.reload}, the same commands an operator uses. Results are read for the few string
 * fields the adapter needs.
 */
final class OleloRpc {

    private static final Pattern ERROR = Pattern.compile("\"error\"\\s*:\\s*\\{.*?\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"", Pattern.DOTALL);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;

    OleloRpc(int httpPort) {
        endpoint = URI.create("http://127.0.0.1:" + httpPort + "/rpc");
    }

    /**
     * Calls a method with string parameters given as name, value, name, value...
     *
     * @return the response's JSON text
     * @throws IOException when the server cannot be reached or answers with an error (its message)
     */
    String call(String method, String... params) throws IOException {
        StringBuilder body = new StringBuilder("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"").append(method).append("\",\"params\":{");
        for (int i = 0; i + 1 < params.length; i += 2) {
            body.append(i == 0 ? "" : ",").append(quote(params[i])).append(':').append(quote(params[i + 1]));
        }
        body.append("}}");
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        String answer;
        try {
            answer = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling " + method, e);
        }
        Matcher error = ERROR.matcher(answer);
        if (error.find()) {
            throw new IOException(method + ": " + error.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
        }
        return answer;
    }

    /** @return the value of a string field of a JSON text, or null */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    /** @return waits until the endpoint answers, at most {@code timeout} */
    boolean awaitUp(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                call("core.version");
                return true;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        return false;
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return sb.append('"').toString();
    }
}
