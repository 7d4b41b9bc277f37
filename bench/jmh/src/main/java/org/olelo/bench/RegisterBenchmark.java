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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A REGISTER through the registrar application on the in-memory connector, as
 * {@code bench/registrations --modes memory} sends it: the request is parsed, put in a server
 * transaction, routed to the register servlet (on a virtual thread), which reads it through the
 * servlet API, stores the binding in memory and answers 200 with the bindings and a Date. The
 * operation ends when the 200 reaches the client. Users cycle through 100,000 names, so after the
 * first round each REGISTER replaces its user's binding (a new Call-ID each time), and the heap
 * stays bounded over a long run.
 *
 * <p>The registrar is taken from {@code deploy/apps/registrar.war} (system property
 * {@code olelo.bench.apps} names another folder), so run it from the project folder after the
 * package build. One thread drives the requests; the transactions' timers run as in a real server.
 * Each iteration also prints the process's CPU time per REGISTER.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class RegisterBenchmark {

    private static final InetSocketAddress CLIENT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 5080);
    private static final int USERS = 100_000;

    private Path root;
    private OleloServer server;
    private InMemoryTransport memory;
    private int n;
    private int iterationStart;
    private long cpuStart;

    /** Starts a server with the registrar (bindings in memory) on an in-memory UDP connector. */
    @Setup(Level.Trial)
    public void start() throws Exception {
        root = Files.createTempDirectory("olelo-bench");
        Path deploy = root.resolve("deploy");
        Files.createDirectories(deploy.resolve("apps"));
        Files.writeString(deploy.resolve("routing.properties"),
                "REGISTER: (\"registrar\", \"DAR:To\", \"TERMINATING\", \"\", \"NO_ROUTE\", \"0\")\n");
        Path war = Path.of(System.getProperty("olelo.bench.apps", "deploy/apps")).resolve("registrar.war");
        Files.copy(war, deploy.resolve("apps").resolve("registrar.war"));
        Files.writeString(deploy.resolve("apps").resolve("registrar.properties"), "db.mode=memory\n");
        memory = InMemoryTransport.udp();
        ServerConfig defaults = ServerConfig.defaults();
        org.olelo.container.internal.security.AuthSettings auth = defaults.auth();
        // no digest: the sipp benchmark's memory mode registers without credentials
        ServerConfig cfg = defaults.withDirs(deploy, root.resolve("data")).withListen(List.of())
                .withAuth(new org.olelo.container.internal.security.AuthSettings(false, auth.nonceSeconds(), auth.maxFailures(),
                        auth.maxFailuresSource(), auth.blockSeconds(), auth.algorithms()))
                .withManagement(defaults.management().withoutHttp())
                .withLog(new org.olelo.container.boot.LogSettings(false, defaults.log().trace()));
        server = OleloServer.start(cfg, host -> new InetAddress[] {InetAddress.getLoopbackAddress()}, List.of(memory));
    }

    /** Notes the process's CPU time at the start of an iteration. */
    @Setup(Level.Iteration)
    public void startIteration() {
        iterationStart = n;
        cpuStart = processCpuNanos();
    }

    /**
     * Prints the CPU time of the whole process (all threads, this driver's included) per REGISTER
     * over the iteration: on a shared machine a steadier figure than the latency of one request.
     */
    @TearDown(Level.Iteration)
    public void endIteration() {
        int ops = n - iterationStart;
        if (ops > 0) {
            System.out.printf("cpu per REGISTER: %.1f us (%d REGISTERs)%n",
                    (processCpuNanos() - cpuStart) / 1000.0 / ops, ops);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
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
     * One registration: REGISTER, 200.
     *
     * @return the 200 as the client receives it
     */
    @Benchmark
    public String register() throws Exception {
        int id = ++n;
        String user = "u" + (id % USERS);
        String callId = id + "-reg@127.0.0.1";
        String text = "REGISTER sip:127.0.0.1:5060 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5080;branch=z9hG4bK-reg-" + id + "\r\n"
                + "From: <sip:" + user + "@127.0.0.1>;tag=r" + id + "\r\n"
                + "To: <sip:" + user + "@127.0.0.1>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 REGISTER\r\n"
                + "Contact: <sip:" + user + "@127.0.0.1:5080;transport=UDP>\r\n"
                + "Expires: 3600\r\nMax-Forwards: 70\r\nUser-Agent: olelo-bench\r\nContent-Length: 0\r\n\r\n";
        memory.inject(text.getBytes(StandardCharsets.UTF_8), CLIENT);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            InMemoryTransport.Sent s = memory.poll(CLIENT, 1, TimeUnit.SECONDS);
            if (s != null) {
                String t = s.text();
                if (t.contains(callId)) {
                    if (!t.startsWith("SIP/2.0 200")) {
                        throw new IOException("REGISTER " + id + " answered " + t.substring(0, t.indexOf('\r')));
                    }
                    return t;
                }
            }
        }
        throw new IOException("no answer to REGISTER " + id);
    }
}
