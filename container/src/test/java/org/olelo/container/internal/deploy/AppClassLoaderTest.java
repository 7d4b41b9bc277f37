package org.olelo.container.internal.deploy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppClassLoaderTest {

    @TempDir
    Path tmp;

    AppClassLoader loader;

    @BeforeEach
    void setUp() throws Exception {
        Path root = TestApps.app()
                .java("iso.Probe", """
                        package iso;
                        public class Probe {
                            public static String tryLoad(String name) {
                                try {
                                    return Class.forName(name).getClassLoader() == Probe.class.getClassLoader() ? "app" : "parent";
                                } catch (ClassNotFoundException e) {
                                    return "hidden";
                                }
                            }
                        }
                        """)
                .java("picocli.CommandLine", "package picocli; public class CommandLine { }")
                .java("jakarta.servlet.sip.OwnExtra", "package jakarta.servlet.sip; public class OwnExtra { }")
                .file("WEB-INF/classes/logback.xml", "<configuration/>")
                .writeFolder(tmp.resolve("app"));
        Path libSrc = TestApps.app().java("lib.Util", "package lib; public class Util { }").writeFolder(tmp.resolve("lib"));
        Files.createDirectories(root.resolve("WEB-INF/lib"));
        TestApps.zip(libSrc.resolve("WEB-INF/classes"), root.resolve("WEB-INF/lib/util.jar"));
        loader = new AppClassLoader("iso", root, getClass().getClassLoader());
    }

    @AfterEach
    void tearDown() throws Exception {
        loader.close();
    }

    private String probe(String name) throws Exception {
        return (String) loader.loadClass("iso.Probe").getMethod("tryLoad", String.class).invoke(null, name);
    }

    @Test
    void containerInternalsAreHidden() throws Exception {
        for (String hidden : new String[] {"org.olelo.container.internal.deploy.AppDeployer",
            "org.jboss.weld.environment.se.Weld", "ch.qos.logback.classic.Logger", "javax.sip.SipStack",
            "gov.nist.javax.sip.SipStackImpl", "picocli.CommandLine$Option"}) {
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass(hidden), hidden);
            assertEquals("hidden", probe(hidden), hidden);
        }
        assertNull(loader.getResource("org/olelo/container/internal/deploy/AppDeployer.class"));
        assertTrue(Collections.list(loader.getResources("META-INF/services/org.slf4j.spi.SLF4JServiceProvider")).isEmpty());
    }

    @Test
    void apiTypesAreSharedWithTheContainer() throws Exception {
        assertSame(jakarta.servlet.sip.SipServlet.class, loader.loadClass("jakarta.servlet.sip.SipServlet"));
        assertSame(jakarta.servlet.Servlet.class, loader.loadClass("jakarta.servlet.Servlet"));
        assertSame(jakarta.inject.Inject.class, loader.loadClass("jakarta.inject.Inject"));
        assertSame(org.slf4j.Logger.class, loader.loadClass("org.slf4j.Logger"));
        assertSame(org.olelo.api.rpc.RpcCommands.class, loader.loadClass("org.olelo.api.rpc.RpcCommands"));
        assertSame(org.olelo.api.stats.Statistics.class, loader.loadClass("org.olelo.api.stats.Statistics"));
        assertSame(String.class, loader.loadClass("java.lang.String"));
        assertSame(javax.xml.parsers.DocumentBuilder.class, loader.loadClass("javax.xml.parsers.DocumentBuilder"));
        assertEquals("parent", probe("jakarta.servlet.sip.SipServletRequest"));
        assertNotNull(loader.getResource("jakarta/servlet/sip/SipServlet.class"));
    }

    @Test
    void applicationClassesComeFirstFromClassesThenLib() throws Exception {
        assertSame(loader, loader.loadClass("picocli.CommandLine").getClassLoader(), "child first");
        assertSame(loader, loader.loadClass("lib.Util").getClassLoader());
        assertSame(loader, loader.loadClass("jakarta.servlet.sip.OwnExtra").getClassLoader(),
                "jakarta classes the container lacks come from the application");
        assertEquals("app", probe("lib.Util"));
        assertNotNull(loader.getResource("logback.xml"));
        assertTrue(loader.getResource("logback.xml").toString().contains("WEB-INF/classes"));
    }
}
