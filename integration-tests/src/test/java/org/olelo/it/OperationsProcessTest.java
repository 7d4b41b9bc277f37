package org.olelo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The operations plane of a real {@code olelo.jar} process: a user registered by sipp is found
 * through {@code POST /rpc ul.dump}, {@code bin/olelo ctl} answers with exit codes 0, 1 and 2, and
 * {@code ctl core.shutdown} stops the process with code 0.
 */
class OperationsProcessTest {

    private static final String HOST = "127.0.0.1";
    private static final Duration LIMIT = Duration.ofSeconds(40);

    @RegisterExtension
    static final OleloExtension OLELO = OleloExtension.started(null)
            .setup(p -> assertEquals(0, p.subscriber("add", "dave@127.0.0.1", "--password", "d4ve")));
    @RegisterExtension
    final OleloExtension more = OleloExtension.onDemand();
    @RegisterExtension
    final SippRunner sipp = new SippRunner();

    /** Output and exit code of one {@code bin/olelo} run. */
    record Run(int code, String out) {
    }

    private static Run ctl(OleloProcess server, int httpPort, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("olelo.bin", "../bin/olelo"))
                .toAbsolutePath().toString(), "ctl", "--deploy-dir", server.deploy().toString(),
                "--set", "http.listen=127.0.0.1:" + httpPort));
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile(server.root(), "ctl", ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("OLELO_JAR", Path.of(System.getProperty("olelo.jar", "../container/target/olelo.jar"))
                .toAbsolutePath().toString());
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("olelo ctl did not finish: " + cmd);
        }
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    @Test
    void aRegisteredUserIsFoundOverHttpAndWithOleloCtl() throws Exception {
        int phone = FreePorts.udp();
        SippResult reg = sipp.start("reg-dave", "register.xml", "-s", "dave", "-au", "dave", "-ap", "d4ve",
                "-key", "expires", "600", "-i", HOST, "-p", Integer.toString(phone), "-m", "1",
                HOST + ":" + OLELO.port()).await(LIMIT);
        assertTrue(reg.allSuccessful(1), reg::describe);

        HttpResponse<String> dump = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(OLELO.process().httpBase() + "/rpc"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"method\":\"ul.dump\",\"id\":1}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, dump.statusCode(), dump.body());
        assertTrue(dump.body().contains("\"aor\":\"sip:dave@127.0.0.1\""), dump.body());
        assertTrue(dump.body().contains("\"received\":\"udp:127.0.0.1:" + phone + "\""), dump.body());

        int http = OLELO.process().httpPort();
        Run found = ctl(OLELO.process(), http, "ul.lookup", "sip:dave@127.0.0.1");
        assertEquals(0, found.code(), found.out());
        assertTrue(found.out().contains("aor: sip:dave@127.0.0.1"), found.out());
        assertTrue(found.out().contains("expires: "), found.out());

        Run missing = ctl(OLELO.process(), http, "ul.lookup", "sip:nobody@127.0.0.1");
        assertEquals(1, missing.code(), missing.out());
        assertEquals("olelo: ctl: ul.lookup: no contact for sip:nobody@127.0.0.1 (code 404)", missing.out().strip());

        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Run unreachable = ctl(OLELO.process(), closed, "core.version");
        assertEquals(2, unreachable.code(), unreachable.out());
        assertTrue(unreachable.out().strip().startsWith("olelo: ctl: cannot reach the server at http://127.0.0.1:"
                + closed + "/rpc"), unreachable.out());
    }

    @Test
    void ctlShutdownStopsTheProcessWithCode0() throws Exception {
        OleloProcess p = more.create();
        p.start("shutdown.drain.seconds=5");
        Run r = ctl(p, p.httpPort(), "core.shutdown");
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("stopping: true"), r.out());
        assertEquals(0, p.awaitExit(Duration.ofSeconds(30)), p.log());
        assertTrue(p.log().contains("Shutdown requested over the management interface"), p.log());
        assertTrue(p.log().contains("Olelo stopped"), p.log());
    }
}
