package org.olelo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.olelo.api.rpc.RpcCommand;
import org.olelo.api.rpc.RpcParams;
import org.olelo.container.boot.OleloServer;
import org.olelo.container.boot.ServerConfig;
import org.olelo.container.internal.db.Subscriber;
import org.olelo.container.internal.db.SubscriberStore;
import org.olelo.core.transport.ListenAddress;

/**
 * The {@code lcr} sample application in a server of this JVM, with two sipp gateways on loopback
 * ports and Kamailio-style rows: prefix {@code 49} to gw1 (priority 1) then gw2 (priority 2),
 * prefix {@code 1} to gw2 only, gw2 with prefix {@code 00}. The rows are written into the
 * server's database, read at the next start and again by the {@code lcr.reload} command (called
 * through the handler the application publishes; the lead checks it over HTTP once the RPC server
 * is there).
 */
@Timeout(240)
class LcrCallTest {

    private static final String HOST = "127.0.0.1";
    /** The example of deploy/routing.properties (the registrar is not deployed here: its tuple is skipped). */
    private static final String ROUTING = "INVITE: (\"lcr\", \"DAR:From\", \"ORIGINATING\", \"\", \"NO_ROUTE\", \"0\","
            + " \"ruri.user=~^\\+?[0-9]+$\"), \\\n"
            + "        (\"registrar\", \"DAR:To\", \"TERMINATING\", \"\", \"NO_ROUTE\", \"1\","
            + " \"ruri.local=true && ruri.user!~^\\+?[0-9]+$\")\n";

    @RegisterExtension
    final SippRunner sipp = new SippRunner();
    private Path root;
    private OleloServer server;
    private int port;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Starts (or restarts) the server on the same folders; a fresh port each time. */
    private void start(String lcrProperties) throws Exception {
        if (server != null) {
            server.close();
        }
        if (root == null) {
            root = WorkFolders.fresh("lcr-" + System.nanoTime());
            Path apps = Files.createDirectories(root.resolve("deploy").resolve("apps"));
            Path war = Path.of(System.getProperty("olelo.lcr.war", "../sample-apps/lcr/target/lcr.war"));
            if (!Files.isRegularFile(war)) {
                throw new IllegalStateException("no lcr application at " + war.toAbsolutePath()
                        + ": build it first (mvn -pl sample-apps/lcr -am package)");
            }
            Files.copy(war, apps.resolve("lcr.war"));
            Files.writeString(root.resolve("deploy").resolve("routing.properties"), ROUTING);
            if (lcrProperties != null) {
                Files.writeString(apps.resolve("lcr.properties"), lcrProperties);
            }
        }
        port = FreePorts.udp();
        server = OleloServer.start(ServerConfig.defaults()
                .withDirs(root.resolve("deploy"), root.resolve("data"))
                .withListen(List.of(ListenAddress.parse("udp:" + HOST + ":" + port)))
                .withManagement(ServerConfig.defaults().management().withoutHttp()));
        if (server.applications().get("lcr") == null) {
            throw new IllegalStateException("lcr did not deploy: " + server.deployer().failures());
        }
    }

