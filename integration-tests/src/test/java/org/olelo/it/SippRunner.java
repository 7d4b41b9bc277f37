package org.olelo.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs sipp processes for one test, each in its own folder under
 * {@code target/sipp-<test>/<name>/} with its scenario, output ({@code sipp.out}), statistics
 * ({@code stats.csv}), message trace and error log.
 *
 * <p>Every run gets {@code -nostdin -timeout 30s -timeout_error}, free media and control ports
 * and the trace options; {@link Run#await} is bounded too. When sipp is not on the PATH the test is
 * skipped, unless the environment variable {@code CI} is set: then it fails.
 *
 * <p>A JUnit extension: register it on an instance field
 * ({@code @RegisterExtension final SippRunner sipp = new SippRunner();}); before each test it
 * empties that test's folder and finds sipp, after each test it kills the runs still alive.
 *
 * <p>Not thread-safe: used by one test thread.
 */
final class SippRunner implements AutoCloseable, BeforeEachCallback, AfterEachCallback {

    /** How long sipp itself may run (its {@code -timeout}). */
    static final Duration SIPP_TIMEOUT = Duration.ofSeconds(30);

    private final List<Run> runs = new ArrayList<>();
    private String executable;
    private Path workDir;

    @Override
    public void beforeEach(ExtensionContext context) {
        executable = findSipp();
        String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
        workDir = WorkFolders.fresh("sipp-" + name);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    /**
     * Starts sipp with a scenario from {@code src/test/resources/sipp/}.
     *
     * @param name     the run's name, e.g. {@code uas}; names its folder
     * @param scenario the scenario file name, e.g. {@code uas.xml}
     * @param args     the remaining sipp arguments (transport, addresses, call count, rate)
     * @return the running process
     */
    Run start(String name, String scenario, String... args) {
        if (workDir == null) {
            throw new IllegalStateException("register SippRunner with @RegisterExtension on an instance field");
        }
        Path dir = workDir.resolve(name);
        try {
            Files.createDirectories(dir);
            try (InputStream in = SippRunner.class.getResourceAsStream("/sipp/" + scenario)) {
                if (in == null) {
                    throw new IllegalArgumentException("no scenario sipp/" + scenario + " on the test class path");
                }
                Files.copy(in, dir.resolve(scenario));
            }
            List<String> cmd = new ArrayList<>(List.of(executable, "-sf", scenario, "-nostdin",
                    "-timeout", SIPP_TIMEOUT.toSeconds() + "s", "-timeout_error",
                    "-trace_err", "-trace_msg", "-trace_stat", "-stf", "stats.csv",
                    "-mp", Integer.toString(FreePorts.mediaBlock()), "-cp", Integer.toString(FreePorts.udp())));
            cmd.addAll(List.of(args));
            Files.writeString(dir.resolve("command.txt"), String.join(" ", cmd) + System.lineSeparator());
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("sipp.out").toFile()).start();
            p.getOutputStream().close();
            Run run = new Run(name, dir, p);
            runs.add(run);
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills every run that is still alive. */
    @Override
    public void close() {
        runs.forEach(Run::kill);
        runs.clear();
    }

    /** One sipp process. */
    static final class Run {
        private final String name;
        private final Path dir;
        private final Process process;

        private Run(String name, Path dir, Process process) {
            this.name = name;
            this.dir = dir;
            this.process = process;
        }

        /**
         * Waits until this process listens on a port (read from {@code /proc/net}; where that is
         * missing, waits half a second).
         *
         * @param transport sipp's transport option, {@code u1} or {@code t1}
         * @param port      the port it was told to bind
         */
        void awaitListening(String transport, int port) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            boolean tcp = transport.startsWith("t");
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    fail(name + " ended before listening: " + result(false).describe());
                }
                Boolean bound = SocketTable.bound(tcp, port);
                if (bound == null) {
                    Thread.sleep(500);
                    return;
                }
                if (bound) {
                    return;
                }
                Thread.sleep(20);
            }
            fail(name + " does not listen on " + (tcp ? "TCP" : "UDP") + " port " + port + " after 5 s; see " + dir);
        }

        /**
         * Waits for the end of the process, at most {@code limit}; kills it past that.
         *
         * @return exit code and call counts
         */
        SippResult await(Duration limit) throws InterruptedException {
            boolean ended = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                kill();
            }
            return result(!ended);
        }

        /** Kills the process now if it still runs, and returns what it reached. */
        SippResult stop() {
            boolean wasAlive = process.isAlive();
            kill();
            return result(wasAlive);
        }

        private void kill() {
            if (process.isAlive()) {
                process.destroy();
                try {
                    if (!process.waitFor(2, TimeUnit.SECONDS)) {
                        process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
        }

        private SippResult result(boolean killed) {
            int code = process.isAlive() ? -1 : process.exitValue();
            long[] calls = SippResult.readStats(dir);
            return new SippResult(name, code, killed, calls[0], calls[1], dir);
        }
    }

    private static String findSipp() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String d : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(d.isEmpty() ? "." : d, "sipp");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        String ci = System.getenv("CI");
        if (ci != null && !ci.isBlank() && !ci.toLowerCase(Locale.ROOT).equals("false")) {
            fail("sipp is not on the PATH and CI is set, so the sipp tests must run: install the Debian package"
                    + " sip-tester (.ci/run does)");
        }
        Assumptions.abort("sipp is not on the PATH: sipp tests skipped (Debian package sip-tester)");
        throw new AssertionError("unreachable");
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(" + file.getFileName() + " unreadable: " + e.getMessage() + ")";
        }
    }
}
