package org.olelo.container.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.core.transport.TcpLimits;

/** The keys of the hardening settings: defaults, reading, bad values, and their documentation. */
class HardeningConfigTest {

    @TempDir
    Path dir;

    private ServerConfig load(Map<String, String> env, String... lines) throws Exception {
        Files.write(dir.resolve(ConfigLoader.FILE_NAME), List.of(lines));
        return new ConfigLoader(env).deployDir(dir.toString()).load().config();
    }

    @Test
    void tcpLimitsHaveDefaultsAndAreRead() throws Exception {
        assertEquals(new TcpLimits(4096, 300, 32), load(Map.of()).core().tcp());
        ServerConfig c = load(Map.of("OLELO_TCP_IDLE_TIMEOUT_SECONDS", "0"),
                "tcp.max.connections=100", "tcp.message.timeout.seconds=10");
        assertEquals(new TcpLimits(100, 0, 10), c.core().tcp());
    }

    @Test
    void badTcpValuesNameTheirKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> load(Map.of(), "tcp.max.connections=0"));
        assertEquals("tcp.max.connections", e.key());
        e = assertThrows(ConfigException.class, () -> load(Map.of(), "tcp.message.timeout.seconds=0"));
        assertEquals("tcp.message.timeout.seconds", e.key());
    }

    @Test
    void everyKeyIsDocumentedInTheShippedPropertiesFileAndTheReadme() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        String properties = Files.readString(root.resolve("deploy").resolve("olelo.properties"));
        String readme = Files.readString(root.resolve("README.md"));
        for (ConfigKey k : ConfigKey.values()) {
            assertTrue(properties.contains("#" + k.key() + "="), k.key() + " in deploy/olelo.properties");
            assertTrue(readme.contains("`" + k.key() + "`"), k.key() + " in README.md");
        }
    }
}
