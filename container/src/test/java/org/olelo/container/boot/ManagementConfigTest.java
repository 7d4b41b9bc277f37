package org.olelo.container.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keys of the HTTP listener and the management endpoints, and the start they refuse. */
class ManagementConfigTest {

    private static final String TOKEN = "a-management-token-0123";

    @TempDir
    Path tmp;

    @Test
    void aNonLoopbackListenerWithoutATokenRefusesToStartOnOneLine() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = Main.run(new String[] {"--deploy-dir", tmp.resolve("deploy").toString(), "--data-dir",
            tmp.resolve("data").toString(), "--listen", "udp:127.0.0.1:0", "--set", "http.listen=0.0.0.0:0"},
                Map.of(), c -> { throw new AssertionError("must not start"); }, new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertEquals(Main.CONFIG_ERROR, rc);
        List<String> lines = err.toString().lines().toList();
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("olelo: configuration error: option --set http.listen: http.listen: '0.0.0.0:0'"
                + " is not a loopback address"), lines.get(0));
    }

    @Test
    void keysAreReadFromEveryPlace() throws Exception {
        ServerConfig d = new ConfigLoader(Map.of()).deployDir(tmp.toString()).load().config();
        assertEquals("127.0.0.1:8080", d.management().listenText(), "the default");
        assertEquals(30, d.management().shutdownDrainSeconds());
        ServerConfig withToken = new ConfigLoader(Map.of("OLELO_MANAGEMENT_TOKEN", TOKEN)).deployDir(tmp.toString())
                .flag("--set http.listen", "http.listen", "[::]:9090")
                .flag("--set shutdown.drain.seconds", "shutdown.drain.seconds", "5").load().config();
        assertEquals(TOKEN, withToken.management().token(), "with a token any address is allowed");
        assertEquals("[::]:9090", withToken.management().listenText());
        assertEquals(5, withToken.management().shutdownDrainSeconds());
        assertNull(new ConfigLoader(Map.of("OLELO_HTTP_LISTEN", "")).deployDir(tmp.toString()).load().config()
                .management().httpListen(), "empty: no listener");
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader(Map.of()).deployDir(tmp.toString())
                .flag("--set management.token", "management.token", "short").load());
        assertTrue(e.getMessage().startsWith("option --set management.token: management.token: expected 16 to 512"),
                e.getMessage());
        assertTrue(!e.getMessage().contains("short"), "a token is never echoed");
        assertThrows(ConfigException.class, () -> new ConfigLoader(Map.of("OLELO_HTTP_LISTEN", "127.0.0.1"))
                .deployDir(tmp.toString()).load());
    }
}
