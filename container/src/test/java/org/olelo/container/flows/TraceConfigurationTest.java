package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.boot.ConfigLoader;
import org.olelo.container.boot.ConfigWatcher;
import org.olelo.container.boot.OleloServer;
import org.olelo.container.boot.ServerConfig;
import org.olelo.container.internal.trace.TraceFilter;
import org.olelo.core.transport.InMemoryTransport;

/**
 * The {@code trace.*} keys of the configuration file while the server runs: read at start,
 * applied again when the file changes (only the traces the file names are started and stopped,
 * each change is logged), a file that cannot be used changes nothing, the environment keeps its
 * precedence, and the server's own watch thread notices a change without being asked.
 */
class TraceConfigurationTest {

    @TempDir
    Path tmp;
    private OleloServer server;
    private Path file;
    private long version;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private ConfigWatcher start(Map<String, String> env, String properties) throws Exception {
        Path deploy = tmp.resolve("deploy");
        Files.createDirectories(deploy.resolve("apps"));
        Files.writeString(deploy.resolve("routing.properties"), "");
        file = deploy.resolve("olelo.properties");
        write(properties);
        ConfigLoader loader = new ConfigLoader(env).deployDir(deploy.toString())
                .flag("test", "data.dir", tmp.resolve("data").toString())
                .flag("test", "listen", "udp:127.0.0.1:0")
                .flag("test", "http.listen", "");
        ServerConfig cfg = loader.load().config();
        server = OleloServer.start(cfg, host -> new InetAddress[] {InetAddress.getLoopbackAddress()},
                List.of(InMemoryTransport.udp()));
        return server.watchConfiguration(file, () -> loader.load().config());
    }

    /** Rewrites the file with a modification time that always differs from the last one. */
    private void write(String text) throws Exception {
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000_000_000L + ++version * 1000));
    }

    private List<String> active() {
        return server.trace().active().stream().map(TraceFilter::toString).toList();
    }

    @Test
    void traceKeysApplyWhileTheServerRuns() throws Exception {
        ConfigWatcher w = start(Map.of(), "trace.users=alice\n");
        assertEquals(List.of("user:alice"), active(), "read at start");
        assertFalse(w.checkIfChanged(), "nothing changed yet");
        server.trace().start(TraceFilter.user("zed"));
        try (LogCapture log = new LogCapture("org.olelo.container.boot.ConfigWatcher", Level.INFO)) {
            write("trace.users=bob\ntrace.calls=abc@host\ntrace.hep.address=127.0.0.1:9060\ntrace.hep.id=7\n");
            assertTrue(w.checkIfChanged());
            assertEquals(List.of("user:zed", "user:bob", "call:abc@host"), active(),
                    "alice stopped, bob and the call started, the trace started otherwise left alone");
            String line = log.messages().get(0);
            assertTrue(line.contains(file + " changed: trace.hep.address=127.0.0.1:9060 trace.hep.id=7, stopped user:alice,"
                    + " started user:bob, started call:abc@host"), line);

            write("trace.users=bob\ntrace.calls=abc@host\ntrace.hep.address=nonsense\n");
            assertFalse(w.checkIfChanged(), "a value that cannot be used");
            assertEquals(List.of("user:zed", "user:bob", "call:abc@host"), active());
            assertTrue(log.messages().get(1).contains("cannot be used") && log.messages().get(1).contains("trace.hep.address"),
                    log.messages().get(1));
            assertEquals(Level.WARN, log.events().get(1).getLevel());

            write("sip.t1.millis=250\n");
            assertTrue(w.checkIfChanged());
            assertEquals(List.of("user:zed"), active(), "the file no longer names any trace");
            assertTrue(log.messages().stream().anyMatch(m -> m.contains("settings other than trace.* take effect at the next start")),
                    log.messages().toString());
            assertEquals(Path.of(tmp.resolve("data").toString(), "sip-trace.log"), server.trace().file());
        }
    }

    @Test
    void theEnvironmentKeepsItsPrecedence() throws Exception {
        ConfigWatcher w = start(Map.of("OLELO_TRACE_USERS", "carol"), "trace.users=alice\n");
        assertEquals(List.of("user:carol"), active());
        write("trace.users=bob\ntrace.file=" + tmp.resolve("other.log").toString().replace("\\", "/") + "\n");
        assertTrue(w.checkIfChanged());
        assertEquals(List.of("user:carol"), active());
        assertEquals(tmp.resolve("other.log"), server.trace().file(), "trace.file is not set by the environment");
    }

    @Test
    void aReloadThatFailsChangesNothing() throws Exception {
        start(Map.of(), "trace.users=alice\n");
        ConfigWatcher w = server.watchConfiguration(file, () -> {
            throw new IllegalStateException("the loader broke");
        });
        try (LogCapture log = new LogCapture("org.olelo.container.boot.ConfigWatcher", Level.WARN)) {
            write("trace.users=bob\n");
            assertFalse(w.checkIfChanged());
            assertTrue(log.messages().get(0).contains("cannot be used: the loader broke"), log.messages().toString());
        }
        assertEquals(List.of("user:alice"), active());
    }

    @Test
    void theWatchThreadNoticesTheChange() throws Exception {
        start(Map.of(), "deploy.poll.millis=20\n");
        assertEquals(List.of(), active());
        try (LogCapture log = new LogCapture("org.olelo.container.boot.ConfigWatcher", Level.INFO)) {
            write("deploy.poll.millis=20\ntrace.calls=xyz@host\n");
            assertFalse(log.await("started call:xyz@host", 5000).isEmpty(), log.messages().toString());
        }
        assertEquals(List.of("call:xyz@host"), active());
    }
}
