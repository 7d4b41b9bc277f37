package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.boot.OleloServer;
import org.olelo.container.boot.ServerConfig;
import org.olelo.container.internal.deploy.TestApps;
import org.olelo.core.testkit.SipText;
import org.olelo.core.transport.InMemoryTransport;

/**
 * Deployment while the server runs and carries traffic: an archive appears, is replaced, a broken
 * archive and a broken routing file arrive, and the archive vanishes. Every step is observed from
 * the SIP side.
 */
class HotDeploymentTest {

    private static final AtomicInteger N = new AtomicInteger();
    private static final InetSocketAddress PEER = new InetSocketAddress(InetAddress.getLoopbackAddress(), 5990);

    @TempDir
    Path tmp;
    private OleloServer server;
    private InMemoryTransport memory;

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

    private String options() throws Exception {
        int n = N.incrementAndGet();
        String req = "OPTIONS sip:echo@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5990;branch=z9hG4bK-hd" + n
                + ";rport\r\nMax-Forwards: 70\r\nFrom: <sip:t@127.0.0.1>;tag=f" + n + "\r\nTo: <sip:echo@127.0.0.1>\r\n"
                + "Call-ID: hd-" + n + "\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
        memory.inject(req.getBytes(StandardCharsets.UTF_8), PEER);
        InMemoryTransport.Sent r = memory.poll(PEER, 3, TimeUnit.SECONDS);
        assertNotNull(r, "no answer");
        String text = r.text();
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
        Path deploy = tmp.resolve("deploy");
        Files.createDirectories(deploy.resolve("apps"));
        Files.writeString(deploy.resolve("routing.properties"), "OPTIONS: (\"echo\", \"DAR:From\", \"NEUTRAL\", \"\", \"NO_ROUTE\", \"0\")\n");
        echo(1).writeFolder(deploy.resolve("apps").resolve("echo"));
        memory = InMemoryTransport.udp();
        ServerConfig cfg = ServerConfig.defaults().withDirs(deploy, tmp.resolve("data")).withListen(List.of());
        server = OleloServer.start(cfg, host -> new InetAddress[] {InetAddress.getLoopbackAddress()}, List.of(memory));
        assertEquals("200 v1", options());
        server.runtime().setMaxWaiting(0);
        int n = N.incrementAndGet();
        String req = "OPTIONS sip:echo@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5990;branch=z9hG4bK-ov" + n
                + ";rport\r\nMax-Forwards: 70\r\nFrom: <sip:t@127.0.0.1>;tag=o" + n + "\r\nTo: <sip:echo@127.0.0.1>\r\n"
                + "Call-ID: ov-" + n + "\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
        memory.inject(req.getBytes(StandardCharsets.UTF_8), PEER);
        InMemoryTransport.Sent r = memory.poll(PEER, 3, TimeUnit.SECONDS);
        assertNotNull(r);
        assertEquals(503, SipText.status(r.text()), r.text());
        assertEquals("5", SipText.header(r.text(), "Retry-After"), r.text());
        server.runtime().setMaxWaiting(10_000);
        assertEquals("200 v1", options(), "admission counts are balanced again");
    }

    @Test
    void requestsNoApplicationTakesAre404LocallyAnd403ForOtherDomains() throws Exception {
        Path deploy = tmp.resolve("deploy");
        Files.createDirectories(deploy.resolve("apps"));
        Files.writeString(deploy.resolve("routing.properties"), "# nothing routed\n");
        memory = InMemoryTransport.udp();
        ServerConfig cfg = ServerConfig.defaults().withDirs(deploy, tmp.resolve("data")).withListen(List.of());
        server = OleloServer.start(cfg, host -> new InetAddress[] {InetAddress.getLoopbackAddress()}, List.of(memory));
        assertEquals("404", options());
        String foreign = "MESSAGE sip:carol@example.net SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5990;branch=z9hG4bK-relay;rport\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:t@127.0.0.1>;tag=r1\r\nTo: <sip:carol@example.net>\r\nCall-ID: relay-1\r\n"
                + "CSeq: 1 MESSAGE\r\nContent-Length: 0\r\n\r\n";
        memory.inject(foreign.getBytes(StandardCharsets.UTF_8), PEER);
        InMemoryTransport.Sent r = memory.poll(PEER, 3, TimeUnit.SECONDS);
        assertNotNull(r);
        assertTrue(r.text().startsWith("SIP/2.0 403 Forbidden - relaying denied"), r.text());
    }

    @Test
    void appsComeAndGoWhileTheServerRuns() throws Exception {
        Path deploy = tmp.resolve("deploy");
        Path apps = deploy.resolve("apps");
        Files.createDirectories(apps);
        Path routing = deploy.resolve("routing.properties");
        Files.writeString(routing, "OPTIONS: (\"echo\", \"DAR:From\", \"NEUTRAL\", \"\", \"NO_ROUTE\", \"0\")\n");
        memory = InMemoryTransport.udp();
        ServerConfig cfg = ServerConfig.defaults().withDirs(deploy, tmp.resolve("data")).withListen(List.of()).withPollMillis(100);
        server = OleloServer.start(cfg, host -> new InetAddress[] {InetAddress.getLoopbackAddress()}, List.of(memory));

        assertEquals("404", options(), "no application yet");

        Path sar = apps.resolve("echo.sar");
        echo(1).writeArchive(sar, tmp.resolve("scratch1"));
        awaitAnswer("200 v1");

        echo(2).writeArchive(sar, tmp.resolve("scratch2"));
        awaitAnswer("200 v2");

        Files.write(apps.resolve("broken.sar"), new byte[] {1, 2, 3, 4, 5});
        Thread.sleep(400);
        assertTrue(server.deployer().failures().keySet().stream().anyMatch(p -> p.getFileName().toString().equals("broken.sar")),
                "the broken archive is reported: " + server.deployer().failures());
        assertEquals("200 v2", options(), "the other application keeps running");

        Files.writeString(routing, "OPTIONS: (\"echo\", \"DAR:From\", \"NEUTRAL\"\n");
        for (int i = 0; i < 50 && server.router().lastError() == null; i++) {
            Thread.sleep(100);
        }
        assertNotNull(server.router().lastError(), "the broken routing file is reported");
        assertTrue(server.router().lastError().toString().contains("routing.properties:1"), server.router().lastError().toString());
        assertEquals("200 v2", options(), "the previous routing stays in force");

        Files.delete(sar);
        awaitAnswer("404");
    }
}
