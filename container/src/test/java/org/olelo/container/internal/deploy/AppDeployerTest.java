package org.olelo.container.internal.deploy;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContext;
import jakarta.servlet.sip.SipServlet;
import jakarta.servlet.sip.SipServletContext;
import jakarta.servlet.sip.TimerListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppDeployerTest {

    @TempDir
    Path tmp;

    Path apps;
    Path work;
    final Fakes.Services services = new Fakes.Services();
    final AppRegistry registry = new AppRegistry();
    final List<String> notices = new CopyOnWriteArrayList<>();
    AppDeployer deployer;

    @BeforeEach
    void setUp() throws Exception {
        apps = Files.createDirectories(tmp.resolve("apps"));
        work = tmp.resolve("work");
        registry.addListener(new AppRegistry.Listener() {
            @Override
            public void deployed(DeployedApp app) {
                notices.add("deployed:" + app.name());
            }

            @Override
            public void undeployed(DeployedApp app) {
                notices.add("undeployed:" + app.name());
            }

            @Override
            public void replaced(DeployedApp old, DeployedApp now) {
                notices.add("replaced:" + now.name());
            }
        }, false);
        deployer = new AppDeployer(apps, work, services, registry, 50);
    }

    @AfterEach
    void tearDown() {
        deployer.stop();
    }

    private Path scratch(String name) throws Exception {
        return Files.createDirectories(tmp.resolve("scratch").resolve(name + System.nanoTime()));
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.currentTimeMillis() + 20_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private static String version(DeployedApp app) throws Exception {
        Servlet s = app.servlet("hello");
        return (String) s.getClass().getField("VERSION").get(null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void explodedFolderGoesThroughTheWholeLifecycle() throws Exception {
        SampleApps.alpha().writeFolder(apps.resolve("alpha-folder"));
        deployer.start();
        DeployedApp app = registry.get("alpha");
        assertNotNull(app, () -> "failures: " + deployer.failures());
        assertEquals(List.of("deployed:alpha"), notices);
        ServletContext ctx = app.servletContext();
        List<String> events = (List<String>) ctx.getAttribute("events");
        assertEquals(List.of("contextInitialized:hello:true", "init:second:null:true", "servletInitialized:second",
                "init:first:one:true", "servletInitialized:first"), events);
        assertEquals(7, app.sessionTimeoutMinutes());
        assertEquals(20, app.proxyTimeoutSeconds());
        assertEquals("Alpha", ctx.getServletContextName());
        assertTrue(ctx instanceof SipServletContext);
        AppServices s = services.created.get(0);
        assertSame(s.sipFactory(), ctx.getAttribute(SipServlet.SIP_FACTORY));
        assertSame(s.timerService(), ctx.getAttribute(SipServlet.TIMER_SERVICE));
        assertSame(s.sessionsUtil(), ctx.getAttribute(SipServlet.SIP_SESSIONS_UTIL));
        assertEquals(ContainerObjects.SUPPORTED, ctx.getAttribute(SipServlet.SUPPORTED));
        assertEquals(ContainerObjects.SUPPORTED_RFCS, ctx.getAttribute(SipServlet.SUPPORTED_RFCs));
        assertSame(s.sipFactory(), ((SipServletContext) ctx).getSipFactory());
        assertEquals(1, app.listeners(TimerListener.class).size());
        assertEquals(0, app.listeners(jakarta.servlet.sip.SipSessionListener.class).size());
        assertNotNull(ctx.getResourceAsStream("/WEB-INF/sip.xml"));
        assertNotNull(ctx.getNamedDispatcher("second"));
        assertNull(ctx.getNamedDispatcher("nope"));

        Servlet first = app.servlet("first");
        Servlet second = app.servlet("second");
        assertSame(first, app.selectServlet(Fakes.request("INVITE", Fakes.sipUri("sip", "u", "x.org", -1, Map.of())).build()));
        assertSame(second, app.selectServlet(Fakes.request("MESSAGE", Fakes.sipUri("sip", "u", "a.example.com", -1, Map.of())).build()));
        assertNull(app.selectServlet(Fakes.request("MESSAGE", Fakes.sipUri("sip", "u", "x.org", -1, Map.of())).build()));
        assertEquals("ok", app.callInContext(() -> Thread.currentThread().getContextClassLoader() == app.classLoader() ? "ok" : "no"));

        Path workCopy = app.workDir();
        assertTrue(Files.isRegularFile(workCopy.resolve("WEB-INF/sip.xml")));
        deployer.stop();
        assertEquals(List.of("contextInitialized:hello:true", "init:second:null:true", "servletInitialized:second",
                "init:first:one:true", "servletInitialized:first", "destroy:first", "destroy:second",
                "contextDestroyed"), events);
        assertNull(registry.get("alpha"));
        assertFalse(Files.exists(workCopy));
        assertEquals(List.of("alpha"), services.released);
        assertTrue(Files.isDirectory(apps.resolve("alpha-folder/WEB-INF")), "the source folder is left alone");
    }

    @Test
    void archiveIsDeployedFromAWorkCopyNamedAfterTheFile() throws Exception {
        SampleApps.hello("1").writeArchive(apps.resolve("hello-svc.war"), scratch("h"));
        deployer.start();
        DeployedApp app = registry.get("hello-svc");
        assertNotNull(app, () -> "failures: " + deployer.failures());
        assertEquals("1", version(app));
        assertTrue(app.workDir().startsWith(work));
        assertEquals(3, app.sessionTimeoutMinutes());
        assertEquals(180, app.proxyTimeoutSeconds());
        assertSame(app.servlet("hello"), app.selectServlet(Fakes.request("OPTIONS", null).build()));
        assertEquals(app.classLoader(), app.servlet("hello").getClass().getClassLoader());
    }

    @Test
    void appNameComesFromSipApplicationOnAPackage() throws Exception {
        SampleApps.hello("1")
                .java("h.package-info", """
                        @jakarta.servlet.sip.annotation.SipApplication(name = "greeter", mainServlet = "hello", sessionTimeout = 9)
                        package h;
                        """)
                .writeArchive(apps.resolve("whatever.sar"), scratch("w"));
        deployer.start();
        DeployedApp app = registry.get("greeter");
        assertNotNull(app, () -> "failures: " + deployer.failures());
        assertEquals("hello", app.descriptor().mainServlet());
        assertEquals(9, app.sessionTimeoutMinutes());
    }

    @Test
    void archivesAreAddedReplacedAndRemovedWhileThePollerRuns() throws Exception {
        deployer.start();
        Path archive = apps.resolve("hello.sar");
        SampleApps.hello("1").writeArchive(archive, scratch("v1"));
        await(() -> registry.get("hello") != null, "first deployment");
        DeployedApp v1 = registry.get("hello");
        assertEquals("1", version(v1));
        Path work1 = v1.workDir();

        SampleApps.hello("2-with-a-longer-version").writeArchive(archive, scratch("v2"));
        await(() -> registry.get("hello") != v1, "redeployment");
        DeployedApp v2 = registry.get("hello");
        assertEquals("2-with-a-longer-version", version(v2));
        await(() -> !Files.exists(work1), "old work copy removal");

        Files.delete(archive);
        await(() -> registry.get("hello") == null, "undeployment");
        await(() -> !Files.exists(v2.workDir()), "work copy removal");
        assertEquals(List.of("deployed:hello", "replaced:hello", "undeployed:hello"), notices);
    }

    @Test
    void brokenArchivesAreReportedAndOthersKeepRunning() throws Exception {
        SampleApps.hello("1").writeArchive(apps.resolve("good.sar"), scratch("g"));
        Files.write(apps.resolve("garbage.sar"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        SampleApps.hello("1").sipXml("<sip-app>\n  <servlet>\n</sip-app>\n").writeArchive(apps.resolve("badxml.sar"), scratch("b"));
        TestApps.app().sipXml("""
                <sip-app><servlet><servlet-name>m</servlet-name><servlet-class>x.Missing</servlet-class></servlet></sip-app>
                """).writeArchive(apps.resolve("missing.war"), scratch("m"));
        TestApps.app().java("t.Throws", """
                package t;
                @jakarta.servlet.sip.annotation.SipServlet
                public class Throws extends jakarta.servlet.sip.SipServlet {
                    public void init() throws jakarta.servlet.ServletException {
                        throw new jakarta.servlet.ServletException("no database");
                    }
                }
                """).writeFolder(apps.resolve("throws"));
        deployer.start();

        assertNotNull(registry.get("good"));
        assertEquals(1, registry.all().size());
        Map<Path, DeployProblem> f = deployer.failures();
        assertEquals(4, f.size(), f::toString);
        assertTrue(f.get(apps.resolve("garbage.sar")).reason().contains("not a valid zip"), f::toString);
        DeployProblem xml = f.get(apps.resolve("badxml.sar"));
        assertEquals(Path.of(apps.resolve("badxml.sar") + "!/WEB-INF/sip.xml"), xml.file());
        assertEquals(3, xml.line());
        assertTrue(xml.reason().startsWith("malformed XML"), xml::toString);
        assertTrue(f.get(apps.resolve("missing.war")).reason().contains("x.Missing"), f::toString);
        String thrown = f.get(apps.resolve("throws")).reason();
        assertTrue(thrown.contains("Throws") && thrown.contains("no database"), thrown);
        try (var left = Files.list(work)) {
            assertEquals(1, left.count(), "only the good app keeps a work copy");
        }

        deployer.scanNow();
        deployer.scanNow();
        assertEquals(4, deployer.failures().size(), "failures are not retried while unchanged");
        assertEquals(1, services.created.size() - services.released.size());

        Files.delete(apps.resolve("garbage.sar"));
        deployer.scanNow();
        assertFalse(deployer.failures().containsKey(apps.resolve("garbage.sar")));
        assertNotNull(registry.get("good"));
    }

    @Test
    void aFailedRedeploymentKeepsTheOldVersionRunning() throws Exception {
        Path archive = apps.resolve("hello.sar");
        SampleApps.hello("1").writeArchive(archive, scratch("v1"));
        deployer.start();
        DeployedApp v1 = registry.get("hello");
        Files.write(archive, new byte[] {'n', 'o', 'p', 'e'});
        deployer.scanNow();
        assertSame(v1, registry.get("hello"), "a change is acted on only once it is stable");
        deployer.scanNow();
        assertSame(v1, registry.get("hello"));
        assertTrue(deployer.failures().containsKey(archive));
        assertTrue(Files.isDirectory(v1.workDir()));

        SampleApps.hello("3").writeArchive(archive, scratch("v3"));
        deployer.scanNow();
        deployer.scanNow();
        assertEquals("3", version(registry.get("hello")));
        assertTrue(deployer.failures().isEmpty());
    }

    @Test
    void aSecondSourceWithTheSameNameIsRefused() throws Exception {
        SampleApps.hello("1").writeArchive(apps.resolve("hello.sar"), scratch("a"));
        SampleApps.hello("2").writeFolder(apps.resolve("hello"));
        deployer.start();
        assertEquals(1, registry.all().size());
        assertEquals(1, deployer.failures().size());
        assertTrue(deployer.failures().values().iterator().next().reason().contains("already deployed"));
    }

    @Test
    void startRemovesWorkCopiesLeftByAnEarlierRun() throws Exception {
        Path stale = Files.createDirectories(work.resolve("old-7/WEB-INF"));
        Path unrelated = Files.createDirectories(work.resolve("notes"));
        deployer.start();
        assertFalse(Files.exists(stale.getParent()));
        assertTrue(Files.isDirectory(unrelated));
    }
}
