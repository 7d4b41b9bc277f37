package org.olelo.container.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.olelo.container.testkit.TestServer;

/** Posts JSON-RPC requests to a test server's HTTP listener. Test thread only. */
final class RpcClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private String token;

    RpcClient(InetSocketAddress address) {
        this.base = "http://127.0.0.1:" + address.getPort();
    }

    RpcClient(TestServer server) {
        this(server.server().operations().http().address());
    }

    RpcClient token(String t) {
        token = t;
        return this;
    }

    /** Any request to a path, with the token when one is set. */
    HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs a body to /rpc. */
    HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return send("POST", "/rpc", body);
    }

    /** Calls a method with positional params (JSON array text, or null) and returns the reply object. */
    JsonNode call(String method, String paramsJson) throws IOException, InterruptedException {
        HttpResponse<String> r = post("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\""
                + (paramsJson == null ? "" : ",\"params\":" + paramsJson) + ",\"id\":1}");
        if (r.statusCode() != 200) {
            throw new AssertionError("HTTP " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** The result of a call that must succeed. */
    JsonNode result(String method, String paramsJson) throws IOException, InterruptedException {
        JsonNode reply = call(method, paramsJson);
        if (!reply.has("result")) {
            throw new AssertionError(method + " failed: " + reply);
        }
        return reply.get("result");
    }

    /** The error of a call that must fail. */
    JsonNode error(String method, String paramsJson) throws IOException, InterruptedException {
        JsonNode reply = call(method, paramsJson);
        if (!reply.has("error")) {
            throw new AssertionError(method + " did not fail: " + reply);
        }
        return reply.get("error");
    }
}
