package org.olelo.container.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.internal.deploy.TestApps;
import org.olelo.core.spi.Resolver;

/**
 * What a server started the wrong way says about it: one WARN line naming the folder, the routing
 * line or the listening point at fault.
 */
class StartupWarningsTest {

    private static final Resolver LOOPBACK = host -> new InetAddress[] {InetAddress.getLoopbackAddress()};

    @TempDir
    Path tmp;
    private OleloServer server;
    private final LogCapture log = new LogCapture();

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        log.close();
    }

    private static TestApps app(String name) {
        return TestApps.app().java("w.Ok", """
                package w;
                import jakarta.servlet.sip.*;
                public class Ok extends SipServlet {
                    @Override
                    protected void doOptions(SipServletRequest req) throws java.io.IOException {
                        req.createResponse(200).send();
                    }
                }
                """).sipXml("""
                <sip-app><app-name>%s</app-name>
                  <servlet><servlet-name>ok</servlet-name><servlet-class>w.Ok</servlet-class></servlet>
                </sip-app>
                """.formatted(name));
    }

    private OleloServer start(Path deploy) throws Exception {
        ServerConfig c = ServerConfig.defaults().withDirs(deploy, tmp.resolve("data")).withListen(List.of())
                .withManagement(ServerConfig.defaults().management().withoutHttp())
                .withPollMillis(50);
        server = OleloServer.start(c, LOOPBACK, List.of());
        return server;
    }

    @Test
    void aMissingDeployFolderIsWarnedAboutAndNotCreated() throws Exception {
        Path deploy = tmp.resolve("elsewhere/deploy");
        start(deploy);
        List<String> w = log.containing("Deploy folder");
        assertEquals(1, w.size(), log.all().toString());
        assertTrue(w.get(0).startsWith("WARN Deploy folder " + deploy.toAbsolutePath() + " does not exist"), w.get(0));
        assertTrue(w.get(0).contains("--deploy-dir"), w.get(0));
        assertFalse(Files.exists(deploy), "the deploy folder is not created");
    }

    @Test
    void aDeployFolderWithoutApplicationsIsWarnedAbout() throws Exception {
        Path deploy = tmp.resolve("deploy");
        Files.createDirectories(deploy.resolve("apps"));
        Files.writeString(deploy.resolve("apps/notes.txt"), "not an application");
        start(deploy);
        List<String> w = log.containing("No application in");
        assertEquals(1, w.size(), log.all().toString());
        assertTrue(w.get(0).startsWith("WARN No application in " + deploy.resolve("apps").toAbsolutePath()), w.get(0));
    }

    @Test
    void aRoutingLineNamingAnApplicationThatIsNotDeployedIsWarnedAboutOnce() throws Exception {
        Path deploy = tmp.resolve("deploy");
        app("registrar").writeFolder(deploy.resolve("apps/registrar"));
        Path routing = deploy.resolve("routing.properties");
        Files.writeString(routing, """
                # the default line, with a typo
                REGISTER: ("registar", "DAR:To", "TERMINATING", "", "NO_ROUTE", "0")
                OPTIONS: ("registrar", "DAR:To", "TERMINATING", "", "NO_ROUTE", "0")
                """);
        start(deploy);
        assertEquals(List.of("WARN " + routing + ":2: REGISTER routes to application 'registar', which is not deployed"
                + " (deployed: registrar); the router skips this tuple"), log.containing("routes to application"));
        assertTrue(log.containing("No application").isEmpty() && log.containing("Deploy folder").isEmpty(), log.all().toString());

        Thread.sleep(400); // several polls of the routing file and of apps/
        assertEquals(1, log.containing("routes to application").size(), "not repeated on every poll");

        Files.writeString(routing, """
                REGISTER: ("registrar", "DAR:To", "TERMINATING", "", "NO_ROUTE", "0")
                INVITE: ("proxy", "DAR:To", "TERMINATING", "", "NO_ROUTE", "0"), ("registrar", "DAR:To", "TERMINATING", "", "NO_ROUTE", "1")
                """);
        awaitLines("routes to application", 2);
        assertTrue(log.containing("routes to application").get(1).contains(
                routing + ":2: INVITE routes to application 'proxy', which is not deployed (deployed: registrar)"),
                log.all().toString());

        app("proxy").writeFolder(deploy.resolve("apps/proxy"));
        awaitDeployed("proxy");
        deleteTree(deploy.resolve("apps/proxy"));
        awaitLines("routes to application", 3);
        assertTrue(log.containing("routes to application").get(2).contains(":2: INVITE routes to application 'proxy'"),
                "warned again once the application is gone: " + log.all());
        Thread.sleep(300);
        assertEquals(3, log.containing("routes to application").size(), log.all().toString());
        server.close();
        assertEquals(3, log.containing("routes to application").size(), "nothing while stopping: " + log.all());
    }

    @Test
    void aListeningPointInUseIsNamedOnOneLine() throws Exception {
        Path deploy = tmp.resolve("deploy");
        app("registrar").writeFolder(deploy.resolve("apps/registrar"));
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            int port = taken.getLocalPort();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int rc = Main.run(new String[] {"--deploy-dir", deploy.toString(), "--data-dir", tmp.resolve("data").toString(),
                "--listen", "tcp:127.0.0.1:" + port, "--listen", "udp:127.0.0.1:" + port, "--set", "http.listen="}, Map.of(), OleloServer::start,
                    new PrintWriter(out, true), new PrintWriter(err, true));
            assertEquals(Main.START_FAILED, rc);
            assertEquals(List.of("olelo: failed to start: udp:127.0.0.1:" + port + ": address already in use (another"
                    + " process listens there: stop it or choose another port with --listen)"), err.toString().lines().toList());
            assertTrue(log.all().stream().noneMatch(l -> l.contains("stack trace")), log.all().toString());
            try (java.net.ServerSocket again = new java.net.ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
                assertEquals(port, again.getLocalPort(), "the TCP point opened before the failure was closed");
            }
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private void awaitLines(String text, int count) throws InterruptedException {
        for (int i = 0; i < 100 && log.containing(text).size() < count; i++) {
            Thread.sleep(50);
        }
        assertEquals(count, log.containing(text).size(), log.all().toString());
    }

    private void awaitDeployed(String name) throws InterruptedException {
        for (int i = 0; i < 200 && server.applications().get(name) == null; i++) {
            Thread.sleep(50);
        }
        assertTrue(server.applications().get(name) != null, log.all().toString());
    }
}
