package org.olelo.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Olelo as its users run it: {@code java -jar container/target/olelo.jar} in a process of its own,
 * with a deploy folder made from the project's default deployment ({@code deploy/routing.properties}
 * and the sample archives), listening on free UDP and TCP ports of 127.0.0.1 (the HTTP listener on
 * another free TCP port; a test's own {@code http.listen} setting replaces it). It can be killed with
 * SIGKILL and started again on the same data folder; the provisioning CLI runs against the same
 * folders. Tests get one from {@link OleloExtension}, which also stops it.
 */
final class OleloProcess implements AutoCloseable {

    private final Path root;
    private final Path deploy;
    private final Path data;
    private final int port;
    private final int httpPort;
    private Process process;
    private Path log;
    private int starts;
    private List<String> jvmOptions = List.of();
    private List<Path> classPath = List.of();
    private List<String> listen = List.of();
    private String host = "127.0.0.1";

    /**
     * Prepares the folders with some of the sample applications and a routing descriptor of the
     * test's own.
     *
     * @param routing the routing descriptor's text; null for the project's default one
     * @param apps    application archive names without {@code .war}, e.g. {@code b2bua}, as the
     *                build copied them into {@code deploy/apps}, or, for applications outside the
     *                default deployment, as it left them in {@code sample-apps/<name>/target}
     */
    OleloProcess(Path root, String routing, List<String> apps) throws IOException {
        this.root = root;
        this.deploy = root.resolve("deploy");
        this.data = root.resolve("data");
        Files.createDirectories(deploy.resolve("apps"));
        Path source = Path.of(System.getProperty("olelo.deploy", "../deploy"));
        if (routing == null) {
            Files.copy(source.resolve("routing.properties"), deploy.resolve("routing.properties"));
        } else {
            Files.writeString(deploy.resolve("routing.properties"), routing);
        }
        for (String app : apps) {
            Path war = source.resolve("apps").resolve(app + ".war");
            if (!Files.isRegularFile(war)) {
                war = source.resolveSibling("sample-apps").resolve(app).resolve("target").resolve(app + ".war");
            }
            if (!Files.isRegularFile(war)) {
                throw new IllegalStateException("no application archive " + war.toAbsolutePath()
                        + ": build it first (mvn -pl sample-apps/" + app + " -am package)");
            }
            Files.copy(war, deploy.resolve("apps").resolve(app + ".war"));
        }
        this.port = FreePorts.both();
        this.httpPort = FreePorts.tcp();
    }

    /**
     * Writes {@code deploy/apps/<app>.properties}: context parameters of that application for this
     * deployment. Call before {@link #start}.
     */
    void appProperties(String app, String properties) throws IOException {
        Files.writeString(deploy.resolve("apps").resolve(app + ".properties"), properties);
    }

    /** The folder of this server's deploy and data folders and logs. */
    Path root() {
        return root;
    }

    /** The SIP port (UDP and TCP) on 127.0.0.1. */
    int port() {
        return port;
    }

    /** The port of the HTTP listener (management endpoints) on 127.0.0.1. */
    int httpPort() {
        return httpPort;
    }

    /** {@code http://127.0.0.1:<port>}: the base of the management endpoints. */
    String httpBase() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** The data folder. */
    Path data() {
        return data;
    }

    /** The deploy folder (tests may change routing or settings before starting). */
    Path deploy() {
        return deploy;
    }

    /** The loopback address of the SIP listening points for the next starts (default 127.0.0.1). */
    void host(String address) {
        host = address;
    }

    /** Further listening points for the next starts ({@code --listen}, e.g. {@code ws:127.0.0.1:PORT}). */
    void listen(String... points) {
        listen = List.of(points);
    }

    /** JVM options for the next starts, e.g. a {@code -D} system property. */
    void jvmOptions(String... options) {
        jvmOptions = List.of(options);
    }

    /**
     * Jars to put on the class path after {@code olelo.jar} for the next starts: the server then
     * runs as {@code java -cp olelo.jar:JAR... org.olelo.container.boot.Main} instead of {@code -jar}.
     */
    void classPath(Path... jars) {
        classPath = List.of(jars);
    }

    private List<String> java() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        cmd.addAll(jvmOptions);
        String jar = Path.of(System.getProperty("olelo.jar", "../container/target/olelo.jar")).toAbsolutePath().toString();
        if (classPath.isEmpty()) {
            cmd.add("-jar");
            cmd.add(jar);
        } else {
            StringBuilder cp = new StringBuilder(jar);
            classPath.forEach(p -> cp.append(java.io.File.pathSeparator).append(p.toAbsolutePath()));
            cmd.addAll(List.of("-cp", cp.toString(), "org.olelo.container.boot.Main"));
        }
        return cmd;
    }

    /** Starts the server and waits for its ready line. */
    void start(String... settings) throws IOException, InterruptedException {
        List<String> cmd = java();
        cmd.addAll(List.of("--deploy-dir", deploy.toString(), "--data-dir", data.toString(),
                "--listen", "udp:" + host + ":" + port, "--listen", "tcp:" + host + ":" + port,
                "--set", "http.listen=127.0.0.1:" + httpPort));
        listen.forEach(l -> cmd.addAll(List.of("--listen", l)));
        for (String s : settings) {
            cmd.add("--set");
            cmd.add(s);
        }
        log = root.resolve("olelo-" + (++starts) + ".log");
        process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (System.nanoTime() < deadline) {
            String out = Files.readString(log, StandardCharsets.UTF_8);
            if (out.contains("Olelo ready")) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("Olelo exited with " + process.exitValue() + ":\n" + out);
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Olelo not ready after 40 s:\n" + Files.readString(log, StandardCharsets.UTF_8));
    }

    /**
     * Waits for the server to exit by itself.
     *
     * @return its exit code, or -1 when it still runs after {@code limit}
     */
    int awaitExit(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    /** Kills the server with SIGKILL (no shutdown hook runs). */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Runs {@code olelo.jar subscriber ...} against the same folders; returns its exit code. */
    int subscriber(String... args) throws IOException, InterruptedException {
        List<String> cmd = java();
        cmd.add("subscriber");
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--deploy-dir", deploy.toString(), "--data-dir", data.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(root.resolve("cli.log").toFile()).start();
        if (!p.waitFor(40, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("subscriber command did not finish");
        }
        return p.exitValue();
    }

    /** The server's output so far. */
    String log() throws IOException {
        return log == null ? "" : Files.readString(log, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
