package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.olelo.container.boot.OleloServer;
import org.olelo.container.boot.ServerConfig;
import org.olelo.container.internal.deploy.TestApps;
import org.olelo.core.spi.Resolver;
import org.olelo.core.testkit.SipPeer;
import org.olelo.core.transport.InMemoryTransport;
import org.olelo.core.transport.ListenAddress;
import org.olelo.core.transport.Transport;

/**
 * One Olelo with several copies of a recording proxy application, each under its own name, so
 * that tests can chain them with the routing file. Every application writes what application
 * selection told it into the request before proxying it to its Request-URI with record-routing:
 * {@code X-Seen: <app> region=<type> subscriber=<uri> internal=<bool> popped=<route>
 * initial=<route>} on initial requests, {@code X-Seen-<METHOD>: <app>} on requests in the dialog.
 */
final class ComposeTestServer implements AutoCloseable {

    static final String RECORDER = """
            package t;
            import jakarta.servlet.sip.*;
            import java.io.IOException;
            public class Recorder extends SipServlet {
                @Override
                protected void doRequest(SipServletRequest req) throws jakarta.servlet.ServletException, IOException {
                    String app = req.getApplicationSession().getApplicationName();
                    if (req.getMethod().equals("CANCEL")) {
                        return;
                    }
                    if (!req.isInitial()) {
                        req.addHeader("X-Seen-" + req.getMethod(), app);
                        return;
                    }
                    req.addHeader("X-Seen", app
                            + " region=" + (req.getRegion() == null ? "-" : req.getRegion().getType())
                            + " subscriber=" + req.getSubscriberURI()
                            + " internal=" + req.isInternallyRouted()
                            + " popped=" + req.getPoppedRoute()
                            + " initial=" + req.getInitialPoppedRoute());
                    Proxy p = req.getProxy();
                    p.setRecordRoute(req.getHeader("X-No-Record-Route-" + app) == null);
                    p.proxyTo(req.getRequestURI());
                }
            }
            """;

    static String sipXml(String name) {
        return """
                <sip-app xmlns="http://xmlns.jcp.org/xml/ns/javaee">
                  <app-name>%s</app-name>
                  <servlet><servlet-name>rec</servlet-name><servlet-class>t.Recorder</servlet-class></servlet>
                  <servlet-selection><main-servlet>rec</main-servlet></servlet-selection>
                </sip-app>
                """.formatted(name);
    }

    final SipPeer.Kind kind;
    final OleloServer server;
    private final Path routing;
    private final TestPeers peers;

    /**
     * @param apps    the names under which the recording proxy is deployed
     * @param routing the routing file's text at start
     */
    ComposeTestServer(SipPeer.Kind kind, Path tmp, List<String> apps, String routing) throws Exception {
        this.kind = kind;
        Path deploy = tmp.resolve("deploy");
        Files.createDirectories(deploy.resolve("apps"));
        for (String a : apps) {
            TestApps.app().java("t.Recorder", RECORDER).sipXml(sipXml(a)).writeFolder(deploy.resolve("apps").resolve(a));
        }
        this.routing = deploy.resolve("routing.properties");
        Files.writeString(this.routing, routing);
        List<ListenAddress> listen = switch (kind) {
            case MEMORY -> List.of();
            case UDP -> List.of(ListenAddress.parse("udp:127.0.0.1:0"));
            case TCP -> List.of(ListenAddress.parse("tcp:127.0.0.1:0"));
        };
        ServerConfig cfg = ServerConfig.defaults().withDirs(deploy, tmp.resolve("data")).withListen(listen);
        InMemoryTransport memory = kind == SipPeer.Kind.MEMORY ? InMemoryTransport.udp() : null;
        Resolver offline = host -> new InetAddress[] {InetAddress.getLoopbackAddress()};
        server = OleloServer.start(cfg, offline, memory == null ? List.of() : List.of(memory));
        peers = new TestPeers(kind, server, memory, 5200);
    }

    /** Replaces the routing file and loads it at once. */
    void routing(String text) throws IOException {
        Files.writeString(routing, text);
        assertTrue(server.router().reloadIfChanged(), "routing reloaded");
        assertTrue(server.router().lastError() == null, () -> String.valueOf(server.router().lastError()));
    }

    /** The server's SIP address as peers send to it. */
    InetSocketAddress address() {
        return peers.address();
    }

    /** A peer that sends requests to the server. */
    SipPeer caller() throws IOException {
        return peers.caller();
    }

    /** A peer the server sends requests to. */
    SipPeer callee() throws IOException {
        return peers.callee();
    }

    /** The URI of a peer, with the transport parameter the kind needs. */
    String uriOf(String user, SipPeer p) {
        return peers.uriOf(user, p);
    }

    @Override
    public void close() {
        server.close();
    }
}
