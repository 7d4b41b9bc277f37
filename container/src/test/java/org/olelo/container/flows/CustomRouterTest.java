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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.internal.deploy.TestApps;
import org.olelo.container.internal.router.RouterJars;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.MemoryPeer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.transport.InMemoryTransport;

/**
 * A custom application router packaged as a jar with a services entry and dropped into
 * {@code deploy/lib/} replaces the default router of a whole server, over SIP in memory: it gets
 * the {@code router.*} keys of the configuration and the deploy folder in {@code init(Properties)},
 * hears of applications coming and going, and its choices are what the requests get, although the
 * routing file routes nothing. Its classes are not on the test class path.
 */
class CustomRouterTest {

    private static final int CALLER_PORT = 5492;
    private static final int FALLBACK_PORT = 5493;

    @TempDir
    Path tmp;
    private TestServer server;
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
        caller.send(SipBuilder.request("OPTIONS", "sip:someone@127.0.0.1").via(caller).bytes());
    }

    @Test
    void aRouterJarInDeployLibReplacesTheDefaultRouter() throws Exception {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("r.EchoRouter"));
        Path deploy = tmp.resolve("deploy");
        RouterJars.write(deploy.resolve("lib").resolve("echo-router.jar"), tmp.resolve("scratch-jar"),
                "r.EchoRouterProvider\n");
        InMemoryTransport memory = InMemoryTransport.udp();
        caller = new MemoryPeer(memory, CALLER_PORT);
        fallback = new MemoryPeer(memory, FALLBACK_PORT);
        try (LogCapture log = new LogCapture("org.olelo.container.internal.router", Level.INFO)) {
            server = TestServer.builder().app("echo", echo()).routing("# the default router would route nothing\n")
                    .memory(memory).settings(c -> c.withPollMillis(50).withRouter(Map.of("app", "echo", "user", "alice",
                            "fallback", "sip:127.0.0.1:" + FALLBACK_PORT + ";lr"))).start(tmp);
            assertEquals(List.of("Application router: r.EchoRouter from the provider r.EchoRouterProvider in "
                    + deploy.resolve("lib").resolve("echo-router.jar") + ", found by its META-INF/services entry"),
                    log.messages().stream().filter(m -> m.startsWith("Application router")).toList());
        }
        assertNull(server.server().router(), "no default router runs");
        assertEquals("r.EchoRouter", server.server().applicationRouter().getClass().getName());

        options();
        String answer = caller.receive(5_000);
        assertNotNull(answer);
        assertEquals(200, status(answer), answer);
        assertEquals("sip:alice@deploy", header(answer, "X-Subscriber"),
                "the router chose the application with its router.* keys and the deploy folder it was given");

        deleteTree(deploy.resolve("apps").resolve("echo"));
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
        RouterJars.write(tmp.resolve("deploy").resolve("lib").resolve("failing.jar"), tmp.resolve("scratch-jar"),
                "r.FailingRouterProvider\n");
        Exception e = assertThrows(Exception.class, () -> server = TestServer.builder().start(tmp));
        assertTrue(e.getMessage().contains("r.FailingRouter failed in init(Properties)"), e.toString());
    }
}
