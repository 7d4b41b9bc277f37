package org.olelo.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * One headless baresip user agent (Debian's {@code baresip}), configured in its own folder: no
 * sound device (the aubridge/nil audio path), an account registering with digest credentials
 * through Olelo as outbound proxy, auto-answer, and a SIP trace in its log. Every port is picked
 * free on 127.0.0.1; the process is always stopped by {@link #close()}.
 */
final class BaresipUa implements AutoCloseable {

    private final Path dir;
    private final Path log;
    private final int sipPort;
    private Process process;
    private boolean verbose;

    /**
     * @param dir      an empty folder for the configuration and the log
     * @param user     the account user (its AOR is user@127.0.0.1)
     * @param password the digest password
     * @param olelo    Olelo's SIP port on 127.0.0.1 (UDP)
     * @param rtpBase  first RTP port of a 20-port range of its own
     */
    BaresipUa(Path dir, String user, String password, int olelo, int rtpBase) throws IOException {
        this.dir = dir;
        this.log = dir.resolve("baresip.log");
        this.sipPort = FreePorts.pair();
        Files.createDirectories(dir);
        String config = String.join("\n",
                "poll_method epoll",
                "net_interface 127.0.0.1",
                "sip_listen 127.0.0.1:" + sipPort,
                "call_local_timeout 30",
                "call_max_calls 2",
                "audio_player aubridge,nil",
                "audio_source aubridge,nil",
                "audio_alert aubridge,nil",
                "audio_level no",
                "rtp_ports " + rtpBase + "-" + (rtpBase + 19),
                "module_path /usr/lib/baresip/modules",
                "module g711.so",
                "module aubridge.so",
                "module_tmp uuid.so",
                "module_tmp account.so",
                "module_app contact.so",
                "module_app menu.so",
                "");
        Files.writeString(dir.resolve("config"), config);
        Files.writeString(dir.resolve("accounts"), "<sip:" + user + "@127.0.0.1>;auth_pass=" + password
                + ";outbound=\"sip:127.0.0.1:" + olelo + "\";regint=600;pubint=0;answermode=auto\n");
        Files.writeString(dir.resolve("contacts"), "");
    }

    /**
     * Turns on presence: the {@code presence} module loaded, the account publishing its state
     * every {@code publishSeconds} (PUBLISH, RFC 3903), and a subscription to each of
     * {@code watched} (SUBSCRIBE, RFC 3856), and debug logging, where baresip reports a watched
     * contact's changes ({@code presence: update status of ...}). Call before {@link #start}.
     */
    void presence(int publishSeconds, String... watched) throws IOException {
        Files.writeString(dir.resolve("config"), Files.readString(dir.resolve("config")) + "module_app presence.so\n");
        Files.writeString(dir.resolve("accounts"), Files.readString(dir.resolve("accounts"))
                .replace(";pubint=0;", ";pubint=" + publishSeconds + ";"));
        verbose = true;
        StringBuilder contacts = new StringBuilder();
        for (String uri : watched) {
            contacts.append("<").append(uri).append(">;presence=p2p\n");
        }
        Files.writeString(dir.resolve("contacts"), contacts.toString());
    }

    /** Skips the test when baresip is not installed (CI installs it and must not skip). */
    static void assumeInstalled() {
        boolean present = Files.isExecutable(Path.of("/usr/bin/baresip"));
        if (!present && System.getenv("CI") != null) {
            fail("baresip is not installed, but CI must run the baresip tests (Debian package baresip)");
        }
        Assumptions.assumeTrue(present, "baresip not installed");
    }

    /** Starts baresip; {@code commands} are run once it is up (e.g. {@code /dial sip:bob@127.0.0.1}). */
    void start(long exitAfterSeconds, String... commands) throws IOException {
        List<String> cmd = new java.util.ArrayList<>(List.of("baresip", "-f", dir.toString(), "-s"));
        if (verbose) {
            cmd.add("-v"); // presence changes are logged at debug level
        }
        if (exitAfterSeconds > 0) {
            cmd.add("-t");
            cmd.add(Long.toString(exitAfterSeconds));
        }
        for (String c : commands) {
            cmd.add("-e");
            cmd.add(c);
        }
        process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Waits until the log contains the text; false after the timeout. */
    boolean awaitLog(String text, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** Waits for baresip to exit by itself; true if it did. */
    boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The whole log so far (for assertion messages). */
    String log() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    /** The SIP port this agent listens on. */
    int sipPort() {
        return sipPort;
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(3, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
