package org.olelo.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's {@code chromium} run headless: loads a page, lets its scripts run for a while of
 * virtual time (network requests pause that clock), and returns the DOM they left.
 */
final class Chromium {

    private static final Path BINARY = Path.of("/usr/bin/chromium");

    private Chromium() {
    }

    /** Skips the test when chromium is not installed (CI installs it and must not skip). */
    static void assumeInstalled() {
        boolean present = Files.isExecutable(BINARY);
        if (!present && System.getenv("CI") != null) {
            fail("chromium is not installed, but CI must run the console test (Debian package chromium)");
        }
        Assumptions.assumeTrue(present, "chromium not installed");
    }

    /**
     * @param url        the page
     * @param scriptTime how much virtual time the page's scripts get, in milliseconds
     * @param profile    an empty folder for the browser's profile (kept for its logs)
     * @return the serialised DOM after that time
     */
    static String dumpDom(String url, int scriptTime, Path profile) throws IOException, InterruptedException {
        Files.createDirectories(profile);
        Path out = profile.resolve("dom.html");
        Path err = profile.resolve("chromium.log");
        List<String> cmd = List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-extensions", "--user-data-dir=" + profile.resolve("profile"),
                "--virtual-time-budget=" + scriptTime, "--dump-dom", url);
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish within 60 s; its log: " + err);
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
