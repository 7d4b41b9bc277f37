package org.olelo.container.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.internal.db.Subscriber;
import org.olelo.container.internal.db.SubscriberStore;
import org.olelo.container.internal.deploy.TestApps;
import org.olelo.container.internal.security.DigestAlgorithm;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;
import org.olelo.core.testkit.SipText;

/** Each of the container's management commands, called over HTTP on a running server. */
class ContainerCommandsTest {

    private static final String ROUTE_OPTIONS = "OPTIONS: (\"echo\", \"DAR:From\", \"NEUTRAL\", \"\", \"NO_ROUTE\", \"0\")\n";

    @TempDir
    Path tmp;
    private TestServer server;
    private RpcClient rpc;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    static TestApps echo(int version) {
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

    private void start(TestServer.Builder b) throws Exception {
        server = b.settings(c -> c.withPollMillis(100).withManagement(c.management()
                .withHttpListen(InetSocketAddress.createUnresolved("127.0.0.1", 0)))).start(tmp);
        rpc = new RpcClient(server);
    }

    private String options(SipPeer peer) throws Exception {
        peer.send(SipBuilder.request("OPTIONS", "sip:echo@127.0.0.1").via(peer));
        String text = peer.receive(3000);
        assertNotNull(text, "no answer");
        return SipText.status(text) + (SipText.header(text, "X-Version") == null ? "" : " v" + SipText.header(text, "X-Version"));
    }

    @Test
    void versionAndUptime() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        start(TestServer.builder().routing("# none\n"));
        JsonNode up = rpc.result("core.uptime", null);
        Instant started = Instant.parse(up.get("started").asText());
        assertTrue(!started.isBefore(before) && !started.isAfter(Instant.now()), up.toString());
        assertTrue(up.get("uptime_seconds").asLong() >= 0, up.toString());
        JsonNode methods = rpc.result("system.listMethods", null).get("methods");
        List<String> names = new ArrayList<>();
        methods.forEach(m -> names.add(m.get("name").asText()));
        assertTrue(names.containsAll(List.of("app.deploy", "app.list", "app.undeploy", "core.shutdown", "core.uptime",
                "core.version", "router.reload", "subscriber.add", "subscriber.list", "subscriber.passwd",
                "subscriber.rm", "system.listMethods", "system.methodHelp")), names.toString());
        assertEquals(names.stream().sorted().toList(), names, "sorted");
        JsonNode help = rpc.result("system.methodHelp", "[\"subscriber.add\"]");
        assertEquals("[\"user\",\"domain\",\"password\",\"roles\"]", help.get("params").toString());
        assertEquals(404, rpc.error("system.methodHelp", "[\"no.such\"]").get("code").asInt());
    }

