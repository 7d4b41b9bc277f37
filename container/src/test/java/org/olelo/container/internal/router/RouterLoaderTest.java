package org.olelo.container.internal.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * How the container finds its application router: the default one when no provider is there, a
 * provider in a jar of {@code deploy/lib/} by its services entry, the one the system property
 * names, a warning when several are found, and a refusal to start when the one asked for cannot be
 * had. The routers are real jars built here, never on the test class path.
 */
class RouterLoaderTest {

    @TempDir
    Path tmp;
    private Path lib;
    private LoadedRouter loaded;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(RouterLoader.class);

    @BeforeEach
    void setUp() {
        lib = tmp.resolve("deploy").resolve("lib");
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void tearDown() {
        if (loaded != null) {
            loaded.close();
        }
        logger.detachAppender(log);
    }

    private List<String> lines() {
        synchronized (log) {
            return log.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
        }
    }

    private LoadedRouter load(String providerProperty) throws RouterLoadException {
        Path routing = tmp.resolve("deploy").resolve("routing.properties");
        loaded = RouterLoader.load(providerProperty, lib, routing,
                RouterLoader.properties(tmp.resolve("deploy"), routing, Map.of()), getClass().getClassLoader());
        return loaded;
    }

    private void jar(String name, String services) {
        RouterJars.write(lib.resolve(name), tmp.resolve("scratch-" + name), services);
    }

    @Test
    void theRouterClassesAreNotOnTheTestClassPath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("r.EchoRouterProvider"));
    }

    @Test
    void withoutAProviderTheDefaultRouterReadsTheRoutingFile() throws Exception {
        LoadedRouter r = load(null);
        assertNotNull(r.defaultRouter());
        assertNull(r.libraries(), "no deploy/lib, no class loader");
        assertEquals(List.of("INFO Application router: " + r.origin()), lines());
        assertTrue(r.origin().startsWith("the default router, reading ") && r.origin().contains("routing.properties"),
                r.origin());
    }

    @Test
    void aProviderInAJarOfDeployLibIsFoundByItsServicesEntry() throws Exception {
        jar("echo-router.jar", "r.EchoRouterProvider\n");
        LoadedRouter r = load(null);
        assertNull(r.defaultRouter());
        assertEquals("r.EchoRouter", r.router().getClass().getName());
        assertEquals("r.EchoRouter from the provider r.EchoRouterProvider in " + lib.resolve("echo-router.jar")
                + ", found by its META-INF/services entry", r.origin());
        assertEquals(List.of("INFO Application router: " + r.origin()), lines());
    }

    @Test
    void ofSeveralProvidersTheFirstIsUsedAndAWarningNamesThemAll() throws Exception {
        jar("a-echo.jar", "r.EchoRouterProvider\n");
        jar("b-silent.jar", "# comment\nr.SilentRouterProvider\n");
        Files.writeString(lib.resolve("notes.txt"), "not a jar");
        LoadedRouter r = load(null);
        assertEquals("r.EchoRouter", r.router().getClass().getName());
        String warning = lines().get(0);
        // both jars hold every class: the first one on the path gives them
        assertTrue(warning.startsWith("WARN Several application router providers found: r.EchoRouterProvider in "
                + lib.resolve("a-echo.jar") + ", r.SilentRouterProvider in " + lib.resolve("a-echo.jar")), warning);
        assertTrue(warning.contains("-Djakarta.servlet.sip.ar.spi.SipApplicationRouterProvider=<class>"), warning);
    }

    @Test
    void theSystemPropertyNamesTheProvider() throws Exception {
        jar("routers.jar", "r.EchoRouterProvider\n");
        LoadedRouter r = load("r.SilentRouterProvider");
        assertEquals("r.SilentRouter", r.router().getClass().getName());
        assertTrue(r.origin().endsWith("in " + lib.resolve("routers.jar") + ", named by the system property"
                + " jakarta.servlet.sip.ar.spi.SipApplicationRouterProvider"), r.origin());
    }

    @Test
    void aProviderThatCannotBeHadStopsTheStartWithOneLine() {
        jar("echo.jar", null);
        RouterLoadException missing = assertThrows(RouterLoadException.class, () -> load("r.NoSuchProvider"));
        assertTrue(missing.getMessage().startsWith("the system property jakarta.servlet.sip.ar.spi."
                + "SipApplicationRouterProvider names r.NoSuchProvider, which is neither on the class path nor in a jar of "
                + lib), missing.getMessage());
        RouterLoadException notProvider = assertThrows(RouterLoadException.class, () -> load("r.EchoRouter"));
        assertTrue(notProvider.getMessage().endsWith("names r.EchoRouter, which does not extend"
                + " jakarta.servlet.sip.ar.spi.SipApplicationRouterProvider"), notProvider.getMessage());
        assertTrue(lines().isEmpty(), lines().toString());
    }

    @Test
    void aBrokenServicesEntryStopsTheStart() {
        jar("broken.jar", "r.Missing\n");
        RouterLoadException e = assertThrows(RouterLoadException.class, () -> load(null));
        assertTrue(e.getMessage().contains("cannot be loaded") && e.getMessage().contains("r.Missing"), e.getMessage());
    }

    @Test
    void aRouterThatFailsInInitStopsTheStart() {
        jar("failing.jar", "r.FailingRouterProvider\n");
        RouterLoadException e = assertThrows(RouterLoadException.class, () -> load(null));
        assertEquals("the application router r.FailingRouter failed in init(Properties):"
                + " java.lang.IllegalStateException: no routing database", e.getMessage());
    }

    @Test
    void theRouterPropertiesAreTheRouterKeysAndTheFolders() {
        Path deploy = tmp.resolve("deploy");
        Properties p = RouterLoader.properties(deploy, deploy.resolve("routing.properties"),
                Map.of("app", "echo", "javax.servlet.sip.ar.dar.configuration", "file:///etc/dar.properties"));
        assertEquals("echo", p.getProperty("app"));
        assertEquals("file:///etc/dar.properties", p.getProperty("javax.servlet.sip.ar.dar.configuration"));
        assertEquals(deploy.toAbsolutePath().toString(), p.getProperty(RouterLoader.DEPLOY_DIR_PROPERTY));
        assertEquals(deploy.resolve("routing.properties").toAbsolutePath().toString(),
                p.getProperty(RouterLoader.ROUTING_FILE_PROPERTY));
        assertEquals(4, p.size());
    }
}
