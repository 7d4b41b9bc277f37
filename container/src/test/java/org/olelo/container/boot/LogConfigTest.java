package org.olelo.container.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.internal.trace.TraceSettings;

/** The {@code log.*} and {@code trace.*} keys: read from every place, their defaults, their errors. */
class LogConfigTest {

    @TempDir
    Path dir;

    private ConfigLoader.Result load(Map<String, String> env, String... lines) throws Exception {
        Files.write(dir.resolve(ConfigLoader.FILE_NAME), List.of(lines));
        return new ConfigLoader(env).deployDir(dir.toString()).load();
    }

    @Test
    void defaultsAreTheCallLogAndNoTrace() throws Exception {
        LogSettings l = load(Map.of()).config().log();
        assertEquals(LogSettings.defaults(), l);
        assertTrue(l.calls());
        assertEquals(TraceSettings.NONE, l.trace());
        assertEquals(Path.of("data", "sip-trace.log"), l.trace().fileIn(Path.of("data")));
        ServerConfig d = ServerConfig.defaults();
        assertEquals("true", ConfigKey.LOG_CALLS.defaultValue(d));
        assertEquals("", ConfigKey.TRACE_USERS.defaultValue(d));
        assertEquals("", ConfigKey.TRACE_FILE.defaultValue(d));
        assertEquals("", ConfigKey.TRACE_HEP_ADDRESS.defaultValue(d));
        assertEquals("1", ConfigKey.TRACE_HEP_ID.defaultValue(d));
        assertEquals("OLELO_TRACE_HEP_ADDRESS", ConfigKey.TRACE_HEP_ADDRESS.envName());
    }

    @Test
    void everyKeyIsRead() throws Exception {
        ConfigLoader.Result r = load(Map.of("OLELO_TRACE_HEP_ID", "2001"),
                "log.calls=false",
                "trace.users=alice, sip:Bob@Example.com,alice",
                "trace.calls=a84b4c76e66710@pc33.example.com,xyz",
                "trace.file=/var/log/olelo/trace.txt",
                "trace.hep.address=[2001:db8::5]:9060");
        LogSettings l = r.config().log();
        assertEquals(false, l.calls());
        assertEquals(new TraceSettings(List.of("alice", "bob@example.com"), List.of("a84b4c76e66710@pc33.example.com", "xyz"),
                Path.of("/var/log/olelo/trace.txt"), InetSocketAddress.createUnresolved("2001:db8::5", 9060), 2001), l.trace());
        assertEquals(List.of("user:alice", "user:bob@example.com", "call:a84b4c76e66710@pc33.example.com", "call:xyz"),
                l.trace().filters().stream().map(Object::toString).toList());
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        ServerConfig c = load(Map.of(), "trace.hep.address=homer.example.net:9060", "trace.file=").config();
        assertEquals(InetSocketAddress.createUnresolved("homer.example.net", 9060), c.log().trace().hep());
        assertNull(c.log().trace().file(), "empty: the default file");
    }

    @Test
    void theLoggingVariablesAreNotUnknown() throws Exception {
        ConfigLoader.Result r = load(Map.of("OLELO_LOG_FORMAT", "json", "OLELO_LOG_LIBRARIES", "INFO",
                "OLELO_LOG_CALLS_FILE", "calls.log"));
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void badValuesNameTheirKeyAndWhatWasExpected() throws Exception {
        String[][] cases = {
            {"trace.hep.address=homer", "trace.hep.address", "expected host:port"},
            {"trace.hep.address=homer:0", "trace.hep.address", "expected host:port"},
            {"trace.hep.address=::1:9060", "trace.hep.address", "expected host:port"},
            {"trace.hep.id=-1", "trace.hep.id", "from 0 to 4294967295"},
            {"trace.hep.id=4294967296", "trace.hep.id", "from 0 to 4294967295"},
            {"trace.users=al ice", "trace.users", "expected users such as alice"},
            {"trace.users=@example.com", "trace.users", "expected users such as alice"},
            {"trace.users=a@b@c", "trace.users", "expected users such as alice"},
            {"trace.calls=a b", "trace.calls", "expected Call-IDs"},
            {"log.calls=maybe", "log.calls", "expected true or false"},
        };
        for (String[] c : cases) {
            ConfigException e = assertThrows(ConfigException.class, () -> load(Map.of(), c[0]), c[0]);
            assertEquals(c[1], e.key(), c[0]);
            assertTrue(e.problem().contains(c[2]), c[0] + ": " + e.problem());
        }
    }
}
