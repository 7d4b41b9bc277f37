package org.olelo.container.internal.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a class of the test class path in a separate JVM, as a second process on the same files
 * would: the command line next to a running server, or a server that gets killed.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * Starts a JVM.
     *
     * @param mainClass the class to run
     * @param args      its arguments
     * @return the process, stdout and stderr merged
     */
    public static Process start(Class<?> mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    /**
     * Runs a JVM to its end.
     *
     * @return the exit code, then the output lines
     */
    public static Result run(Class<?> mainClass, String... args) throws IOException, InterruptedException {
        Process p = start(mainClass, args);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child JVM did not finish: " + out);
        }
        return new Result(p.exitValue(), out);
    }

    /** Reads lines of a running child until one equals {@code line}; returns everything read. */
    public static String awaitLine(Process p, String line) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String l = r.readLine(); l != null; l = r.readLine()) {
            seen.append(l).append('\n');
            if (l.equals(line)) {
                return seen.toString();
            }
        }
        throw new AssertionError("child ended without printing '" + line + "': " + seen);
    }

    /**
     * @param exitCode the exit code
     * @param output   stdout and stderr
     */
    public record Result(int exitCode, String output) {
    }
}
