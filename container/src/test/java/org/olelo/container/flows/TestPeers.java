package org.olelo.container.flows;

import java.io.IOException;
import java.net.InetSocketAddress;
import org.olelo.container.boot.OleloServer;
import org.olelo.core.testkit.MemoryPeer;
import org.olelo.core.testkit.SipPeer;
import org.olelo.core.testkit.TcpPeer;
import org.olelo.core.testkit.TcpServerPeer;
import org.olelo.core.testkit.UdpPeer;
import org.olelo.core.transport.InMemoryTransport;

/**
 * The peers of a test server that is reachable in memory, over UDP or over TCP: callers that
 * send to it, callees it sends to, and their URIs. Test thread only.
 */
final class TestPeers {

    private final SipPeer.Kind kind;
    private final OleloServer server;
    private final InMemoryTransport memory;
    private int nextMemoryPort;

    /**
     * @param memory          the in-memory connector (for {@link SipPeer.Kind#MEMORY}), else null
     * @param firstMemoryPort the port of the first in-memory peer
     */
    TestPeers(SipPeer.Kind kind, OleloServer server, InMemoryTransport memory, int firstMemoryPort) {
        this.kind = kind;
        this.server = server;
        this.memory = memory;
        this.nextMemoryPort = firstMemoryPort;
    }

    /** The server's SIP address as peers send to it. */
    InetSocketAddress address() {
        return server.core().transports().get(0).localAddress();
    }

    /** A peer that sends requests to the server (connects to it). */
    SipPeer caller() throws IOException {
        return switch (kind) {
            case MEMORY -> new MemoryPeer(memory, nextMemoryPort++);
            case UDP -> new UdpPeer(address());
            case TCP -> new TcpPeer(address());
        };
    }

    /** A peer the server sends requests to (listens). */
    SipPeer callee() throws IOException {
        return switch (kind) {
            case MEMORY -> new MemoryPeer(memory, nextMemoryPort++);
            case UDP -> new UdpPeer(address());
            case TCP -> new TcpServerPeer();
        };
    }

    /** The URI of a peer ({@code user} may be null), with the transport parameter the kind needs. */
    String uriOf(String user, SipPeer p) {
        String tp = kind == SipPeer.Kind.TCP ? ";transport=tcp" : "";
        return "sip:" + (user == null ? "" : user + "@") + "127.0.0.1:" + p.address().getPort() + tp;
    }
}
