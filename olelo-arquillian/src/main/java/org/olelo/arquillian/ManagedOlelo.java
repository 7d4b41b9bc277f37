package org.olelo.arquillian;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Olelo as a process: {@code java -jar olelo.jar --deploy-dir D --set KEY=VALUE...} with the
 * environment's {@code OLELO_*} variables removed, its output written to {@code olelo.log} beside
 * the deploy folder. Ready when it prints {@code Olelo ready}; stopped with SIGTERM (then SIGKILL
 * after 20 s).
 */
final class ManagedOlelo implements OleloRuntime {

    private final OleloConfiguration config;
    private Process process;

    ManagedOlelo(OleloConfiguration config) {
        this.config = config;
    }

    @Override
    public void start(Path deploy, Map<String, String> settings) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(config.getJavaHome(), "bin", "java").toString());
        for (String o : config.getJavaOptions().split("\\s+")) {
            if (!o.isBlank()) {
                cmd.add(o);
            }
        }
        cmd.addAll(List.of("-jar", Path.of(config.getOleloJar()).toAbsolutePath().toString(), "--deploy-dir", deploy.toString()));
        settings.forEach((k, v) -> cmd.addAll(List.of("--set", k + "=" + v)));
        Path log = deploy.resolveSibling("olelo.log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("OLELO_"));
        process = pb.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(config.getStartupTimeoutSeconds()).toNanos();
        while (System.nanoTime() < deadline) {
            String out = read(log);
            if (out.contains("Olelo ready")) {
                return;
            }
            if (!process.isAlive()) {
                throw new IOException("olelo.jar exited with " + process.exitValue() + ":\n" + out);
            }
            Thread.sleep(100);
        }
        close();
        throw new IOException("olelo.jar not ready after " + config.getStartupTimeoutSeconds() + " s:\n" + read(log));
    }

    private static String read(Path log) throws IOException {
        return Files.isRegularFile(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    @Override
    public void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }
}
