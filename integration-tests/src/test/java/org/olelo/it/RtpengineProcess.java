package org.olelo.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * An rtpengine daemon (Debian package {@code rtpengine-daemon}) in userspace on 127.0.0.1 for a
 * test: no kernel forwarding ({@code --table=-1}), no configuration file, its ng control socket on a
 * free port, its media ports in a free block of its own, sessions removed at once on delete
 * ({@code --delete-delay=0}). Without the binary the test is skipped, unless {@code CI} is set.
 * The test thread talks to it with {@link #command} (bencode written by hand, so this check does
 * not depend on the application's codec).
 */
final class RtpengineProcess implements AutoCloseable {

    static final int MEDIA_PORTS = 40;

    private final Process process;
    private final Path log;
    final int ngPort;
    final int portMin;
    final int portMax;

    private RtpengineProcess(Process process, Path log, int ngPort, int portMin) {
        this.process = process;
        this.log = log;
        this.ngPort = ngPort;
        this.portMin = portMin;
        this.portMax = portMin + MEDIA_PORTS - 1;
    }

    /** Starts one and waits until it answers a ping. */
    static RtpengineProcess start(Path folder) throws Exception {
        String binary = find();
        int ng = FreePorts.udp();
        int base = mediaPorts();
        Path log = folder.resolve("rtpengine.log");
        Process p = new ProcessBuilder(binary, "--config-file=none", "--foreground", "--log-stderr", "--table=-1",
                "--interface=127.0.0.1", "--listen-ng=127.0.0.1:" + ng, "--port-min=" + base,
                "--port-max=" + (base + MEDIA_PORTS - 1), "--delete-delay=0")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        RtpengineProcess r = new RtpengineProcess(p, log, ng, base);
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                fail("rtpengine exited at start:\n" + r.log());
            }
            if (r.command("d7:command4:pinge", 300).contains("4:pong")) {
                return r;
            }
        }
        r.close();
        fail("rtpengine did not answer a ping within 15 s:\n" + r.log());
        throw new AssertionError("unreachable");
    }

    /** {@code udp:127.0.0.1:PORT} for {@code rtpengine.instances}. */
    String instance() {
        return "udp:127.0.0.1:" + ngPort;
    }

    /** Sends one bencoded dictionary and returns the answer's text after the cookie, or "" without one. */
    String command(String bencoded, int waitMillis) throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            s.setSoTimeout(waitMillis);
            byte[] out = ("t" + System.nanoTime() + " " + bencoded).getBytes(StandardCharsets.UTF_8);
            s.send(new DatagramPacket(out, out.length, new InetSocketAddress(InetAddress.getLoopbackAddress(), ngPort)));
            byte[] buf = new byte[65_535];
            DatagramPacket in = new DatagramPacket(buf, buf.length);
            s.receive(in);
            String text = new String(in.getData(), 0, in.getLength(), StandardCharsets.UTF_8);
            return text.substring(text.indexOf(' ') + 1);
        } catch (SocketTimeoutException e) {
            return "";
        }
    }

    /** Whether rtpengine knows the call ({@code query} answers {@code result=ok}). */
    boolean knows(String callId) throws IOException {
        String answer = command("d7:call-id" + callId.length() + ":" + callId + "7:command5:querye", 2000);
        if (answer.isEmpty()) {
            fail("rtpengine did not answer a query");
        }
        return answer.contains("6:result2:ok");
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no rtpengine log)";
        }
    }

    private static String find() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path c = Path.of(d.isEmpty() ? "." : d, "rtpengine");
            if (Files.isRegularFile(c) && Files.isExecutable(c)) {
                return c.toString();
            }
        }
        String ci = System.getenv("CI");
        if (ci != null && !ci.isBlank() && !ci.toLowerCase(Locale.ROOT).equals("false")) {
            fail("rtpengine is not on the PATH and CI is set, so the media relay tests must run: install the Debian"
                    + " package rtpengine-daemon (.ci/run does)");
        }
        Assumptions.abort("rtpengine is not on the PATH: media relay tests skipped (Debian package rtpengine-daemon)");
        throw new AssertionError("unreachable");
    }

    /** An even base port with {@link #MEDIA_PORTS} free UDP ports from it, between 10000 and 19999. */
    private static int mediaPorts() {
        for (int i = 0; i < 200; i++) {
            int base = 10_000 + 2 * ThreadLocalRandom.current().nextInt((19_999 - 10_000 - MEDIA_PORTS) / 2);
            if (allFree(base)) {
                return base;
            }
        }
        throw new IllegalStateException("no block of " + MEDIA_PORTS + " free UDP ports between 10000 and 19999");
    }

    private static boolean allFree(int base) {
        for (int p = base; p < base + MEDIA_PORTS; p++) {
            try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), p))) {
                // free
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** The media ports of the {@code m=} lines of an SDP body. */
    static List<Integer> mediaPortsOf(String sdp) {
        return sdp.lines().filter(l -> l.startsWith("m=")).map(l -> Integer.parseInt(l.split(" ")[1])).toList();
    }

    /** The addresses of the {@code c=} lines of an SDP body. */
    static List<String> connectionsOf(String sdp) {
        return sdp.lines().filter(l -> l.startsWith("c=")).map(l -> l.substring(l.lastIndexOf(' ') + 1).strip()).toList();
    }
}
