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
import org.olelo.core.flood.Cidr;
import org.olelo.core.flood.FloodSettings;
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
        assertEquals(new TcpLimits(4096, 256, 300, 32), load(Map.of()).core().tcp());
        ServerConfig c = load(Map.of("OLELO_TCP_IDLE_TIMEOUT_SECONDS", "0"),
                "tcp.max.connections=100", "tcp.max.connections.per.address=7", "tcp.message.timeout.seconds=10");
        assertEquals(new TcpLimits(100, 7, 0, 10), c.core().tcp());
    }

    @Test
    void badTcpValuesNameTheirKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> load(Map.of(), "tcp.max.connections=0"));
        assertEquals("tcp.max.connections", e.key());
        e = assertThrows(ConfigException.class, () -> load(Map.of(), "tcp.message.timeout.seconds=0"));
        assertEquals("tcp.message.timeout.seconds", e.key());
    }

    @Test
    void floodDetectionIsOnWithLoopbackExemptAndIsRead() throws Exception {
        FloodSettings d = load(Map.of()).core().flood();
        assertEquals(1000, d.requestsPerSecond());
        assertEquals(60, d.blockSeconds());
        assertEquals(List.of("127.0.0.0/8", "::1"), d.exempt().stream().map(Object::toString).toList());
        ServerConfig c = load(Map.of("OLELO_PIKE_REQUESTS_PER_SECOND", "0"), "pike.block.seconds=5",
                "pike.exempt=192.0.2.0/24, 2001:db8::/32");
        assertEquals(new FloodSettings(0, 5, Cidr.parseList("192.0.2.0/24,2001:db8::/32")), c.core().flood());
        assertEquals(List.of(), load(Map.of(), "pike.exempt=").core().flood().exempt(), "empty: none exempt");
        ConfigException e = assertThrows(ConfigException.class, () -> load(Map.of(), "pike.exempt=sbc.example.com"));
        assertEquals("pike.exempt", e.key());
        assertTrue(e.problem().contains("not an IP address"), e.problem());
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
