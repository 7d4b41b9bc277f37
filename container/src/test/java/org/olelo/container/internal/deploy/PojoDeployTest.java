package org.olelo.container.internal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.Servlet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.internal.pojo.PojoServlet;

/**
 * Deployment of SIP servlet POJOs: bad handler signatures fail with the class and method named,
 * listeners hear every servlet's initialisation (POJO or not, loaded at start-up or not), sip.xml
 * mappings may name annotated servlets, and each servlet declaration has its own instance.
 */
class PojoDeployTest {

    private static final String IMPORTS = """
            import jakarta.servlet.sip.*;
            import jakarta.servlet.sip.annotation.*;
            import jakarta.servlet.sip.annotation.SipServlet;
            """;

    @TempDir
    Path tmp;
    Path apps;
    final AppRegistry registry = new AppRegistry();
    AppDeployer deployer;

    @BeforeEach
    void setUp() throws Exception {
        apps = Files.createDirectories(tmp.resolve("apps"));
        deployer = new AppDeployer(apps, tmp.resolve("work"), new Fakes.Services(), registry, 50);
    }

    @AfterEach
    void tearDown() {
        deployer.stop();
    }

    private String failureOf(String folder) {
        DeployProblem p = deployer.failures().get(apps.resolve(folder));
        assertNotNull(p, () -> "expected " + folder + " to fail; failures: " + deployer.failures());
        return p.reason();
    }

    @Test
    void everyBadHandlerIsReportedWithItsClassAndMethod() throws Exception {
        TestApps.app().java("t.Bad", "package t;\n" + IMPORTS + """
                @SipServlet
                public class Bad {
                    public static class ForResponses implements jakarta.servlet.sip.Predicate<SipServletResponse> {
                        public boolean apply(SipServletResponse r) { return true; }
                    }
                    public static class NoDefault implements jakarta.servlet.sip.Predicate<SipServletRequest> {
                        public NoDefault(String x) { }
                        public boolean apply(SipServletRequest r) { return true; }
                    }
                    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
                    @SipPredicate(ForResponses.class) public @interface OnResponses { }
                    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
                    @SipPredicate(NoDefault.class) public @interface Unbuildable { }
                    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
                    @SipResponseRange(begin = 300, end = 200) public @interface Backwards { }

                    @Invite public void twoArgs(SipServletRequest a, SipServletResponse b) { }
                    @Bye public void noArgs() { }
                    @Message public void wrongType(String s) { }
                    @SuccessResponse public void successOnRequest(SipServletRequest r) { }
                    @Options public static void staticOne(SipServletRequest r) { }
                    @Info @OnResponses public void predicateOfTheWrongKind(SipServletRequest r) { }
                    @Refer @Unbuildable public void predicateWithoutConstructor(SipServletRequest r) { }
                    @Backwards public void backwards(SipServletResponse r) { }
                    @Register public void first(SipServletRequest r) { }
                    @Register public void second(SipServletRequest r) { }
                }
                """).writeFolder(apps.resolve("bad"));
        deployer.start();
        assertNull(registry.get("bad"));
        String reason = failureOf("bad");
        for (String expected : List.of(
                "t.Bad.twoArgs: expected one parameter, SipServletRequest or SipServletResponse, but found "
                        + "(SipServletRequest, SipServletResponse)",
                "t.Bad.noArgs: expected one parameter", "t.Bad.wrongType: expected one parameter",
                "t.Bad.successOnRequest: a status code or range annotation needs a SipServletResponse parameter",
                "t.Bad.staticOne: expected an instance method",
                "t.Bad.predicateOfTheWrongKind: predicate t.Bad$ForResponses tests SipServletResponse",
                "t.Bad.predicateWithoutConstructor: predicate t.Bad$NoDefault has no public no-argument constructor",
                "t.Bad.backwards: expected a status range from a lower to a higher code but found 300 to 200",
                "t.Bad.first(SipServletRequest) and t.Bad.second(SipServletRequest) accept the same messages")) {
            assertTrue(reason.contains(expected), () -> "missing '" + expected + "' in: " + reason);
        }
    }

    @Test
    void aPojoWithoutHandlersIsRefused() throws Exception {
        TestApps.app().java("t.Idle", "package t;\n" + IMPORTS + """
                @SipServlet
                public class Idle {
                    public void invite(SipServletRequest r) { }
                }
                """).writeFolder(apps.resolve("idle"));
        deployer.start();
        String reason = failureOf("idle");
        assertTrue(reason.contains("t.Idle neither implements jakarta.servlet.Servlet nor has a method annotated"),
                reason);
    }

