package org.olelo.container.flows;

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
 * A whole Olelo (core, container, deployer, router) with a test proxy application, reachable in
 * memory, over UDP or over TCP, and peers to talk to it. The application proxies every initial
 * request with record-routing to its Request-URI, or to the targets in an {@code X-Targets} header
 * ({@code X-Sequential} for a sequential search, {@code X-Timeout} seconds for Timer C,
 * {@code X-Branch-Route: <index> <uri>} to push a Route on one branch's request before it starts,
 * {@code X-No-Recurse} to hand 3xx responses upstream instead of following them);
 * a request in the dialog with {@code X-Terminate} is answered and makes the proxy end the dialog.
 * With {@code X-Cancel-Reason: proxy} (or {@code branch}) on the request, the first provisional
 * response makes the application cancel the proxy (or that branch) with two Reasons; with
 * {@code X-Report-Branches} the final response carries {@code X-Branches}: each top-level branch's
 * target user, followed by {@code >user} for each branch recursed from it.
 */
final class ProxyTestServer implements AutoCloseable {

    static final String PROXY_APP = """
            package t;
            import jakarta.servlet.sip.*;
            import java.io.IOException;
            import java.util.ArrayList;
            import java.util.List;
            public class ForkingProxy extends SipServlet {
                @Override
                protected void doRequest(SipServletRequest req) throws jakarta.servlet.ServletException, IOException {
                    if (!req.isInitial() && req.getHeader("X-Terminate") != null) {
                        req.createResponse(200).send();
                        req.getSession().terminateProxiedDialog();
                        return;
                    }
                    if (!req.isInitial() || req.getMethod().equals("ACK") || req.getMethod().equals("CANCEL")) {
                        return;
                    }
                    Proxy p = req.getProxy();
                    p.setRecordRoute(true);
                    if (req.getHeader("X-Sequential") != null) {
                        p.setParallel(false);
                    }
                    if (req.getHeader("X-Add-Path") != null) {
                        p.setAddToPath(true);
                        p.getPathURI().setParameter("edge", req.getHeader("X-Add-Path").trim());
                    }
                    if (req.getHeader("X-Unsupervised") != null) {
                        p.setSupervised(false);
                    }
                    if (req.getHeader("X-No-Recurse") != null) {
                        p.setRecurse(false);
                    }
                    String t = req.getHeader("X-Timeout");
                    if (t != null) {
                        p.setProxyTimeout(Integer.parseInt(t.trim()));
                    }
                    String targets = req.getHeader("X-Targets");
                    if (targets == null) {
                        p.proxyTo(req.getRequestURI());
                        return;
                    }
                    SipFactory f = (SipFactory) getServletContext().getAttribute(SIP_FACTORY);
                    List<URI> uris = new ArrayList<>();
                    for (String u : targets.split(" ")) {
                        uris.add(f.createURI(u.trim()));
                    }
                    String branchRoute = req.getHeader("X-Branch-Route");
                    if (branchRoute == null) {
                        p.proxyTo(uris);
                        return;
                    }
                    String[] parts = branchRoute.trim().split(" ");
                    List<ProxyBranch> branches = p.createProxyBranches(uris);
                    branches.get(Integer.parseInt(parts[0])).getRequest().pushRoute(f.createAddress(parts[1]));
                    p.startProxy();
                }

                @Override
                protected void doResponse(SipServletResponse resp) throws jakarta.servlet.ServletException, IOException {
                    Proxy p = resp.getProxy();
                    SipServletRequest orig = p == null ? null : p.getOriginalRequest();
                    String how = orig == null ? null : orig.getHeader("X-Cancel-Reason");
                    if (how != null && resp.getStatus() > 100 && resp.getStatus() < 200) {
                        String[] protocols = {"SIP", "Q.850"};
                        int[] causes = {600, 17};
                        String[] texts = {"Busy Everywhere", "User \\"busy\\""};
                        if (how.trim().equals("branch")) {
                            resp.getProxyBranch().cancel(protocols, causes, texts);
                        } else {
                            p.cancel(protocols, causes, texts);
                        }
                    }
                    if (orig != null && resp.getStatus() >= 200 && !resp.isBranchResponse()
                            && orig.getHeader("X-Report-Branches") != null) {
                        StringBuilder sb = new StringBuilder();
                        for (ProxyBranch b : p.getProxyBranches()) {
                            sb.append(sb.length() == 0 ? "" : " ").append(((SipURI) b.getRequest().getRequestURI()).getUser());
                            for (ProxyBranch r : b.getRecursedProxyBranches()) {
                                sb.append('>').append(((SipURI) r.getRequest().getRequestURI()).getUser());
                            }
                        }
                        resp.setHeader("X-Branches", sb.toString());
                    }
                    super.doResponse(resp);
                }
            }
            """;

    static final String SIP_XML = """
            <sip-app xmlns="http://xmlns.jcp.org/xml/ns/javaee">
              <app-name>proxy</app-name>
              <servlet><servlet-name>fork</servlet-name><servlet-class>t.ForkingProxy</servlet-class></servlet>
              <servlet-selection><main-servlet>fork</main-servlet></servlet-selection>
            </sip-app>
            """;

    final SipPeer.Kind kind;
    final OleloServer server;
    private final TestPeers peers;

    ProxyTestServer(SipPeer.Kind kind, Path tmp) throws Exception {
        this(kind, tmp, false);
    }

    /**
     * @param alsoTcp for a UDP server, listen on TCP as well (peers still reach it over UDP;
     *                {@link #tcpAddress()} is where TCP peers connect)
     */
    ProxyTestServer(SipPeer.Kind kind, Path tmp, boolean alsoTcp) throws Exception {
        this.kind = kind;
        Path deploy = tmp.resolve("deploy");
        Files.createDirectories(deploy.resolve("apps"));
        TestApps.app().java("t.ForkingProxy", PROXY_APP).sipXml(SIP_XML).writeFolder(deploy.resolve("apps").resolve("proxy"));
        Files.writeString(deploy.resolve("routing.properties"), "ALL: (\"proxy\", \"DAR:From\", \"NEUTRAL\", \"\", \"NO_ROUTE\", \"0\")\n");
        List<ListenAddress> listen = switch (kind) {
            case MEMORY -> List.of();
            case UDP -> alsoTcp ? List.of(ListenAddress.parse("udp:127.0.0.1:0"), ListenAddress.parse("tcp:127.0.0.1:0"))
                    : List.of(ListenAddress.parse("udp:127.0.0.1:0"));
            case TCP -> List.of(ListenAddress.parse("tcp:127.0.0.1:0"));
        };
        ServerConfig cfg = ServerConfig.defaults().withDirs(deploy, tmp.resolve("data")).withListen(listen);
        InMemoryTransport memory = kind == SipPeer.Kind.MEMORY ? InMemoryTransport.udp() : null;
        Resolver offline = host -> new InetAddress[] {InetAddress.getLoopbackAddress()};
        server = OleloServer.start(cfg, offline, memory == null ? List.of() : List.of(memory));
        peers = new TestPeers(kind, server, memory, 5100);
    }

    /** The server's SIP address as peers send to it. */
    InetSocketAddress address() {
        return peers.address();
    }

    /** The server's TCP listening point, on a server that listens on TCP. */
    InetSocketAddress tcpAddress() {
        return server.core().transports().stream().filter(t -> t.name().equals("TCP")).findFirst()
                .orElseThrow().localAddress();
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
