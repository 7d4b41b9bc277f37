package org.olelo.container.ua;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.olelo.container.boot.OleloServer;
import org.olelo.container.boot.ServerConfig;
import org.olelo.container.internal.deploy.TestApps;
import org.olelo.core.spi.Resolver;
import org.olelo.core.testkit.UdpPeer;
import org.olelo.core.transport.ListenAddress;

/**
 * A whole Olelo on a UDP loopback port with one application compiled from source, every initial
 * request routed to it, and UDP peers to talk to it.
 */
final class UaTestServer implements AutoCloseable {

    final OleloServer server;

    /**
     * @param app     application name
     * @param sources class name to Java source
     * @param servlet the main servlet's class name
     */
    UaTestServer(Path tmp, String app, Map<String, String> sources, String servlet) throws Exception {
        this(tmp, app, sources, servlet, c -> c);
    }

    /** Like the other constructor, with the configuration adjusted (short timers, say). */
    UaTestServer(Path tmp, String app, Map<String, String> sources, String servlet,
                 java.util.function.UnaryOperator<ServerConfig> tweak) throws Exception {
        Path deploy = tmp.resolve("deploy");
        Files.createDirectories(deploy.resolve("apps"));
        TestApps b = TestApps.app();
        sources.forEach(b::java);
        StringBuilder listeners = new StringBuilder();
        for (String cls : sources.keySet()) {
            if (cls.endsWith("Listener")) {
                listeners.append("  <listener><listener-class>").append(cls).append("</listener-class></listener>\n");
            }
        }
        b.sipXml("""
                <sip-app xmlns="http://xmlns.jcp.org/xml/ns/javaee">
                  <app-name>%s</app-name>
                  <servlet><servlet-name>main</servlet-name><servlet-class>%s</servlet-class></servlet>
                  <servlet-selection><main-servlet>main</main-servlet></servlet-selection>
                %s</sip-app>
                """.formatted(app, servlet, listeners));
        b.writeFolder(deploy.resolve("apps").resolve(app));
        Files.writeString(deploy.resolve("routing.properties"),
                "ALL: (\"" + app + "\", \"DAR:From\", \"NEUTRAL\", \"\", \"NO_ROUTE\", \"0\")\n");
        ServerConfig cfg = ServerConfig.defaults().withDirs(deploy, tmp.resolve("data"))
                .withListen(List.of(ListenAddress.parse("udp:127.0.0.1:0")));
        Resolver offline = host -> new InetAddress[] {InetAddress.getLoopbackAddress()};
        server = OleloServer.start(tweak.apply(cfg), offline, List.of());
    }

    InetSocketAddress address() {
        return server.core().transports().get(0).localAddress();
    }

    UdpPeer peer() throws IOException {
        return new UdpPeer(address());
    }

    /** The SIP URI of a peer. */
    static String uri(String user, UdpPeer p) {
        return "sip:" + user + "@127.0.0.1:" + p.address().getPort();
    }

    @Override
    public void close() {
        server.close();
    }
}
