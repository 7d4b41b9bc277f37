package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.method;
import static org.olelo.core.testkit.SipText.status;

import ch.qos.logback.classic.Level;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.boot.OleloServer;
import org.olelo.container.boot.ServerConfig;
import org.olelo.container.internal.deploy.TestApps;
import org.olelo.container.internal.router.RouterJars;
import org.olelo.core.testkit.MemoryPeer;
import org.olelo.core.transport.InMemoryTransport;

/**
 * A custom application router packaged as a jar with a services entry and dropped into
 * {@code deploy/lib/} replaces the default router of a whole server, over SIP in memory: it gets
 * the {@code router.*} keys of the configuration and the deploy folder in {@code init(Properties)},
 * hears of applications coming and going, and its choices are what the requests get, although the
 * routing file routes nothing. Its classes are not on the test class path.
 */
class CustomRouterTest {

    private static final AtomicInteger N = new AtomicInteger();
    private static final int CALLER_PORT = 5492;
    private static final int FALLBACK_PORT = 5493;

    @TempDir
    Path tmp;
    private OleloServer server;
    private MemoryPeer caller;
    private MemoryPeer fallback;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static TestApps echo() {
        return TestApps.app().java("e.Echo", """
                package e;
                import jakarta.servlet.sip.*;
                public class Echo extends SipServlet {
                    @Override
                    protected void doOptions(SipServletRequest req) throws java.io.IOException {
                        SipServletResponse r = req.createResponse(200);
                        r.setHeader("X-Subscriber", String.valueOf(req.getSubscriberURI()));
                        r.send();
                    }
                }
                """).sipXml("""
                <sip-app><app-name>echo</app-name>
                  <servlet><servlet-name>echo</servlet-name><servlet-class>e.Echo</servlet-class></servlet>
                </sip-app>
                """);
    }

    private void options() {
        int n = N.incrementAndGet();
        String req = "OPTIONS sip:someone@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:" + CALLER_PORT
                + ";branch=z9hG4bK-cr" + n + ";rport\r\nMax-Forwards: 70\r\nFrom: <sip:t@127.0.0.1>;tag=c" + n
                + "\r\nTo: <sip:someone@127.0.0.1>\r\nCall-ID: cr-" + n + "\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
        caller.send(req.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRouterJarInDeployLibReplacesTheDefaultRouter() throws Exception {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("r.EchoRouter"));
        Path deploy = tmp.resolve("deploy");
        Path apps = Files.createDirectories(deploy.resolve("apps"));
        Files.writeString(deploy.resolve("routing.properties"), "# the default router would route nothing\n");
        RouterJars.write(deploy.resolve("lib").resolve("echo-router.jar"), tmp.resolve("scratch-jar"),
                "r.EchoRouterProvider\n");
        Path app = echo().writeFolder(apps.resolve("echo"));
        InMemoryTransport memory = InMemoryTransport.udp();
        caller = new MemoryPeer(memory, CALLER_PORT);
        fallback = new MemoryPeer(memory, FALLBACK_PORT);
        ServerConfig cfg = ServerConfig.defaults().withDirs(deploy, tmp.resolve("data")).withListen(List.of())
                .withPollMillis(50).withRouter(Map.of("app", "echo", "user", "alice",
                        "fallback", "sip:127.0.0.1:" + FALLBACK_PORT + ";lr"));
        try (LogCapture log = new LogCapture("org.olelo.container.internal.router", Level.INFO)) {
            server = OleloServer.start(cfg, host -> new InetAddress[] {InetAddress.getLoopbackAddress()}, List.of(memory));
            assertEquals(List.of("Application router: r.EchoRouter from the provider r.EchoRouterProvider in "
                    + deploy.resolve("lib").resolve("echo-router.jar") + ", found by its META-INF/services entry"),
                    log.messages().stream().filter(m -> m.startsWith("Application router")).toList());
        }
        assertNull(server.router(), "no default router runs");
        assertEquals("r.EchoRouter", server.applicationRouter().getClass().getName());

        options();
        String answer = caller.receive(5_000);
        assertNotNull(answer);
        assertEquals(200, status(answer), answer);
        assertEquals("sip:alice@deploy", header(answer, "X-Subscriber"),
                "the router chose the application with its router.* keys and the deploy folder it was given");

        deleteTree(app);
        String relayed = null;
        for (int i = 0; i < 100 && relayed == null; i++) {
            options();
            relayed = fallback.receive(100);
            if (relayed == null) {
                caller.receive(100); // the application's answer while it is still deployed
            }
        }
        assertNotNull(relayed, "once told the application is undeployed, the router sends requests to its fallback");
        assertEquals("OPTIONS", method(relayed), relayed);
    }

    /** Removes a folder tree (the exploded application). */
    private static void deleteTree(Path root) throws java.io.IOException {
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void aRouterThatCannotBeHadStopsTheStart() throws Exception {
        Path deploy = tmp.resolve("deploy");
        Files.createDirectories(deploy.resolve("apps"));
        RouterJars.write(deploy.resolve("lib").resolve("failing.jar"), tmp.resolve("scratch-jar"),
                "r.FailingRouterProvider\n");
        ServerConfig cfg = ServerConfig.defaults().withDirs(deploy, tmp.resolve("data")).withListen(List.of());
        Exception e = assertThrows(Exception.class, () -> server = OleloServer.start(cfg,
                host -> new InetAddress[] {InetAddress.getLoopbackAddress()}, List.of(InMemoryTransport.udp())));
        assertTrue(e.getMessage().contains("r.FailingRouter failed in init(Properties)"), e.toString());
    }
}
