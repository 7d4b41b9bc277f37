package org.olelo.transport.tls.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A TLS client that offers only the protocol versions it is given (e.g. {@code TLSv1}), run in a
 * JVM of its own whose security properties allow the old versions the JDK disables by default.
 * Prints {@code OK <protocol>} after a completed handshake, else {@code FAILED <message>}.
 */
public final class TlsV1Probe {

    private TlsV1Probe() {
    }

    /** Arguments: host, port, comma-separated protocols. */
    public static void main(String[] args) throws Exception {
        SSLContext c = SSLContext.getInstance("TLS");
        c.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {
            }

            @Override
            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return new java.security.cert.X509Certificate[0];
            }
        }}, null);
        try (SSLSocket s = (SSLSocket) c.getSocketFactory().createSocket(args[0], Integer.parseInt(args[1]))) {
            s.setSoTimeout(10_000);
            s.setEnabledProtocols(args[2].split(","));
            s.startHandshake();
            System.out.println("OK " + s.getSession().getProtocol());
        } catch (IOException e) {
            System.out.println("FAILED " + e.getMessage());
        }
    }

    /**
     * Runs the probe in a new JVM against {@code host:port} and returns what it printed.
     *
     * @param work a folder for the security-properties file
     */
    public static String run(Path work, String host, int port, String protocols) throws IOException, InterruptedException {
        Path props = work.resolve("legacy-tls.security");
        Files.writeString(props, "jdk.tls.disabledAlgorithms=\n");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.security.properties=" + props, "-cp", System.getProperty("java.class.path"),
                TlsV1Probe.class.getName(), host, Integer.toString(port), protocols));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out.trim();
    }
}
