package org.olelo.core.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * A real DNS server for tests: {@code dnsmasq} on 127.0.0.1 and a free UDP port, serving only the
 * records of its configuration lines ({@code naptr-record=...}, {@code srv-host=...},
 * {@code host-record=...}; {@code local=/example.test/} makes other names under that domain
 * NXDOMAIN). Its own output goes to {@code dnsmasq.log} in the folder given.
 */
public final class Dnsmasq implements AutoCloseable {

    /** Where Debian's dnsmasq-base installs it. */
    public static final Path BINARY = Path.of("/usr/sbin/dnsmasq");

    private final Process process;
    private final InetSocketAddress address;

    private Dnsmasq(Process process, InetSocketAddress address) {
        this.process = process;
        this.address = address;
    }

    /** Skips the test when dnsmasq is not installed (CI installs it and must not skip). */
    public static void assumeInstalled() {
        boolean present = Files.isExecutable(BINARY);
        if (!present && System.getenv("CI") != null) {
            fail("dnsmasq is not installed, but CI must run the DNS tests (Debian package dnsmasq-base)");
        }
        Assumptions.assumeTrue(present, "dnsmasq not installed (Debian package dnsmasq-base): DNS test skipped");
    }

    /**
     * Starts dnsmasq with the given configuration lines and waits until it answers.
     *
     * @param dir a temporary folder for its configuration and log
     */
    public static Dnsmasq start(Path dir, List<String> lines) throws IOException, InterruptedException {
        Path conf = dir.resolve("dnsmasq.conf");
        Files.write(conf, lines);
        for (int attempt = 0; ; attempt++) {
            int port;
            try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
                port = s.getLocalPort();
            }
            Process p = new ProcessBuilder(BINARY.toString(), "--no-daemon", "--conf-file=" + conf, "--port=" + port,
                    "--listen-address=127.0.0.1", "--bind-interfaces", "--no-resolv", "--no-hosts", "--pid-file=",
                    "--user=", "--log-facility=-", "--log-queries")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("dnsmasq.log").toFile()).start();
            InetSocketAddress a = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
            if (answers(a, p)) {
                return new Dnsmasq(p, a);
            }
            p.destroy();
            p.waitFor();
            if (attempt == 3) {
                throw new IOException("dnsmasq did not start: " + Files.readString(dir.resolve("dnsmasq.log")));
            }
        }
    }

    /** Sends a query for {@code probe.invalid} until any answer comes, for up to 5 s. */
    private static boolean answers(InetSocketAddress a, Process p) throws IOException, InterruptedException {
        byte[] q = {0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 5, 'p', 'r', 'o', 'b', 'e', 7, 'i', 'n', 'v', 'a', 'l', 'i',
            'd', 0, 0, 1, 0, 1};
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            s.setSoTimeout(100);
            for (int i = 0; i < 50 && p.isAlive(); i++) {
                s.send(new DatagramPacket(q, q.length, a));
                try {
                    s.receive(new DatagramPacket(new byte[512], 512));
                    return true;
                } catch (SocketTimeoutException e) {
                    // not up yet
                }
            }
        }
        return false;
    }

    /** Where it listens, as {@code dns.servers} writes it. */
    public String server() {
        return "127.0.0.1:" + address.getPort();
    }

    /** Where it listens. */
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
