package org.olelo.container.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.testkit.TestServer;

/** {@code olelo ctl} against a running server: output, exit codes 0, 1 and 2, token, method list. */
class CtlCommandTest {

    private static final String TOKEN = "ctl-test-token-0123456";

    @TempDir
    Path tmp;
    private TestServer server;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private int start(String token) throws Exception {
        server = TestServer.builder().routing("# none\n").settings(c -> c.withManagement(c.management()
                .withHttpListen(InetSocketAddress.createUnresolved("127.0.0.1", 0)).withToken(token))).start(tmp);
        return server.server().operations().http().address().getPort();
    }

    private int ctl(Map<String, String> env, int port, String... args) {
        List<String> all = new ArrayList<>(List.of("ctl", "--deploy-dir", tmp.resolve("elsewhere").toString(),
                "--set", "http.listen=127.0.0.1:" + port));
        all.addAll(List.of(args));
        return Main.run(all.toArray(String[]::new), env, c -> { throw new AssertionError("no server start"); },
                new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void printsResultsAndListsMethods() throws Exception {
        int port = start("");
        assertEquals(0, ctl(Map.of(), port, "core.version"), err.toString());
        assertTrue(out.toString().contains("java: " + Runtime.version()), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, ctl(Map.of(), port, "subscriber.add", "alice", "example.com", "pw", "a,b"), err.toString());
        assertEquals("added: alice@example.com\nroles: a, b\n", out.toString().replace("\r", ""));
        out.getBuffer().setLength(0);
        assertEquals(0, ctl(Map.of(), port, "--json", "subscriber.list"), err.toString());
        assertTrue(out.toString().contains("\"user\" : \"alice\""), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, ctl(Map.of(), port), err.toString());
        assertTrue(out.toString().contains("subscriber.add <user> <domain> <password> <roles>\n    adds a subscriber"),
                out.toString());
        assertTrue(out.toString().contains("core.shutdown\n"), out.toString());
    }

    @Test
    void aFailedCommandExitsWith1AndSaysWhy() throws Exception {
        int port = start("");
        assertEquals(1, ctl(Map.of(), port, "subscriber.rm", "nobody", "example.com"));
        assertEquals("olelo: ctl: subscriber.rm: no subscriber nobody@example.com (code 404)\n",
                err.toString().replace("\r", ""));
        err.getBuffer().setLength(0);
        assertEquals(1, ctl(Map.of(), port, "no.such"));
        assertTrue(err.toString().contains("method not found: no.such (code -32601)"), err.toString());
    }

    @Test
    void theTokenComesFromTheConfiguration() throws Exception {
        int port = start(TOKEN);
        assertEquals(1, ctl(Map.of(), port, "core.uptime"));
        assertTrue(err.toString().contains("answered HTTP 401"), err.toString());
        assertEquals(0, ctl(Map.of("OLELO_MANAGEMENT_TOKEN", TOKEN), port, "core.uptime"), err.toString());
        assertTrue(out.toString().contains("uptime_seconds: "), out.toString());
    }

    @Test
    void anUnreachableServerExitsWith2OnOneLine() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        assertEquals(2, ctl(Map.of(), port, "core.version"));
        List<String> lines = err.toString().lines().toList();
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("olelo: ctl: cannot reach the server at http://127.0.0.1:" + port + "/rpc ("),
                lines.get(0));
    }
}
