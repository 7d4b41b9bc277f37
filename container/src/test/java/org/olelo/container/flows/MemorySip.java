package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.olelo.container.boot.OleloServer;
import org.olelo.container.boot.ServerConfig;
import org.olelo.container.internal.deploy.TestApps;
import org.olelo.core.testkit.SipText;
import org.olelo.core.transport.InMemoryTransport;

/**
 * A whole Olelo server on an in-memory connector, with one application deployed from a folder and
 * a routing file: raw SIP text in, the final response out. Test thread only.
 */
final class MemorySip implements AutoCloseable {

    private static final AtomicInteger N = new AtomicInteger();

    final OleloServer server;
    final InMemoryTransport memory = InMemoryTransport.udp();
    final Path deploy;
    final Path data;

    /**
     * @param root    an empty folder for deploy/ and data/
     * @param app     the application, written as the exploded folder {@code apps/<name>}
     * @param name    the application's folder name
     * @param routing the routing descriptor's text
     * @param config  changes to the default configuration (folders and listening points are set)
     */
    MemorySip(Path root, TestApps app, String name, String routing, UnaryOperator<ServerConfig> config) throws Exception {
        deploy = root.resolve("deploy");
        data = root.resolve("data");
        Files.createDirectories(deploy.resolve("apps"));
        Files.writeString(deploy.resolve("routing.properties"), routing);
        if (app != null) {
            app.writeFolder(deploy.resolve("apps").resolve(name));
        }
        ServerConfig cfg = config.apply(ServerConfig.defaults().withDirs(deploy, data).withListen(List.of()));
        server = OleloServer.start(cfg, host -> new InetAddress[] {InetAddress.getLoopbackAddress()}, List.of(memory));
    }

    /** @return a fresh number for branches, tags and Call-IDs */
    static int next() {
        return N.incrementAndGet();
    }

    /**
     * Sends a request and waits for its final response.
     *
     * @param request the request text; its Via must carry {@code rport} so the answer comes back to {@code from}
     * @param from    the source address
     * @return the final response text
     */
    String send(String request, InetSocketAddress from) throws InterruptedException {
        memory.inject(request.getBytes(StandardCharsets.UTF_8), from);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            InMemoryTransport.Sent r = memory.poll(from, 200, TimeUnit.MILLISECONDS);
            if (r != null && SipText.status(r.text()) >= 200) {
                return r.text();
            }
        }
        assertNotNull(null, "no final response to:\n" + request);
        return null;
    }

    /** @return a source address 127.0.0.x:5990 */
    static InetSocketAddress source(int lastByte) {
        try {
            return new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) lastByte}), 5990);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