    @Test
    void aSipXmlServletClassThatIsNeitherServletNorPojoIsRefused() throws Exception {
        TestApps.app().java("t.Plain", "package t;\npublic class Plain { }\n").sipXml("""
                <sip-app><servlet><servlet-name>p</servlet-name><servlet-class>t.Plain</servlet-class></servlet></sip-app>
                """).writeFolder(apps.resolve("plain"));
        deployer.start();
        assertTrue(failureOf("plain").contains("t.Plain neither implements jakarta.servlet.Servlet"),
                deployer.failures()::toString);
    }

    @Test
    @SuppressWarnings("unchecked")
    void listenersHearEveryServletAndMappingsMayNameAnnotatedServlets() throws Exception {
        TestApps.app()
                .java("l.Eager", "package l;\n" + IMPORTS + """
                        @SipServlet(name = "eager", loadOnStartup = 1)
                        public class Eager extends jakarta.servlet.sip.SipServlet { }
                        """)
                .java("l.Lazy", "package l;\npublic class Lazy extends jakarta.servlet.sip.SipServlet { }\n")
                .java("l.Pojo", "package l;\n" + IMPORTS + """
                        @SipServlet(name = "pojo")
                        public class Pojo {
                            @AnyMethod public void any(SipServletRequest r) { }
                        }
                        """)
                .java("l.Recorder", "package l;\n" + IMPORTS + """
                        @SipListener
                        public class Recorder implements SipServletListener {
                            public void servletInitialized(SipServletContextEvent e) {
                                java.util.List<String> l = (java.util.List<String>) e.getServletContext().getAttribute("seen");
                                if (l == null) {
                                    l = new java.util.ArrayList<>();
                                    e.getServletContext().setAttribute("seen", l);
                                }
                                l.add(e.getSipServlet().getServletName());
                            }
                        }
                        """)
                .sipXml("""
                        <sip-app>
                          <app-name>listened</app-name>
                          <servlet><servlet-name>lazy1</servlet-name><servlet-class>l.Lazy</servlet-class></servlet>
                          <servlet><servlet-name>lazy2</servlet-name><servlet-class>l.Lazy</servlet-class></servlet>
                          <servlet-mapping>
                            <servlet-name>pojo</servlet-name>
                            <pattern><equal><var>request.method</var><value>MESSAGE</value></equal></pattern>
                          </servlet-mapping>
                          <servlet-mapping>
                            <servlet-name>lazy1</servlet-name>
                            <pattern><exists><var>request.method</var></exists></pattern>
                          </servlet-mapping>
                        </sip-app>
                        """)
                .writeFolder(apps.resolve("listened"));
        deployer.start();
        DeployedApp app = registry.get("listened");
        assertNotNull(app, () -> "failures: " + deployer.failures());
        List<String> seen = (List<String>) app.servletContext().getAttribute("seen");
        assertEquals(List.of("eager", "lazy1", "lazy2", "pojo"), seen,
                "start-up order first, then declaration order: sip.xml, then annotations");
        Servlet pojo = app.servlet("pojo");
        assertInstanceOf(PojoServlet.class, pojo);
        assertEquals("l.Pojo", ((PojoServlet) pojo).target().getClass().getName());
        assertSame(pojo, app.selectServlet(Fakes.request("MESSAGE", null).build()));
        assertSame(app.servlet("lazy1"), app.selectServlet(Fakes.request("OPTIONS", null).build()));
        assertNotSame(app.servlet("lazy1"), app.servlet("lazy2"), "one instance per servlet declaration");
        assertEquals("lazy2", app.servlet("lazy2").getServletConfig().getServletName());
    }

    @Test
    void aMappingToAnUnknownServletStillFailsWithItsLine() throws Exception {
        TestApps.app().java("l.Lazy", "package l;\npublic class Lazy extends jakarta.servlet.sip.SipServlet { }\n")
                .sipXml("""
                        <sip-app>
                          <servlet><servlet-name>one</servlet-name><servlet-class>l.Lazy</servlet-class></servlet>
                          <servlet-mapping>
                            <servlet-name>ghost</servlet-name>
                            <pattern><exists><var>request.method</var></exists></pattern>
                          </servlet-mapping>
                        </sip-app>
                        """).writeFolder(apps.resolve("ghostly"));
        deployer.start();
        DeployProblem p = deployer.failures().get(apps.resolve("ghostly"));
        assertNotNull(p, deployer.failures()::toString);
        assertEquals(3, p.line(), p::toString);
        assertTrue(p.reason().contains("'ghost'"), p::toString);
    }
}
