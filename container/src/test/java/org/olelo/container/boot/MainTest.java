package org.olelo.container.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.BindException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Map<String, String> env, Main.Starter starter, String... args) {
        return Main.run(args, env, starter, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private static AutoCloseable neverStarted(ServerConfig c) {
        throw new AssertionError("the server must not start");
    }

    @Test
    void helpListsTheKeysAndExitsZero() {
        assertEquals(0, run(Map.of(), MainTest::neverStarted, "--help"));
        assertTrue(out.toString().contains("--listen"), out.toString());
        assertTrue(out.toString().contains("sip.t1.millis=500"), out.toString());
        assertTrue(out.toString().contains("auth.max.failures=10") && out.toString().contains("db.pool.size=10"),
                out.toString());
        assertTrue(out.toString().contains("subscriber"), "the provisioning command is listed: " + out);
    }

    @Test
    void versionExitsZero() {
        assertEquals(0, run(Map.of(), MainTest::neverStarted, "--version"));
        assertTrue(out.toString().startsWith("Olelo "), out.toString());
    }

    @Test
    void configurationErrorIsOneLineAndExitTwo() {
        int rc = run(Map.of(), MainTest::neverStarted, "--deploy-dir", dir.toString(), "--listen", "udp:::1:5060");
        assertEquals(Main.CONFIG_ERROR, rc);
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("olelo: configuration error: option --listen: listen: "), err.toString());
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(Main.CONFIG_ERROR, run(Map.of(), MainTest::neverStarted, "--lisen", "x"));
        assertEquals(1, err.toString().lines().count(), err.toString());
    }

    @Test
    void flagsReachTheServerConfiguration() {
        ServerConfig[] seen = new ServerConfig[1];
        int rc = run(Map.of("OLELO_UNROUTED_POLICY", "proxy"), c -> {
            seen[0] = c;
            throw new BindException("Address already in use");
        }, "--deploy-dir", dir.toString(), "--listen", "udp:127.0.0.1:5070", "--listen", "tcp:[::1]:5071",
                "--set", "udp.readers=5");
        assertEquals(Main.START_FAILED, rc);
        assertEquals("[udp:127.0.0.1:5070, tcp:[::1]:5071]", seen[0].core().listen().toString());
        assertEquals(5, seen[0].core().udpReaders());
        assertEquals("proxy", seen[0].unroutedPolicy());
        assertTrue(err.toString().contains("Address already in use"), err.toString());
    }
}
