package org.olelo.container.internal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deployment finds and checks an application's {@code @SipApplicationKey} method. */
class ApplicationKeyMethodTest {

    private static final String SERVLET = """
            package k;
            public class S extends jakarta.servlet.sip.SipServlet { }
            """;
    private static final String SIP_XML = """
            <sip-app><app-name>%s</app-name>
              <servlet><servlet-name>s</servlet-name><servlet-class>k.S</servlet-class></servlet>
            </sip-app>
            """;

    @TempDir
    Path tmp;
    private Path apps;
    private AppDeployer deployer;
    private final AppRegistry registry = new AppRegistry();

    @BeforeEach
    void setUp() throws Exception {
        apps = Files.createDirectories(tmp.resolve("apps"));
        deployer = new AppDeployer(apps, tmp.resolve("work"), new Fakes.Services(), registry, 50);
    }

    @AfterEach
    void tearDown() {
        deployer.stop();
    }

    private void write(String name, String keysSource) {
        TestApps.app().java("k.S", SERVLET).java("k.Keys", keysSource).sipXml(SIP_XML.formatted(name))
                .writeFolder(apps.resolve(name));
    }

    private static String keys(String methods) {
        return "package k;\nimport jakarta.servlet.sip.SipServletRequest;\nimport jakarta.servlet.sip.annotation.SipApplicationKey;\n"
                + "public class Keys {\n" + methods + "\n}\n";
    }

    private String failure(String name) {
        return deployer.failures().get(apps.resolve(name)).reason();
    }

    @Test
    void aWellFormedKeyMethodIsFoundAndCalled() throws Exception {
        write("good", keys("@SipApplicationKey public static String key(SipServletRequest r) { return \"fixed\"; }"));
        deployer.start();
        DeployedApp app = registry.get("good");
        assertNotNull(app, () -> "failures: " + deployer.failures());
        assertNotNull(app.applicationKeyMethod());
        assertEquals("fixed", app.applicationKeyMethod().key(null));
    }

    @Test
    void anApplicationWithoutKeyMethodHasNone() throws Exception {
        write("plain", keys("public static String key(SipServletRequest r) { return \"x\"; }"));
        deployer.start();
        assertNull(registry.get("plain").applicationKeyMethod());
    }

    @Test
    void aKeyMethodWithTheWrongSignatureFailsDeployment() throws Exception {
        write("notstatic", keys("@SipApplicationKey public String key(SipServletRequest r) { return \"x\"; }"));
        write("wrongarg", keys("@SipApplicationKey public static String key(String r) { return \"x\"; }"));
        write("wrongtype", keys("@SipApplicationKey public static Object key(SipServletRequest r) { return \"x\"; }"));
        write("notpublic", keys("@SipApplicationKey static String key(SipServletRequest r) { return \"x\"; }"));
        deployer.start();
        for (String name : new String[] {"notstatic", "wrongarg", "wrongtype", "notpublic"}) {
            assertNull(registry.get(name), name);
            assertTrue(failure(name).contains("public static String name(SipServletRequest)"), failure(name));
        }
    }

    @Test
    void twoKeyMethodsFailDeploymentUnlessOneNamesAnotherApplication() throws Exception {
        write("two", keys("@SipApplicationKey public static String a(SipServletRequest r) { return \"a\"; }\n"
                + "@SipApplicationKey public static String b(SipServletRequest r) { return \"b\"; }"));
        write("other", keys("@SipApplicationKey public static String a(SipServletRequest r) { return \"a\"; }\n"
                + "@SipApplicationKey(applicationName = \"elsewhere\") public static String b(SipServletRequest r) { return \"b\"; }"));
        deployer.start();
        assertNull(registry.get("two"));
        assertTrue(failure("two").contains("found two"), failure("two"));
        DeployedApp other = registry.get("other");
        assertNotNull(other, () -> "failures: " + deployer.failures());
        assertEquals("a", other.applicationKeyMethod().key(null));
    }
}