    @Test
    void appsAreListedDeployedAndUndeployed() throws Exception {
        start(TestServer.builder().routing(ROUTE_OPTIONS));
        SipPeer peer = server.memoryPeer(1);
        assertEquals("404", options(peer));
        assertEquals(0, rpc.result("app.list", null).get("applications").size());

        Files.createDirectories(tmp.resolve("upload"));
        Files.createDirectories(tmp.resolve("upload2"));
        Path archive = echo(1).writeArchive(tmp.resolve("upload/echo.sar"), tmp.resolve("scratch1"));
        JsonNode deployed = rpc.result("app.deploy", "[\"" + archive + "\"]");
        assertEquals("echo", deployed.get("deployed").asText(), deployed.toString());
        assertEquals("200 v1", options(peer), "deployed when the command returns");
        JsonNode app = rpc.result("app.list", null).get("applications").get(0);
        assertEquals("echo", app.get("name").asText());
        assertEquals("active", app.get("state").asText());
        assertEquals("[\"echo\"]", app.get("servlets").toString());
        assertTrue(app.get("sessions").isInt(), app.toString());

        Path v2 = echo(2).writeArchive(tmp.resolve("upload2/echo.sar"), tmp.resolve("scratch2"));
        rpc.result("app.deploy", "{\"path\":\"" + v2 + "\"}");
        assertEquals("200 v2", options(peer), "redeployed");

        Files.write(tmp.resolve("upload/broken.sar"), new byte[] {1, 2, 3});
        JsonNode broken = rpc.error("app.deploy", "[\"" + tmp.resolve("upload/broken.sar") + "\"]");
        assertEquals(500, broken.get("code").asInt(), broken.toString());
        assertTrue(broken.get("message").asText().startsWith("deployment failed: "), broken.toString());
        assertEquals(404, rpc.error("app.deploy", "[\"" + tmp.resolve("nothing.sar") + "\"]").get("code").asInt());
        assertEquals(-32602, rpc.error("app.deploy", "[\"" + tmp.resolve("notes.txt") + "\"]").get("code").asInt());

        JsonNode gone = rpc.result("app.undeploy", "[\"echo\"]");
        assertEquals("echo", gone.get("undeployed").asText());
        assertTrue(Files.isRegularFile(Path.of(gone.get("moved_to").asText())), gone.toString());
        assertFalse(Files.exists(server.deploy().resolve("apps/echo.sar")));
        assertEquals("404", options(peer), "no new requests reach it");
        assertEquals(404, rpc.error("app.undeploy", "[\"echo\"]").get("code").asInt());
    }

    @Test
    void routerReloadSaysWhatItLoadedOrWhyNot() throws Exception {
        start(TestServer.builder().app("echo", echo(1)).routing("# nothing yet\n"));
        SipPeer peer = server.memoryPeer(1);
        assertEquals("404", options(peer));
        Path routing = server.deploy().resolve("routing.properties");
        Files.writeString(routing, ROUTE_OPTIONS + "MESSAGE: (\"absent\", \"DAR:From\", \"NEUTRAL\", \"\", \"NO_ROUTE\", \"0\")\n");
        JsonNode loaded = rpc.result("router.reload", null);
        assertEquals("[\"MESSAGE\",\"OPTIONS\"]", loaded.get("methods").toString(), loaded.toString());
        assertEquals(2, loaded.get("tuples").asInt());
        assertTrue(loaded.get("warnings").toString().contains("absent"), loaded.toString());
        assertEquals("200 v1", options(peer), "in force at once");
        Files.writeString(routing, "OPTIONS: (\"echo\", \"DAR:From\"\n");
        JsonNode error = rpc.error("router.reload", null);
        assertEquals(500, error.get("code").asInt());
        assertTrue(error.get("message").asText().contains("routing.properties:1")
                && error.get("message").asText().endsWith("(previous routing kept)"), error.toString());
        assertEquals("200 v1", options(peer));
    }

    @Test
    void subscribersAreProvisionedWithoutEverShowingSecrets() throws Exception {
        start(TestServer.builder().routing("# none\n"));
        SubscriberStore store = new SubscriberStore(server.server().database().defaultPool());
        assertEquals("alice@example.com", rpc.result("subscriber.add", "[\"alice\",\"Example.COM\",\"pw1\",\"admin\"]")
                .get("added").asText());
        Subscriber alice = store.find("alice", "example.com").orElseThrow();
        assertEquals(DigestAlgorithm.MD5.ha1("alice", "example.com", "pw1"), alice.ha1Md5());
        assertEquals(DigestAlgorithm.SHA_256.ha1("alice", "example.com", "pw1"), alice.ha1Sha256());
        assertEquals(List.of("admin"), alice.roles());
        assertEquals(409, rpc.error("subscriber.add", "{\"user\":\"alice\",\"domain\":\"example.com\",\"password\":\"x\"}")
                .get("code").asInt());
        assertEquals(-32602, rpc.error("subscriber.add", "[\"al ice\",\"example.com\",\"x\"]").get("code").asInt());
        JsonNode list = rpc.result("subscriber.list", null);
        assertEquals("alice", list.get("subscribers").get(0).get("user").asText());
        assertFalse(list.toString().contains(alice.ha1Md5()) || list.toString().toLowerCase().contains("ha1"), list.toString());
        rpc.result("subscriber.passwd", "[\"alice\",\"example.com\",\"pw2\"]");
        assertEquals(DigestAlgorithm.MD5.ha1("alice", "example.com", "pw2"),
                store.find("alice", "example.com").orElseThrow().ha1Md5());
        assertEquals(404, rpc.error("subscriber.passwd", "[\"bob\",\"example.com\",\"pw\"]").get("code").asInt());
        rpc.result("subscriber.rm", "[\"alice\",\"example.com\"]");
        assertTrue(store.find("alice", "example.com").isEmpty());
        assertEquals(404, rpc.error("subscriber.rm", "[\"alice\",\"example.com\"]").get("code").asInt());
    }

