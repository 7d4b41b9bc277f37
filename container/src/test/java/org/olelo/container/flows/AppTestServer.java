package org.olelo.container.flows;

import static org.olelo.core.testkit.SipText.status;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.olelo.container.boot.OleloServer;
import org.olelo.container.boot.ServerConfig;
import org.olelo.container.internal.deploy.TestApps;
import org.olelo.core.testkit.SipPeer;
import org.olelo.core.transport.InMemoryTransport;
import org.olelo.core.transport.ListenAddress;

/**
 * A whole Olelo server with any set of test applications and a routing file, reachable in memory,
 * over UDP or over TCP, and the helpers the flow tests share to write requests. Test thread only.
 */
final class AppTestServer implements AutoCloseable {

    private static final AtomicInteger CALLS = new AtomicInteger();

    final SipPeer.Kind kind;
    final OleloServer server;
    private final TestPeers peers;

    /**
     * @param kind    how peers reach the server
     * @param tmp     an empty folder for deploy/ and data/
     * @param apps    applications by folder name
     * @param routing the routing descriptor's text
     */
    AppTestServer(SipPeer.Kind kind, Path tmp, Map<String, TestApps> apps, String routing) throws Exception {
        this.kind = kind;
        Path deploy = tmp.resolve("deploy");
        Files.createDirectories(deploy.resolve("apps"));
        for (Map.Entry<String, TestApps> a : apps.entrySet()) {
            a.getValue().writeFolder(deploy.resolve("apps").resolve(a.getKey()));
        }
        Files.writeString(deploy.resolve("routing.properties"), routing);
        List<ListenAddress> listen = switch (kind) {
            case MEMORY -> List.of();
            case UDP -> List.of(ListenAddress.parse("udp:127.0.0.1:0"));
            case TCP -> List.of(ListenAddress.parse("tcp:127.0.0.1:0"));
        };
        ServerConfig cfg = ServerConfig.defaults().withDirs(deploy, tmp.resolve("data")).withListen(listen);
        InMemoryTransport memory = kind == SipPeer.Kind.MEMORY ? InMemoryTransport.udp() : null;
        server = OleloServer.start(cfg, host -> new InetAddress[] {InetAddress.getLoopbackAddress()},
                memory == null ? List.of() : List.of(memory));
        peers = new TestPeers(kind, server, memory, 5200);
    }

    /** @return a fresh number for branches, tags and Call-IDs */
    static int next() {
        return CALLS.incrementAndGet();
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

    /**
     * An out-of-dialog request from a peer.
     *
     * @param peer   the sender
     * @param method the SIP method
     * @param ruri   the Request-URI
     * @param from   the From address (without tag)
     * @param to     the To address
     * @param extra  further header lines, each ending in CRLF
     * @return the request text
     */
    static String request(SipPeer peer, String method, String ruri, String from, String to, String extra) {
        int n = next();
        int port = peer.address().getPort();
        return method + " " + ruri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/" + peer.transport() + " 127.0.0.1:" + port + ";branch=z9hG4bK-app-" + n + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: " + from + ";tag=f" + n + "\r\n"
                + "To: " + to + "\r\n"
                + "Call-ID: app-" + n + "@test\r\n"
                + "CSeq: 1 " + method + "\r\n"
                + "Contact: <sip:caller@127.0.0.1:" + port
                + (peer.transport().equals("TCP") ? ";transport=tcp" : "") + ">\r\n"
                + extra
                + "Content-Length: 0\r\n\r\n";
    }

    /** Reads the next message that is not a 100 Trying, or null after the timeout. */
    static String next(SipPeer p, long timeoutMillis) throws Exception {
        while (true) {
            String m = p.receive(timeoutMillis);
            if (m == null || status(m) != 100) {
                return m;
            }
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
