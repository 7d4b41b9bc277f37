package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.internal.deploy.TestApps;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;
import org.olelo.core.testkit.SipText;

/**
 * Deployment while the server runs and carries traffic: an archive appears, is replaced, a broken
 * archive and a broken routing file arrive, and the archive vanishes. Every step is observed from
 * the SIP side.
 */
class HotDeploymentTest {

    @TempDir
    Path tmp;
    private TestServer server;
    private SipPeer peer;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static TestApps echo(int version) {
        return TestApps.app().java("e.Echo", """
                package e;
                import jakarta.servlet.sip.*;
                public class Echo extends SipServlet {
                    @Override
                    protected void doOptions(SipServletRequest req) throws java.io.IOException {
                        SipServletResponse r = req.createResponse(200);
                        r.setHeader("X-Version", "%d");
                        r.send();
                    }
                }
                """.formatted(version)).sipXml("""
                <sip-app><app-name>echo</app-name>
                  <servlet><servlet-name>echo</servlet-name><servlet-class>e.Echo</servlet-class></servlet>
                </sip-app>
                """);
    }

    private TestServer start(TestServer.Builder b) throws Exception {
        server = b.start(tmp);
        peer = server.memoryPeer(1);
        return server;
    }

    private String options() throws Exception {
        peer.send(SipBuilder.request("OPTIONS", "sip:echo@127.0.0.1").via(peer));
        String text = peer.receive(3000);
        assertNotNull(text, "no answer");
        return SipText.status(text) + (SipText.header(text, "X-Version") == null ? "" : " v" + SipText.header(text, "X-Version"));
    }

    /** Asks until the answer is the expected one (the deployer polls every 100 ms). */
    private void awaitAnswer(String expected) throws Exception {
        String last = null;
        for (int i = 0; i < 100; i++) {
            last = options();
            if (last.equals(expected)) {
                return;
            }
            Thread.sleep(100);
        }
        assertEquals(expected, last);
    }

    @Test
    void overloadIsAnswered503WithRetryAfterAndServiceResumes() throws Exception {
        start(TestServer.builder().app("echo", echo(1))
                .routing("OPTIONS: (\"echo\", \"DAR:From\", \"NEUTRAL\", \"\", \"NO_ROUTE\", \"0\")\n"));
        assertEquals("200 v1", options());
        server.server().runtime().setMaxWaiting(0);
        peer.send(SipBuilder.request("OPTIONS", "sip:echo@127.0.0.1").via(peer));
        String r = peer.receive(3000);
        assertNotNull(r);
        assertEquals(503, SipText.status(r), r);
        assertEquals("5", SipText.header(r, "Retry-After"), r);
        server.server().runtime().setMaxWaiting(10_000);
        assertEquals("200 v1", options(), "admission counts are balanced again");
    }

    @Test
    void requestsNoApplicationTakesAre404LocallyAnd403ForOtherDomains() throws Exception {
        start(TestServer.builder().routing("# nothing routed\n"));
        assertEquals("404", options());
        peer.send(SipBuilder.request("MESSAGE", "sip:carol@example.net").via(peer));
        String r = peer.receive(3000);
        assertNotNull(r);
        assertTrue(r.startsWith("SIP/2.0 403 Forbidden - relaying denied"), r);
    }

    @Test
    void appsComeAndGoWhileTheServerRuns() throws Exception {
        start(TestServer.builder().routing("OPTIONS: (\"echo\", \"DAR:From\", \"NEUTRAL\", \"\", \"NO_ROUTE\", \"0\")\n")
                .settings(c -> c.withPollMillis(100)));
        Path apps = server.deploy().resolve("apps");
        Path routing = server.deploy().resolve("routing.properties");

        assertEquals("404", options(), "no application yet");

        Path sar = apps.resolve("echo.sar");
        echo(1).writeArchive(sar, tmp.resolve("scratch1"));
        awaitAnswer("200 v1");

        echo(2).writeArchive(sar, tmp.resolve("scratch2"));
        awaitAnswer("200 v2");

        Files.write(apps.resolve("broken.sar"), new byte[] {1, 2, 3, 4, 5});
        Thread.sleep(400);
        assertTrue(server.server().deployer().failures().keySet().stream().anyMatch(p -> p.getFileName().toString().equals("broken.sar")),
                "the broken archive is reported: " + server.server().deployer().failures());
        assertEquals("200 v2", options(), "the other application keeps running");

        Files.writeString(routing, "OPTIONS: (\"echo\", \"DAR:From\", \"NEUTRAL\"\n");
        for (int i = 0; i < 50 && server.server().router().lastError() == null; i++) {
            Thread.sleep(100);
        }
        assertNotNull(server.server().router().lastError(), "the broken routing file is reported");
        assertTrue(server.server().router().lastError().toString().contains("routing.properties:1"), server.server().router().lastError().toString());
        assertEquals("200 v2", options(), "the previous routing stays in force");

        Files.delete(sar);
        awaitAnswer("404");
    }
}