    @Test
    void shutdownRefusesNewRequestsWithA503AndStopsOnceTransactionsFinished() throws Exception {
        start(TestServer.builder().app("echo", echo(1)).routing(ROUTE_OPTIONS));
        CountDownLatch stopped = new CountDownLatch(1);
        server.server().operations().shutdown().stopWith(stopped::countDown);
        SipPeer peer = server.memoryPeer(1);
        assertEquals("200 v1", options(peer));
        JsonNode r = rpc.result("core.shutdown", null);
        assertTrue(r.get("stopping").asBoolean(), r.toString());
        assertEquals(30, r.get("drain_seconds").asInt());
        assertFalse(r.get("already").asBoolean());
        assertTrue(stopped.await(10, TimeUnit.SECONDS), "no transaction waits: the server stops at once");
        peer.send(SipBuilder.request("OPTIONS", "sip:echo@127.0.0.1").via(peer));
        String refused = peer.receive(3000);
        assertNotNull(refused);
        assertEquals(503, SipText.status(refused), refused);
        assertEquals("30", SipText.header(refused, "Retry-After"), refused);
        assertTrue(rpc.result("core.shutdown", null).get("already").asBoolean());
    }

    @Test
    void shutdownWaitsForTransactionsInProgress() throws Exception {
        TestApps slow = TestApps.app().java("s.Slow", """
                package s;
                import jakarta.servlet.sip.*;
                public class Slow extends SipServlet {
                    @Override
                    protected void doOptions(SipServletRequest req) throws java.io.IOException {
                        try {
                            Thread.sleep(3000);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        req.createResponse(200).send();
                    }
                }
                """).sipXml("""
                <sip-app><app-name>echo</app-name>
                  <servlet><servlet-name>slow</servlet-name><servlet-class>s.Slow</servlet-class></servlet>
                </sip-app>
                """);
        start(TestServer.builder().app("echo", slow).routing(ROUTE_OPTIONS));
        CountDownLatch stopped = new CountDownLatch(1);
        server.server().operations().shutdown().stopWith(stopped::countDown);
        SipPeer peer = server.memoryPeer(1);
        peer.send(SipBuilder.request("OPTIONS", "sip:echo@127.0.0.1").via(peer));
        for (int i = 0; i < 50 && server.server().core().transactions().unfinished() == 0; i++) {
            Thread.sleep(20);
        }
        long t0 = System.nanoTime();
        assertEquals(1, rpc.result("core.shutdown", null).get("transactions").asInt());
        assertFalse(stopped.await(1500, TimeUnit.MILLISECONDS), "the OPTIONS is still unanswered: no stop yet");
        String answer = peer.receive(5000);
        assertNotNull(answer);
        assertEquals(200, SipText.status(answer), "the transaction in progress finishes");
        assertTrue(stopped.await(5, TimeUnit.SECONDS));
        assertTrue(System.nanoTime() - t0 >= 2_000_000_000L, "stopped only after the answer");
    }
}
