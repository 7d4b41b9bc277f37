package org.olelo.container.internal.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olelo.api.rpc.RpcCommand;
import org.olelo.api.rpc.RpcCommands;
import org.olelo.api.rpc.RpcException;

/** The JSON-RPC 2.0 dispatcher and the command registry, without HTTP. */
class JsonRpcTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final RpcRegistry registry = new RpcRegistry();
    private final JsonRpc rpc = new JsonRpc(registry);
    private final List<String> calls = new ArrayList<>();

    record Point(int xValue, Instant at) {
    }

    @BeforeEach
    void commands() {
        registry.addContainer(new RpcCommand("demo.sum", List.of("a", "b"), "adds", p -> {
            calls.add("sum");
            return Map.of("sum", p.number("a") + p.number("b", 0));
        }));
        registry.addContainer(new RpcCommand("demo.fail", List.of(), "fails as asked",
                p -> { throw new RpcException(RpcException.NOT_FOUND, "no such thing"); }));
        registry.addContainer(new RpcCommand("demo.bug", List.of(), "throws",
                p -> { throw new IllegalStateException("secret internals at com.example.Foo"); }));
        registry.addContainer(new RpcCommand("demo.record", List.of(), "a record",
                p -> new Point(3, Instant.parse("2026-01-02T03:04:05Z"))));
    }

    private JsonNode call(String body) throws Exception {
        String reply = rpc.handle(body.getBytes(StandardCharsets.UTF_8));
        return reply == null ? null : JSON.readTree(reply);
    }

    @Test
    void namedAndPositionalParams() throws Exception {
        JsonNode r = call("{\"jsonrpc\":\"2.0\",\"method\":\"demo.sum\",\"params\":{\"a\":2,\"b\":\"5\"},\"id\":1}");
        assertEquals(7, r.get("result").get("sum").asInt(), r.toString());
        assertEquals(1, r.get("id").asInt());
        r = call("{\"jsonrpc\":\"2.0\",\"method\":\"demo.sum\",\"params\":[\"40\",2],\"id\":\"x\"}");
        assertEquals(42, r.get("result").get("sum").asInt(), r.toString());
        assertEquals("x", r.get("id").asText());
    }

    @Test
    void errorsHaveTheirCodes() throws Exception {
        assertEquals(-32700, call("{not json").get("error").get("code").asInt());
        assertEquals(-32600, call("{\"jsonrpc\":\"1.0\",\"method\":\"demo.sum\",\"id\":1}").get("error").get("code").asInt());
        assertEquals(-32600, call("{\"jsonrpc\":\"2.0\",\"method\":5,\"id\":1}").get("error").get("code").asInt());
        assertEquals(-32600, call("42").get("error").get("code").asInt());
        assertEquals(-32600, call("[]").get("error").get("code").asInt());
        JsonNode missing = call("{\"jsonrpc\":\"2.0\",\"method\":\"nope.nothing\",\"id\":3}");
        assertEquals(-32601, missing.get("error").get("code").asInt());
        assertEquals(3, missing.get("id").asInt());
        assertEquals(-32602, call("{\"jsonrpc\":\"2.0\",\"method\":\"demo.sum\",\"params\":[1,2,3],\"id\":1}")
                .get("error").get("code").asInt());
        JsonNode unknown = call("{\"jsonrpc\":\"2.0\",\"method\":\"demo.sum\",\"params\":{\"a\":1,\"c\":2},\"id\":1}");
        assertEquals(-32602, unknown.get("error").get("code").asInt());
        assertTrue(unknown.get("error").get("message").asText().contains("'c'"), unknown.toString());
        assertEquals(-32602, call("{\"jsonrpc\":\"2.0\",\"method\":\"demo.sum\",\"params\":{\"a\":\"x\"},\"id\":1}")
                .get("error").get("code").asInt());
        JsonNode failed = call("{\"jsonrpc\":\"2.0\",\"method\":\"demo.fail\",\"id\":1}");
        assertEquals(404, failed.get("error").get("code").asInt());
        assertEquals("no such thing", failed.get("error").get("message").asText());
        JsonNode bug = call("{\"jsonrpc\":\"2.0\",\"method\":\"demo.bug\",\"id\":1}");
        assertEquals(-32603, bug.get("error").get("code").asInt());
        assertEquals("internal error", bug.get("error").get("message").asText(), "nothing internal leaks");
    }

    @Test
    void notificationsGetNoReplyButRun() throws Exception {
        assertNull(call("{\"jsonrpc\":\"2.0\",\"method\":\"demo.sum\",\"params\":[1,1]}"));
        assertEquals(List.of("sum"), calls);
        assertNull(call("[{\"jsonrpc\":\"2.0\",\"method\":\"demo.sum\",\"params\":[1]},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"demo.fail\"}]"), "a batch of notifications only: no reply");
    }

    @Test
    void batchesAnswerEachCallInOrder() throws Exception {
        JsonNode r = call("[{\"jsonrpc\":\"2.0\",\"method\":\"demo.sum\",\"params\":[1,2],\"id\":1},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"demo.sum\",\"params\":[5]},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"nope.x\",\"id\":2}, 7,"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"demo.record\",\"id\":3}]");
        assertEquals(4, r.size(), r.toString());
        assertEquals(3, r.get(0).get("result").get("sum").asInt());
        assertEquals(-32601, r.get(1).get("error").get("code").asInt());
        assertEquals(-32600, r.get(2).get("error").get("code").asInt());
        assertEquals(3, r.get(3).get("result").get("x_value").asInt(), "records get snake_case keys: " + r);
        assertEquals("2026-01-02T03:04:05Z", r.get(3).get("result").get("at").asText());
    }

    @Test
    void namesAreUniqueAndANewVersionTakesOverItsPredecessorsNames() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> registry.addContainer(new RpcCommand("demo.sum", List.of(), "again",
                p -> null)));
        AppRpcCommands v1 = new AppRpcCommands(registry, "app", getClass().getClassLoader());
        AppRpcCommands other = new AppRpcCommands(registry, "other", getClass().getClassLoader());
        v1.register(new RpcCommand("app.hello", List.of(), "v1", p -> "v1"));
        v1.register(new RpcCommand("app.old", List.of(), "v1 only", p -> "old"));
        assertThrows(IllegalArgumentException.class, () -> v1.register(new RpcCommand("app.hello", List.of(), "again", p -> null)));
        assertThrows(IllegalArgumentException.class, () -> other.register(new RpcCommand("app.hello", List.of(), "theft", p -> null)));
        assertThrows(IllegalArgumentException.class, () -> other.register(new RpcCommand("demo.sum", List.of(), "theft", p -> null)));
        assertThrows(IllegalArgumentException.class, () -> other.register(new RpcCommand("nodot", List.of(), "bad", p -> null)));
        AppRpcCommands v2 = new AppRpcCommands(registry, "app", getClass().getClassLoader());
        v2.register(new RpcCommand("app.hello", List.of(), "v2", p -> "v2"));
        assertEquals("v2", call("{\"jsonrpc\":\"2.0\",\"method\":\"app.hello\",\"id\":1}").get("result").asText());
        v1.close();
        assertEquals("v2", call("{\"jsonrpc\":\"2.0\",\"method\":\"app.hello\",\"id\":1}").get("result").asText(),
                "closing the old version leaves the names its successor took");
        assertEquals(-32601, call("{\"jsonrpc\":\"2.0\",\"method\":\"app.old\",\"id\":1}").get("error").get("code").asInt());
        assertEquals(List.of("app.hello"), v2.names());
        RpcCommands.Registration reg = other.register(new RpcCommand("other.x", List.of(), "x", p -> 1));
        reg.remove();
        reg.remove();
        assertEquals(List.of(), other.names());
    }
}