    private void sql(String... statements) throws Exception {
        DataSource ds = server.database().defaultPool();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String st : statements) {
                s.execute(st);
            }
        }
    }

    private void rows(int gw1, int gw2) throws Exception {
        sql("INSERT INTO lcr_gw (id, lcr_id, gw_name, ip_addr, port, uri_scheme, transport, strip, prefix)"
                        + " VALUES (1, 1, 'gw1', '127.0.0.1', " + gw1 + ", 1, 1, 0, NULL)",
                "INSERT INTO lcr_gw (id, lcr_id, gw_name, ip_addr, port, uri_scheme, transport, strip, prefix)"
                        + " VALUES (2, 1, 'gw2', '127.0.0.1', " + gw2 + ", 1, 1, 0, '00')",
                "INSERT INTO lcr_rule (id, lcr_id, prefix, stopper, enabled) VALUES (1, 1, '49', 0, 1)",
                "INSERT INTO lcr_rule (id, lcr_id, prefix, stopper, enabled) VALUES (2, 1, '1', 0, 1)",
                "INSERT INTO lcr_rule_target (id, lcr_id, rule_id, gw_id, priority, weight) VALUES (1, 1, 1, 1, 1, 1)",
                "INSERT INTO lcr_rule_target (id, lcr_id, rule_id, gw_id, priority, weight) VALUES (2, 1, 1, 2, 2, 1)",
                "INSERT INTO lcr_rule_target (id, lcr_id, rule_id, gw_id, priority, weight) VALUES (3, 1, 2, 2, 1, 1)");
    }

    @SuppressWarnings("unchecked")
    private Object command(String name) throws Exception {
        Object attr = server.applications().get("lcr").servletContext().getAttribute("org.olelo.apps.lcr.commands");
        for (RpcCommand c : (List<RpcCommand>) attr) {
            if (c.name().equals(name)) {
                return c.handler().call(new RpcParams(Map.of()));
            }
        }
        throw new AssertionError("no command " + name);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> gateway(String name) throws Exception {
        List<Map<String, Object>> gws = (List<Map<String, Object>>) ((Map<String, Object>) command("lcr.dump_gws"))
                .get("gateways");
        return gws.stream().filter(g -> name.equals(g.get("gw_name"))).findFirst().orElseThrow();
    }

    private SippRunner.Run gateway(String name, String scenario, int gwPort) throws InterruptedException {
        SippRunner.Run r = sipp.start(name, scenario, "-t", "u1", "-i", HOST, "-p", Integer.toString(gwPort), "-m", "1");
        r.awaitListening("u1", gwPort);
        return r;
    }

    private SippResult call(String name, String scenario, String number, String... extra) throws InterruptedException {
        List<String> args = new java.util.ArrayList<>(List.of("-t", "u1", "-s", number, "-i", HOST, "-p",
                Integer.toString(FreePorts.udp()), HOST + ":" + port, "-m", "1"));
        args.addAll(List.of(extra));
        return sipp.start(name, scenario, args.toArray(String[]::new)).await(SippRunner.SIPP_TIMEOUT.plusSeconds(10));
    }

    private static String inviteLine(SippResult gw) {
        return SippMessages.read(gw.dir()).stream().filter(m -> m.received() && m.startLine().startsWith("INVITE "))
                .findFirst().map(SippMessages.Message::startLine).orElse("(no INVITE)");
    }

    @Test
    void routesByPrefixFailsOverToTheNextGatewayAndReloads() throws Exception {
        int gw1 = FreePorts.udp();
        int gw2 = FreePorts.udp();
        start("auth.required=false\n");
        rows(gw1, gw2);
        start(null); // the rows are read at start
        assertEquals("active", gateway("gw2").get("state"));

        // 49...: gw1 first, number unchanged
        SippRunner.Run g1 = gateway("gw1-a", "uas.xml", gw1);
        SippResult c1 = call("caller-a", "uac.xml", "4930123");
        SippResult r1 = c1.allSuccessful(1) ? g1.await(Duration.ofSeconds(10)) : g1.stop();
        assertTrue(c1.allSuccessful(1) && r1.allSuccessful(1), () -> c1.describe() + "\n\n" + r1.describe());
        assertTrue(inviteLine(r1).startsWith("INVITE sip:4930123@127.0.0.1:" + gw1), inviteLine(r1));

        // gw1 answers 503: gw2 completes the call, with its prefix 00
        SippRunner.Run g1b = gateway("gw1-b", "uas-503.xml", gw1);
        SippRunner.Run g2b = gateway("gw2-b", "uas.xml", gw2);
        SippResult c2 = call("caller-b", "uac.xml", "4930123");
        SippResult r1b = g1b.await(Duration.ofSeconds(10));
        SippResult r2b = c2.allSuccessful(1) ? g2b.await(Duration.ofSeconds(10)) : g2b.stop();
        assertTrue(c2.allSuccessful(1) && r1b.allSuccessful(1) && r2b.allSuccessful(1),
                () -> c2.describe() + "\n\n" + r1b.describe() + "\n\n" + r2b.describe());
        assertTrue(inviteLine(r2b).startsWith("INVITE sip:004930123@127.0.0.1:" + gw2), inviteLine(r2b));

        // 1...: gw2 only; gw1 listens but gets nothing
        SippRunner.Run g1c = gateway("gw1-c", "uas.xml", gw1);
        SippRunner.Run g2c = gateway("gw2-c", "uas.xml", gw2);
        SippResult c3 = call("caller-c", "uac.xml", "15551234");
        SippResult r2c = c3.allSuccessful(1) ? g2c.await(Duration.ofSeconds(10)) : g2c.stop();
        SippResult r1c = g1c.stop();
        assertTrue(c3.allSuccessful(1) && r2c.allSuccessful(1), () -> c3.describe() + "\n\n" + r2c.describe());
        assertTrue(inviteLine(r2c).startsWith("INVITE sip:0015551234@127.0.0.1:" + gw2), inviteLine(r2c));
        assertEquals("(no INVITE)", inviteLine(r1c), "gw1 has no rule for prefix 1");

        // no rule: 404
        SippResult c4 = call("caller-d", "uac-404.xml", "3312345");
        assertTrue(c4.allSuccessful(1), c4::describe);

        Map<String, Object> s1 = gateway("gw1");
        Map<String, Object> s2 = gateway("gw2");
        assertEquals(List.of(2L, 1L, 1L), List.of(s1.get("attempts"), s1.get("answered"), s1.get("failed")), s1.toString());
        assertEquals(List.of(2L, 2L, 0L), List.of(s2.get("attempts"), s2.get("answered"), s2.get("failed")), s2.toString());

        // changed rows count after lcr.reload: gw2's prefix becomes 99
        sql("UPDATE lcr_gw SET prefix = '99' WHERE id = 2");
        Map<?, ?> reloaded = (Map<?, ?>) command("lcr.reload");
        assertEquals(2, reloaded.get("gateways"));
        SippRunner.Run g2d = gateway("gw2-d", "uas.xml", gw2);
        SippResult c5 = call("caller-e", "uac.xml", "15551234");
        SippResult r2d = c5.allSuccessful(1) ? g2d.await(Duration.ofSeconds(10)) : g2d.stop();
        assertTrue(c5.allSuccessful(1) && r2d.allSuccessful(1), () -> c5.describe() + "\n\n" + r2d.describe());
        assertTrue(inviteLine(r2d).startsWith("INVITE sip:9915551234@127.0.0.1:" + gw2), inviteLine(r2d));
    }

    /**
     * A 486 from gw1 goes back to the caller (gw2 is not tried); a gw1 that rings without answering
     * is cancelled after {@code gw.timeout} and gw2 completes the call; after {@code gw.failures}
     * failures in a row gw1 is taken out and calls go straight to gw2.
     */
    @Test
    void busyStopsTheSearchNoAnswerFailsOverAndFailingGatewaysAreTakenOut() throws Exception {
        int gw1 = FreePorts.udp();
        int gw2 = FreePorts.udp();
        start("auth.required=false\ngw.timeout=2\ngw.failures=2\ngw.defunct.seconds=600\n");
        rows(gw1, gw2);
        command("lcr.reload");

        SippRunner.Run busy = gateway("gw1-busy", "uas-busy.xml", gw1);
        SippRunner.Run idle = gateway("gw2-idle", "uas.xml", gw2);
        SippResult c1 = call("caller-busy", "uac-busy.xml", "4930123");
        SippResult b = busy.await(Duration.ofSeconds(10));
        SippResult i = idle.stop();
        assertTrue(c1.allSuccessful(1) && b.allSuccessful(1), () -> c1.describe() + "\n\n" + b.describe());
        assertEquals("(no INVITE)", inviteLine(i), "a 486 is the callee's answer: no other gateway is tried");

        SippRunner.Run ring = gateway("gw1-ring", "uas-ring.xml", gw1);
        SippRunner.Run answer = gateway("gw2-answer", "uas.xml", gw2);
        SippResult c2 = call("caller-ring", "uac.xml", "4930123");
        SippResult r = ring.await(Duration.ofSeconds(10));
        SippResult a = c2.allSuccessful(1) ? answer.await(Duration.ofSeconds(10)) : answer.stop();
        assertTrue(c2.allSuccessful(1) && r.allSuccessful(1) && a.allSuccessful(1),
                () -> c2.describe() + "\n\n" + r.describe() + "\n\n" + a.describe());
        assertEquals("active", gateway("gw1").get("state"), "one failure of two");

        SippRunner.Run fail = gateway("gw1-503", "uas-503.xml", gw1);
        SippRunner.Run answer2 = gateway("gw2-answer2", "uas.xml", gw2);
        SippResult c3 = call("caller-503", "uac.xml", "4930123");
        SippResult f = fail.await(Duration.ofSeconds(10));
        SippResult a2 = c3.allSuccessful(1) ? answer2.await(Duration.ofSeconds(10)) : answer2.stop();
        assertTrue(c3.allSuccessful(1) && f.allSuccessful(1) && a2.allSuccessful(1),
                () -> c3.describe() + "\n\n" + f.describe() + "\n\n" + a2.describe());
        Map<String, Object> g1 = gateway("gw1");
        assertEquals("defunct", g1.get("state"), g1.toString());
        assertEquals(List.of(3L, 0L, 2L), List.of(g1.get("attempts"), g1.get("answered"), g1.get("failed")), g1.toString());

        SippRunner.Run out = gateway("gw1-out", "uas.xml", gw1);
        SippRunner.Run answer3 = gateway("gw2-answer3", "uas.xml", gw2);
        SippResult c4 = call("caller-out", "uac.xml", "4930123");
        SippResult a3 = c4.allSuccessful(1) ? answer3.await(Duration.ofSeconds(10)) : answer3.stop();
        SippResult o = out.stop();
        assertTrue(c4.allSuccessful(1) && a3.allSuccessful(1), () -> c4.describe() + "\n\n" + a3.describe());
        assertEquals("(no INVITE)", inviteLine(o), "a defunct gateway is not tried");
    }

    /** By default a caller is challenged (407) and gets through with a subscriber's password. */
    @Test
    void callersMustAuthenticateByDefault() throws Exception {
        int gw1 = FreePorts.udp();
        int gw2 = FreePorts.udp();
        start(null);
        rows(gw1, gw2);
        command("lcr.reload");
        new SubscriberStore(server.database().defaultPool()).add(new Subscriber(0, "caller", HOST,
                hex("MD5", "caller:" + HOST + ":s3cret"), hex("SHA-256", "caller:" + HOST + ":s3cret"), List.of(),
                Instant.now()));

        SippRunner.Run g1 = gateway("gw1", "uas.xml", gw1);
        SippResult c = call("caller", "uac-auth.xml", "4930123", "-au", "caller", "-ap", "s3cret",
                "-auth_uri", "4930123@" + HOST + ":" + port + ";transport=UDP"); // sipp's default is remote_ip:remote_port
        SippResult r = c.allSuccessful(1) ? g1.await(Duration.ofSeconds(10)) : g1.stop();
        assertTrue(c.allSuccessful(1) && r.allSuccessful(1), () -> c.describe() + "\n\n" + r.describe());
        assertTrue(SippMessages.read(c.dir()).stream().anyMatch(m -> m.received() && m.isResponse(407)),
                "the first INVITE must be challenged");
        assertEquals(1, SippMessages.read(r.dir()).stream()
                .filter(m -> m.received() && m.startLine().startsWith("INVITE ")).count(), "only the authenticated INVITE");
    }

    private static String hex(String algorithm, String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
