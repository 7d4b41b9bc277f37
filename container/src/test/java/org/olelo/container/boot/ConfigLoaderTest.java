package org.olelo.container.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.internal.security.AuthSettings;
import org.olelo.container.internal.security.DigestAlgorithm;
import org.olelo.core.transport.ListenAddress;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private Path file(String... lines) throws Exception {
        Path p = dir.resolve(ConfigLoader.FILE_NAME);
        Files.write(p, List.of(lines));
        return p;
    }

    private ConfigLoader loader(Map<String, String> env) {
        return new ConfigLoader(env).deployDir(dir.toString());
    }

    @Test
    void defaultsWhenNothingIsGiven() throws Exception {
        ConfigLoader.Result r = loader(Map.of()).load();
        ServerConfig d = ServerConfig.defaults();
        assertNull(r.file());
        assertEquals(d.core(), r.config().core());
        assertEquals(d.localDomains(), r.config().localDomains());
        assertEquals(dir, r.config().deployDir());
        assertTrue(r.warnings().isEmpty());
    }

    @Test
    void flagsBeatEnvironmentWhichBeatsTheFileWhichBeatsDefaults() throws Exception {
        file("sip.t1.millis=100", "sip.t2.millis=2000", "sip.t4.millis=3000", "udp.readers=3");
        Map<String, String> env = Map.of("OLELO_SIP_T2_MILLIS", "2500", "OLELO_SIP_T1_MILLIS", "200");
        ConfigLoader.Result r = loader(env).flag("--set sip.t1.millis", "sip.t1.millis", "300").load();
        var core = r.config().core();
        assertEquals(300, core.timers().t1(), "flag wins over environment and file");
        assertEquals(2500, core.timers().t2(), "environment wins over file");
        assertEquals(3000, core.timers().t4(), "file wins over default");
        assertEquals(3, core.udpReaders());
        assertEquals(ServerConfig.defaults().core().maxMessageBytes(), core.maxMessageBytes());
        assertEquals(dir.resolve(ConfigLoader.FILE_NAME), r.file());
    }

    @Test
    void everyKeyIsRead() throws Exception {
        file("listen = udp:0.0.0.0:5070, tcp:[::1]:5071",
                "aliases=sip.example.org,Proxy.Example.org",
                "local.domains=example.org",
                "unrouted.policy=PROXY",
                "deploy.poll.millis=250",
                "data.dir=/var/lib/olelo",
                "udp.buffer.bytes=65536",
                "max.message.bytes=8192");
        ServerConfig c = loader(Map.of()).load().config();
        assertEquals(List.of(new ListenAddress("udp", "0.0.0.0", 5070), new ListenAddress("tcp", "::1", 5071)),
                c.core().listen());
        assertEquals(Set.of("sip.example.org", "proxy.example.org"), c.core().aliases());
        assertEquals(Set.of("example.org"), c.localDomains());
        assertEquals("proxy", c.unroutedPolicy());
        assertEquals(250, c.pollMillis());
        assertEquals(Path.of("/var/lib/olelo"), c.dataDir());
        assertEquals(65536, c.core().udpBufferBytes());
        assertEquals(8192, c.core().maxMessageBytes());
    }

    @Test
    void databaseAndAuthenticationKeysAreRead() throws Exception {
        file("db.url=jdbc:postgresql://db.example.org/olelo",
                "db.user=olelo",
                "db.pool.size=20",
                "auth.enabled=FALSE",
                "auth.nonce.seconds=60",
                "auth.max.failures=5",
                "auth.max.failures.source=50",
                "auth.block.seconds=120",
                "auth.algorithms=sha-256, MD5");
        ServerConfig c = loader(Map.of("OLELO_DB_PASSWORD", "hunter2")).load().config();
        assertEquals("jdbc:postgresql://db.example.org/olelo", c.db().url());
        assertEquals("olelo", c.db().user());
        assertEquals("hunter2", c.db().password());
        assertEquals(20, c.db().poolSize());
        assertEquals(new AuthSettings(false, 60, 5, 50, 120, List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5)),
                c.auth());
        assertTrue(!c.toString().contains("hunter2"), "the password never shows: " + c);
        ServerConfig d = loader(Map.of()).deployDir(dir.resolve("none").toString()).load().config();
        assertEquals(List.of(DigestAlgorithm.MD5), d.auth().algorithms());
        assertTrue(d.db().embedded() && d.auth().enabled() && d.auth().nonceSeconds() == 300
                && d.auth().maxFailures() == 10 && d.auth().maxFailuresSource() == 100 && d.auth().blockSeconds() == 60 && d.db().poolSize() == 10, d.toString());
    }

    @Test
    void badDatabaseAndAuthenticationValuesNameTheirKey() throws Exception {
        file("auth.enabled=yes");
        ConfigException e = assertThrows(ConfigException.class, () -> loader(Map.of()).load());
        assertEquals("auth.enabled", e.key());
        assertTrue(e.problem().contains("expected true or false"), e.problem());
        ConfigException alg = assertThrows(ConfigException.class,
                () -> loader(Map.of("OLELO_AUTH_ALGORITHMS", "SHA-512")).deployDir(dir.resolve("none").toString()).load());
        assertEquals("auth.algorithms", alg.key());
        ConfigException source = assertThrows(ConfigException.class, () -> loader(Map.of("OLELO_AUTH_MAX_FAILURES_SOURCE",
                "0")).deployDir(dir.resolve("none").toString()).load());
        assertEquals("auth.max.failures.source", source.key());
        ConfigException url = assertThrows(ConfigException.class,
                () -> loader(Map.of("OLELO_DB_URL", "postgres://u:hunter2@db/olelo")).load());
        assertEquals("db.url", url.key());
        assertTrue(!url.getMessage().contains("hunter2"), "the value may hold a password: " + url.getMessage());
    }

    @Test
    void theDrainTimeIsReadFromFileAndEnvironmentAndZeroIsAllowed() throws Exception {
        assertEquals(14_400, ServerConfig.defaults().drainSeconds(), "4 hours by default");
        assertEquals("14400", ConfigKey.DEPLOY_DRAIN_SECONDS.defaultValue(ServerConfig.defaults()));
        file("deploy.drain.seconds=90");
        assertEquals(90, loader(Map.of()).load().config().drainSeconds());
        assertEquals(0, loader(Map.of("OLELO_DEPLOY_DRAIN_SECONDS", "0")).load().config().drainSeconds());
        ConfigException e = assertThrows(ConfigException.class,
                () -> loader(Map.of("OLELO_DEPLOY_DRAIN_SECONDS", "-1")).load());
        assertEquals("deploy.drain.seconds", e.key());
        assertTrue(e.problem().contains("from 0 to 2592000"), e.problem());
    }

    @Test
    void listenFromEnvironmentWithIpv6() throws Exception {
        ServerConfig c = loader(Map.of("OLELO_LISTEN", "udp:127.0.0.1:5060,tcp:[::1]:5060")).load().config();
        assertEquals(List.of(ListenAddress.parse("udp:127.0.0.1:5060"), new ListenAddress("TCP", "::1", 5060)),
                c.core().listen());
        assertEquals("tcp:[::1]:5060", c.core().listen().get(1).toString());
    }

    @Test
    void badListenValuesSayWhatWasExpected() {
        for (String bad : List.of("udp:127.0.0.1", "sctp:127.0.0.1:5060", "udp:::1:5060", "udp:127.0.0.1:x",
                "udp:127.0.0.1:70000", "udp::5060", "", "udp:127.0.0.1:5060,udp:127.0.0.1:5060")) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> loader(Map.of()).flag("--listen", "listen", bad).load(), bad);
            assertEquals("listen", e.key());
            assertTrue(e.getMessage().startsWith("option --listen: listen: "), e.getMessage());
        }
        ConfigException e = assertThrows(ConfigException.class,
                () -> loader(Map.of()).flag("--listen", "listen", "udp:::1:5060").load());
        assertTrue(e.problem().contains("brackets"), e.problem());
    }

    @Test
    void badValueInTheFileNamesFileLineAndKey() throws Exception {
        Path f = file("# comment", "", "listen=udp:127.0.0.1:5060", "sip.t1.millis = soon");
        ConfigException e = assertThrows(ConfigException.class, () -> loader(Map.of()).load());
        assertEquals(f, e.file());
        assertEquals(4, e.line());
        assertEquals("sip.t1.millis", e.key());
        assertEquals(f + ":4: sip.t1.millis: expected a whole number from 1 to 60000 but found 'soon'",
                e.getMessage());
    }

    @Test
    void lineOfAKeyAfterAContinuedValue() throws Exception {
        file("aliases=a.example.org,\\", "    b.example.org", "unrouted.policy=maybe");
        ConfigException e = assertThrows(ConfigException.class, () -> loader(Map.of()).load());
        assertEquals(3, e.line());
        assertTrue(e.problem().contains("expected reject or proxy"), e.problem());
    }

    @Test
    void badValueInTheEnvironmentNamesTheVariable() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> loader(Map.of("OLELO_UDP_READERS", "0")).load());
        assertEquals("environment OLELO_UDP_READERS: udp.readers: expected a whole number from 1 to 256 but found '0'",
                e.getMessage());
        assertNull(e.file());
    }

    @Test
    void t2BelowT1IsRefused() throws Exception {
        file("sip.t1.millis=500", "sip.t2.millis=400");
        ConfigException e = assertThrows(ConfigException.class, () -> loader(Map.of()).load());
        assertEquals(2, e.line());
        assertEquals("sip.t2.millis", e.key());
    }

    @Test
    void unknownKeysAndVariablesAreWarnedWithTheirLine() throws Exception {
        Path f = file("listn=udp:127.0.0.1:5060", "udp.readers=2", "udp.readers=4");
        ConfigLoader.Result r = loader(Map.of("OLELO_LISTN", "x", "PATH", "/bin")).load();
        assertEquals(4, r.config().core().udpReaders());
        assertEquals(3, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).startsWith(f + ":1: unknown key 'listn' ignored"), r.warnings().get(0));
        assertTrue(r.warnings().get(1).startsWith(f + ":3: udp.readers given again (first at line 2)"));
        assertTrue(r.warnings().get(2).startsWith("environment OLELO_LISTN: unknown variable"));
    }

    @Test
    void variablesOfTheLauncherAndOfLoggingAreNotWarnedAbout() throws Exception {
        ConfigLoader.Result r = loader(Map.of("OLELO_JAVA_OPTS", "-Xmx1g", "OLELO_HEAP", "1g", "OLELO_JAR", "/x/olelo.jar",
                "OLELO_LOG_LEVEL", "DEBUG")).load();
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void unknownKeyOnTheCommandLineIsAnError() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ConfigLoader(Map.of()).flag("--set sip.t9", "sip.t9", "1"));
        assertTrue(e.getMessage().startsWith("option --set sip.t9: sip.t9: unknown key"), e.getMessage());
    }

    @Test
    void routerKeysReachTheRouterWithoutTheirPrefixAndWithTheUsualPrecedence() throws Exception {
        Path f = file("router.app=echo", "router.user=alice", "router.user=bob", "router.Mixed_Case.key=x", "router.=empty");
        Map<String, String> env = Map.of("OLELO_ROUTER_USER", "carol", "OLELO_ROUTER_FALLBACK_HOST", "sbc.example.com");
        ConfigLoader.Result r = loader(env).flag("--set router.app", "router.app", "proxy").load();
        assertEquals(Map.of("app", "proxy", "user", "carol", "Mixed_Case.key", "x", "fallback.host", "sbc.example.com"),
                r.config().router(), "flag over environment over file; OLELO_ROUTER_A_B is router.a.b");
        assertEquals(2, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).startsWith(f + ":3: router.user given again (first at line 2)"), r.warnings().get(0));
        assertTrue(r.warnings().get(1).startsWith(f + ":5: unknown key 'router.' ignored"), r.warnings().get(1));
        assertEquals(Map.of(), ServerConfig.defaults().router());
    }

    @Test
    void explicitConfigFileMustExist() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ConfigLoader(Map.of()).configFile(dir.resolve("missing.properties").toString()).load());
        assertTrue(e.getMessage().startsWith("option --config: "), e.getMessage());
    }

    @Test
    void configFileAndDeployDirFromTheEnvironment() throws Exception {
        Path other = dir.resolve("other.properties");
        Files.writeString(other, "udp.readers=7\n");
        Map<String, String> env = Map.of(ConfigLoader.CONFIG_ENV, other.toString(),
                ConfigLoader.DEPLOY_DIR_ENV, dir.resolve("d").toString());
        ConfigLoader.Result r = new ConfigLoader(env).load();
        assertEquals(other, r.file());
        assertEquals(7, r.config().core().udpReaders());
        assertEquals(dir.resolve("d"), r.config().deployDir());
    }

    @Test
    void everyKeyHasAnEnvironmentNameAndADefault() {
        assertEquals("OLELO_LOCAL_DOMAINS", ConfigKey.LOCAL_DOMAINS.envName());
        assertEquals("udp:127.0.0.1:5060,tcp:127.0.0.1:5060", ConfigKey.LISTEN.defaultValue(ServerConfig.defaults()));
        assertEquals(ConfigKey.values().length, ConfigKey.table(ServerConfig.defaults()).length);
    }
}
