package org.olelo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/olelo} and {@code java -jar olelo.jar} as a newcomer runs them: with no
 * {@code JAVA_HOME} and a Java older than 21 first on the PATH, the script runs Olelo on a JDK 21+
 * it finds; an old Java running the jar says on one line what it needs; and the class-data-sharing
 * archive is written, reused and renewed after the jar changes without a single JVM warning.
 */
class StartScriptTest {

    /** What the JVM prints on its own: unified logging warnings and errors, VM warnings, launcher warnings. */
    private static final Pattern JVM_NOISE = Pattern.compile(
            "(?m)^(\\[[^\\]]*\\]\\[(warning|error)\\s*\\]|.*VM warning|WARNING: |Error: |Exception in thread)");

    @TempDir
    Path tmp;
    private Path script;
    private Path oldBin;

    @BeforeEach
    void find() throws IOException {
        script = Path.of(System.getProperty("olelo.bin", "../bin/olelo")).toAbsolutePath();
        oldBin = Jdks.oldJavaBin(tmp.resolve("old-java"));
    }

    /** A process's exit code and everything it printed. */
    record Run(int exitCode, String output) {
    }

    private Run run(Map<String, String> env, List<String> cmd, Duration limit) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Path out = Files.createTempFile(tmp, "run", ".log");
        pb.redirectOutput(out.toFile());
        oldJavaFirst(pb.environment());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("no exit after " + limit + ": " + cmd + "\n" + Files.readString(out));
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    }

    /** No JAVA_HOME, and the old Java first on the PATH. */
    private void oldJavaFirst(Map<String, String> env) {
        env.remove("JAVA_HOME");
        env.put("PATH", oldBin + ":/usr/bin:/bin");
    }

    private static void assertNoJvmNoise(String output) {
        assertTrue(!JVM_NOISE.matcher(output).find(), "the JVM printed a warning:\n" + output);
    }

    private void assumeANewerJdkCanBeFound() throws IOException {
        Assumptions.assumeTrue(Jdks.currentJdkIsInASearchedFolder(),
                "the JDK running the tests is in none of the folders bin/olelo searches");
    }

    @Test
    void theScriptRunsOnANewerJdkWhenTheFirstJavaIsOld() throws Exception {
        assumeANewerJdkCanBeFound();
        Run help = run(Map.of(), List.of(script.toString(), "--help"), Duration.ofSeconds(60));
        assertEquals(0, help.exitCode(), help.output());
        assertTrue(help.output().startsWith("Usage: olelo"), help.output());
        assertNoJvmNoise(help.output());

        Run version = run(Map.of(), List.of(script.toString(), "--version"), Duration.ofSeconds(60));
        assertEquals(0, version.exitCode(), version.output());
        int feature = Integer.parseInt(version.output().replaceAll("(?s).*\nJava (\\d+).*", "$1"));
        assertTrue(feature >= Jdks.NEEDED, version.output());
        assertNoJvmNoise(version.output());
    }

    @Test
    void anOldJavaRunningTheJarSaysOnOneLineWhatItNeeds() throws Exception {
        Optional<Path> old = Jdks.oldJdk();
        Assumptions.assumeTrue(old.isPresent(), "no JDK older than 21 installed under /usr/lib/jvm");
        Path jar = Path.of(System.getProperty("olelo.jar", "../container/target/olelo.jar")).toAbsolutePath();
        for (List<String> args : List.<List<String>>of(List.of(), List.of("--help"), List.of("subscriber", "list"))) {
            List<String> cmd = new ArrayList<>(List.of(old.get().resolve("bin/java").toString(), "-jar", jar.toString()));
            cmd.addAll(args);
            Run r = run(Map.of(), cmd, Duration.ofSeconds(30));
            assertEquals(1, r.exitCode(), r.output());
            List<String> lines = r.output().lines().toList();
            assertEquals(1, lines.size(), r.output());
            assertTrue(lines.get(0).startsWith("olelo: needs Java 21 or newer but runs on Java "
                    + Jdks.feature(old.get()) + "."), r.output());
        }
    }

    @Test
    void theClassDataArchiveIsRenewedSilentlyWhenTheJarChanges() throws Exception {
        assumeANewerJdkCanBeFound();
        Path jar = tmp.resolve("build/olelo.jar");
        Files.createDirectories(jar.getParent());
        Files.copy(Path.of(System.getProperty("olelo.jar", "../container/target/olelo.jar")), jar);
        Path jsa = tmp.resolve("build/olelo.jsa");

        String first = startAndStop(jar);
        assertTrue(Files.isRegularFile(jsa), "the first run writes the archive:\n" + first);
        FileTime written = Files.getLastModifiedTime(jsa);
        startAndStop(jar);
        assertEquals(written, Files.getLastModifiedTime(jsa), "an up-to-date archive is used, not rewritten");

        // a rebuild: the jar is newer than the archive
        Files.setLastModifiedTime(jar, FileTime.fromMillis(written.toMillis() + 2_000));
        startAndStop(jar);
        assertTrue(Files.getLastModifiedTime(jsa).compareTo(Files.getLastModifiedTime(jar)) > 0,
                "the stale archive was replaced by a fresh one");
    }

    /** Starts the server with bin/olelo, waits for its ready line, stops it with SIGTERM; no JVM noise. */
    private String startAndStop(Path jar) throws Exception {
        Path deploy = tmp.resolve("deploy");
        if (!Files.isDirectory(deploy)) {
            Path source = Path.of(System.getProperty("olelo.deploy", "../deploy"));
            Files.createDirectories(deploy.resolve("apps"));
            Files.copy(source.resolve("routing.properties"), deploy.resolve("routing.properties"));
            Files.copy(source.resolve("apps/registrar.war"), deploy.resolve("apps/registrar.war"));
        }
        int port = FreePorts.both();
        ProcessBuilder pb = new ProcessBuilder(script.toString(), "--deploy-dir", deploy.toString(), "--data-dir",
                tmp.resolve("data").toString(), "--listen", "udp:127.0.0.1:" + port, "--set", "http.listen=")
                .redirectErrorStream(true);
        Path log = Files.createTempFile(tmp, "olelo", ".log");
        pb.redirectOutput(log.toFile());
        oldJavaFirst(pb.environment());
        pb.environment().put("OLELO_JAR", jar.toString());
        pb.environment().put("OLELO_HEAP", "256m");
        Process p = pb.start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!Files.readString(log).contains("Olelo ready")) {
                assertTrue(p.isAlive() && System.nanoTime() < deadline, "not ready:\n" + Files.readString(log));
                Thread.sleep(100);
            }
            p.destroy();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "no exit after SIGTERM:\n" + Files.readString(log));
        } finally {
            p.destroyForcibly();
        }
        String out = Files.readString(log);
        assertNoJvmNoise(out);
        assertTrue(out.contains("Olelo stopped"), out);
        return out;
    }
}
