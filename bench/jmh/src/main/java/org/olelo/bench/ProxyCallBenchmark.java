package org.olelo.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.olelo.container.boot.OleloServer;
import org.olelo.container.boot.ServerConfig;
import org.olelo.core.transport.InMemoryTransport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole call through the proxy application on the in-memory connector: the INVITE is parsed,
 * checked, put in a server transaction, routed by the application router to the proxy servlet
 * (on a virtual thread), relayed with Record-Route in a client transaction; then 180 and 200 come
 * back, ACK and BYE follow the recorded route and the 200 to BYE closes the call. The same
 * messages as the sipp call benchmark, without sockets. The proxy application is taken from
 * {@code deploy/apps/proxy.war} (system property {@code olelo.bench.apps} names another folder),
 * so run it from the project folder after the package build. With {@code -p app=dispatcher} the
 * call goes through the dispatcher application instead (one destination, the same callee, round
 * robin, failover on, probing off), which gives what load balancing adds to a call; the system
 * property {@code olelo.bench.dispatcher} adds settings of its own ({@code key=value}, comma-separated,
 * e.g. {@code dispatcher.failover=false}), passed with {@code -jvmArgsAppend -D...}.
 *
 * <p>One thread drives the calls; the server's transaction timers keep running as in a real run
 * (each call leaves transactions that end 32 s later), so the heap holds what a server at the
 * same rate holds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ProxyCallBenchmark {

    private static final InetSocketAddress CALLER = new InetSocketAddress(InetAddress.getLoopbackAddress(), 5080);
    private static final InetSocketAddress CALLEE = new InetSocketAddress(InetAddress.getLoopbackAddress(), 5070);

    /** The application the calls go through: {@code proxy} or {@code dispatcher}. */
    @Param({"proxy"})
    public String app;

    private Path root;
    private OleloServer server;
    private InMemoryTransport memory;
    private int n;

    /** Starts a server with the proxy application on an in-memory UDP connector. */
    @Setup(Level.Trial)
    public void start() throws Exception {
        root = Files.createTempDirectory("olelo-bench");
        Path deploy = root.resolve("deploy");
        Files.createDirectories(deploy.resolve("apps"));
        Files.writeString(deploy.resolve("routing.properties"),
                "ALL: (\"" + app + "\", \"DAR:From\", \"NEUTRAL\", \"\", \"NO_ROUTE\", \"0\")\n");
        Path war = Path.of(System.getProperty("olelo.bench.apps", "deploy/apps")).resolve(app + ".war");
        Files.copy(war, deploy.resolve("apps").resolve(app + ".war"));
        if (app.equals("dispatcher")) {
            Path list = Files.writeString(root.resolve("dispatcher.list"), "1 sip:127.0.0.1:5070\n");
            Files.writeString(deploy.resolve("apps").resolve("dispatcher.properties"), "dispatcher.list.file="
                    + list + "\ndispatcher.algorithm=4\ndispatcher.probing.interval.seconds=0\n" + System.getProperty("olelo.bench.dispatcher", "").replace(",", "\n") + "\n");
        }
        memory = InMemoryTransport.udp();
        ServerConfig defaults = ServerConfig.defaults();
        // no call log: one line per call would measure the console, not the call
        ServerConfig cfg = defaults.withDirs(deploy, root.resolve("data")).withListen(List.of())
                .withManagement(defaults.management().withoutHttp())
                .withLog(new org.olelo.container.boot.LogSettings(false, defaults.log().trace()));
        server = OleloServer.start(cfg, host -> new InetAddress[] {InetAddress.getLoopbackAddress()}, List.of(memory));
    }

    /** Stops the server and removes its folders. */
    @TearDown(Level.Trial)
    public void stop() throws Exception {
        server.close();
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * One call: INVITE, 100, 180, 200, ACK, BYE, 200.
     *
     * @return the 200 to the BYE as the caller receives it
     */
    @Benchmark
    public String call() throws Exception {
        int id = ++n;
        String callId = id + "-bench@127.0.0.1";
        inject(Messages.invite(id), CALLER);
        String invite = await(CALLEE, "INVITE ", callId);
        String vias = headers(invite, "Via:");
        String rr = headers(invite, "Record-Route:");
        String to = "To: <sip:uas@127.0.0.1:5070>;tag=s" + id + "\r\n";
        String common = vias + rr + "From: \"bench\" <sip:caller@127.0.0.1:5080>;tag=c" + id + "\r\n" + to
                + "Call-ID: " + callId + "\r\nCSeq: 1 INVITE\r\nContact: <sip:callee@127.0.0.1:5070;transport=UDP>\r\n";
        inject("SIP/2.0 180 Ringing\r\n" + common + "Content-Length: 0\r\n\r\n", CALLEE);
        inject("SIP/2.0 200 OK\r\n" + common + "Content-Type: application/sdp\r\nContent-Length: "
                + Messages.SDP.length() + "\r\n\r\n" + Messages.SDP, CALLEE);
        String ok = await(CALLER, "SIP/2.0 200", callId);
        String route = headers(ok, "Record-Route:").replace("Record-Route:", "Route:");
        String dialog = route + "From: \"bench\" <sip:caller@127.0.0.1:5080>;tag=c" + id + "\r\n" + to
                + "Call-ID: " + callId + "\r\nMax-Forwards: 70\r\n";
        inject("ACK sip:callee@127.0.0.1:5070;transport=UDP SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5080;branch=z9hG4bK-ack-" + id + ";rport\r\n" + dialog
                + "CSeq: 1 ACK\r\nContent-Length: 0\r\n\r\n", CALLER);
        await(CALLEE, "ACK ", callId);
        inject("BYE sip:callee@127.0.0.1:5070;transport=UDP SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5080;branch=z9hG4bK-bye-" + id + ";rport\r\n" + dialog
                + "CSeq: 2 BYE\r\nContent-Length: 0\r\n\r\n", CALLER);
        String bye = await(CALLEE, "BYE ", callId);
        inject("SIP/2.0 200 OK\r\n" + headers(bye, "Via:") + "From: \"bench\" <sip:caller@127.0.0.1:5080>;tag=c" + id
                + "\r\n" + to + "Call-ID: " + callId + "\r\nCSeq: 2 BYE\r\nContent-Length: 0\r\n\r\n", CALLEE);
        return await(CALLER, "SIP/2.0 200", callId);
    }

    private void inject(String text, InetSocketAddress from) {
        memory.inject(text.getBytes(StandardCharsets.UTF_8), from);
    }

    /** The next message to {@code to} that starts with {@code start} and belongs to the call. */
    private String await(InetSocketAddress to, String start, String callId) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            InMemoryTransport.Sent s = memory.poll(to, 1, TimeUnit.SECONDS);
            if (s != null) {
                String t = s.text();
                if (t.startsWith(start) && t.contains(callId)) {
                    return t;
                }
            }
        }
        throw new IOException("no " + start.trim() + " for " + callId + " at " + to);
    }

    /** Every line of the message that starts with the header name, each with its CRLF. */
    private static String headers(String message, String name) {
        StringBuilder b = new StringBuilder();
        for (String line : message.split("\r\n")) {
            if (line.isEmpty()) {
                break;
            }
            if (line.regionMatches(true, 0, name, 0, name.length())) {
                b.append(line).append("\r\n");
            }
        }
        return b.toString();
    }
}
