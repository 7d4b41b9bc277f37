package org.olelo.container.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.api.rpc.RpcCommand;
import org.olelo.container.internal.http.HttpListenException;
import org.olelo.container.testkit.TestServer;

/**
 * The HTTP listener of a running server: the management endpoints' access rules (loopback only,
 * bearer token), the JSON-RPC endpoint's HTTP behaviour, paths mounted while it runs, the thread
 * handlers run on, and the start refused or failed on one line.
 */
class ManagementEndpointTest {

    private static final String TOKEN = "a-management-token-0123";

    @TempDir
    Path tmp;
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private TestServer start(String token) throws Exception {
        server = TestServer.builder().routing("# none\n").settings(c -> c.withManagement(c.management()
                .withHttpListen(InetSocketAddress.createUnresolved("127.0.0.1", 0)).withToken(token))).start(tmp);
        return server;
    }

    @Test
    void loopbackClientsAreServedWithoutAToken() throws Exception {
        start("");
        RpcClient rpc = new RpcClient(server);
        JsonNode v = rpc.result("core.version", null);
        assertEquals(Runtime.version().toString(), v.get("java").asText());
        assertTrue(v.has("version"), v.toString());
        HttpResponse<String> r = rpc.post("{\"jsonrpc\":\"2.0\",\"method\":\"core.uptime\",\"id\":7}");
        assertEquals(200, r.statusCode());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
        assertEquals(204, rpc.post("{\"jsonrpc\":\"2.0\",\"method\":\"core.uptime\"}").statusCode(), "a notification");
        HttpResponse<String> get = rpc.send("GET", "/rpc", null);
        assertEquals(405, get.statusCode());
        assertEquals("POST", get.headers().firstValue("Allow").orElse(""));
        assertEquals(404, rpc.send("GET", "/nothing", null).statusCode());
        HttpResponse<String> big = rpc.post("[" + "1,".repeat(600_000) + "1]");
        assertEquals(413, big.statusCode(), "a body over 1 MiB is refused");
        HttpResponse<String> bad = rpc.post("{\"jsonrpc\":");
        assertEquals(200, bad.statusCode(), bad.body());
        assertEquals(-32700, RpcClient.JSON.readTree(bad.body()).get("error").get("code").asInt(), bad.body());
    }

    @Test
    void withATokenEveryRequestNeedsIt() throws Exception {
        start(TOKEN);
        RpcClient anonymous = new RpcClient(server);
        HttpResponse<String> r = anonymous.post("{\"jsonrpc\":\"2.0\",\"method\":\"core.version\",\"id\":1}");
        assertEquals(401, r.statusCode(), "loopback is not enough once a token is set");
        assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"), r.headers().map().toString());
        assertFalse(r.body().contains("version"));
        assertEquals(401, new RpcClient(server).token(TOKEN + "x").post("{}").statusCode());
        assertEquals(401, new RpcClient(server).token("short").post("{}").statusCode());
        assertEquals("2.0", new RpcClient(server).token(TOKEN).call("core.version", null).get("jsonrpc").asText());
    }

    @Test
    void pathsMountedWhileRunningAreServedAndGuarded() throws Exception {
        start(TOKEN);
        server.server().operations().routes().managementText("/probe", "text/plain; version=0.0.4",
                () -> "olelo_up 1\n");
        HttpResponse<String> r = new RpcClient(server).token(TOKEN).send("GET", "/probe", null);
        assertEquals(200, r.statusCode());
        assertEquals("olelo_up 1\n", r.body());
        assertEquals(401, new RpcClient(server).send("GET", "/probe", null).statusCode());
    }

    @Test
    void commandsRunOnHttpWorkerThreadsAndTheirFailuresStayInside() throws Exception {
        start("");
        server.server().operations().commands().addContainer(new RpcCommand("test.thread", List.of(), "thread name",
                p -> Map.of("thread", Thread.currentThread().getName())));
        server.server().operations().commands().addContainer(new RpcCommand("test.boom", List.of(), "throws",
                p -> { throw new IllegalStateException("org.example.Secret"); }));
        RpcClient rpc = new RpcClient(server);
        String thread = rpc.result("test.thread", null).get("thread").asText();
        assertTrue(thread.startsWith("XNIO-") && thread.contains("task"), "an Undertow worker: " + thread);
        HttpResponse<String> r = rpc.post("{\"jsonrpc\":\"2.0\",\"method\":\"test.boom\",\"id\":1}");
        assertEquals(200, r.statusCode());
        assertFalse(r.body().contains("Secret") || r.body().contains("Exception"), r.body());
    }

    @Test
    void aListenerAddressInUseFailsTheStartOnOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            HttpListenException e = assertThrows(HttpListenException.class, () -> TestServer.builder()
                    .routing("# none\n").settings(c -> c.withManagement(c.management()
                            .withHttpListen(InetSocketAddress.createUnresolved("127.0.0.1", port)))).start(tmp));
            assertEquals("http.listen 127.0.0.1:" + port + ": address already in use or not available (choose another"
                    + " address with http.listen, or leave it empty for no HTTP listener)", e.getMessage());
        }
    }
}
