package org.olelo.container.testkit;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.olelo.container.boot.OleloServer;
import org.olelo.container.boot.ServerConfig;
import org.olelo.container.internal.deploy.TestApps;
import org.olelo.core.spi.Resolver;
import org.olelo.core.testkit.MemoryPeer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;
import org.olelo.core.testkit.TcpPeer;
import org.olelo.core.testkit.TcpServerPeer;
import org.olelo.core.testkit.UdpPeer;
import org.olelo.core.transport.InMemoryTransport;
import org.olelo.core.transport.ListenAddress;
import org.olelo.core.transport.Transport;

/**
 * A whole Olelo server for a test, made with {@link #builder()}: applications written as exploded
 * folders or archives into a fresh {@code deploy/apps/}, a routing file, settings, a resolver, and
 * the transport its peers use ({@link SipPeer.Kind}: the in-memory connector, or a UDP or TCP
 * listening point on a free port of 127.0.0.1). Host names resolve to 127.0.0.1 unless the test
 * gives a resolver. Test thread only.
 *
 * <pre>{@code
 * try (TestServer s = TestServer.builder().app("proxy", CommonApps.forkingProxy()).routeAllTo("proxy")
 *         .transport(kind).start(tmp);
 *      SipPeer caller = s.caller(); SipPeer callee = s.callee()) { ... }
 * }</pre>
 */
public final class TestServer implements AutoCloseable {

    /** The routing line that sends every initial request to {@code app}. */
    public static String routeAll(String app) {
        return "ALL: (\"" + app + "\", \"DAR:From\", \"NEUTRAL\", \"\", \"NO_ROUTE\", \"0\")\n";
    }

    private final SipPeer.Kind kind;
    private final OleloServer server;
    private final InMemoryTransport memory;
    private final Path deploy;
    private int nextMemoryPort = 5100;

    private TestServer(SipPeer.Kind kind, OleloServer server, InMemoryTransport memory, Path deploy) {
        this.kind = kind;
        this.server = server;
        this.memory = memory;
        this.deploy = deploy;
    }

    /** @return a builder for a server on the in-memory connector with no application and an empty routing file */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the running server */
    public OleloServer server() {
        return server;
    }

    /** @return how the peers reach the server */
    public SipPeer.Kind kind() {
        return kind;
    }

    /** @return the deploy folder ({@code apps/} and {@code routing.properties} below it) */
    public Path deploy() {
        return deploy;
    }

    /** @return the data folder (databases, extracted applications) */
    public Path data() {
        return server.config().dataDir();
    }

    /** @return the in-memory connector, or null when the server has none */
    public InMemoryTransport memory() {
        return memory;
    }

    /** The server's SIP address as peers send to it. */
    public InetSocketAddress address() {
        return address(kind);
    }

    /** The server's address for one transport kind, e.g. its TCP listening point added with {@link Builder#listen}. */
    public InetSocketAddress address(SipPeer.Kind k) {
        if (k == SipPeer.Kind.MEMORY && memory != null) {
            return memory.localAddress();
        }
        for (Transport t : server.core().transports()) {
            if (t.name().equalsIgnoreCase(k.name())) {
                return t.localAddress();
            }
        }
        throw new IllegalStateException("no " + k + " listening point");
    }

    /** A SIP URI of this server with a user, and {@code ;transport=tcp} over TCP. */
    public String uri(String user) {
        return "sip:" + user + "@" + SipBuilder.hostPort(address()) + (kind == SipPeer.Kind.TCP ? ";transport=tcp" : "");
    }

    /** True when a SIP URI names this server's address and port (a Contact, a Route, a Path entry). */
    public boolean isOwn(String uri) {
        return uri.matches("sips?:([^@]*@)?" + java.util.regex.Pattern.quote(SipBuilder.hostPort(address())) + "([;?>].*)?");
    }

    /** A peer that sends requests to the server (over TCP: connects to it). */
    public SipPeer caller() throws IOException {
        return switch (kind) {
            case MEMORY -> new MemoryPeer(memory, nextMemoryPort++);
            case UDP -> new UdpPeer(address());
            case TCP -> new TcpPeer(address());
        };
    }

    /** A peer the server sends requests to (over TCP: listens for the server's connection). */
    public SipPeer callee() throws IOException {
        return kind == SipPeer.Kind.TCP ? new TcpServerPeer() : caller();
    }

    /** An in-memory peer at a given source address, e.g. 127.0.0.3:5990 (needs the in-memory connector). */
    public MemoryPeer memoryPeer(InetSocketAddress at) {
        if (memory == null) {
            throw new IllegalStateException("this server has no in-memory connector");
        }
        return new MemoryPeer(memory, at);
    }

    /** An in-memory peer at 127.0.0.{@code lastByte}:5990, for tests that need several source addresses. */
    public MemoryPeer memoryPeer(int lastByte) {
        try {
            return memoryPeer(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) lastByte}), 5990));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The URI of a peer ({@code user} may be null), with {@code ;transport=tcp} over TCP. */
    public String uriOf(String user, SipPeer p) {
        return SipBuilder.uri(user, p);
    }

    /** Replaces the routing file and loads it at once; fails the test if it does not load. */
    public void routing(String text) throws IOException {
        Files.writeString(deploy.resolve("routing.properties"), text);
        assertTrue(server.router().reloadIfChanged(), "routing reloaded");
        assertNull(server.router().lastError(), () -> String.valueOf(server.router().lastError()));
    }

    @Override
    public void close() {
        server.close();
    }

    /** What the server is made of; {@link #start} makes it. */
    public static final class Builder {

        private final Map<String, TestApps> folders = new LinkedHashMap<>();
        private final Map<String, TestApps> archives = new LinkedHashMap<>();
        private final List<String> listen = new ArrayList<>();
        private String routing = "";
        private SipPeer.Kind kind = SipPeer.Kind.MEMORY;
        private UnaryOperator<ServerConfig> settings = c -> c;
        private Resolver resolver = host -> new InetAddress[] {InetAddress.getLoopbackAddress()};
        private InMemoryTransport memory;

        private Builder() {
        }

        /** An application deployed from the exploded folder {@code apps/<name>}. */
        public Builder app(String name, TestApps app) {
            folders.put(name, app);
            return this;
        }

        /** An application deployed from the archive {@code apps/<name>.sar}. */
        public Builder archive(String name, TestApps app) {
            archives.put(name, app);
            return this;
        }

        /** The routing descriptor's text. */
        public Builder routing(String text) {
            routing = text;
            return this;
        }

        /** Routes every initial request to one application. */
        public Builder routeAllTo(String app) {
            return routing(routeAll(app));
        }

        /** How peers reach the server; memory by default. */
        public Builder transport(SipPeer.Kind k) {
            kind = k;
            return this;
        }

        /** A further listening point, e.g. {@code tcp:127.0.0.1:0}, beside the one of the transport kind. */
        public Builder listen(String address) {
            listen.add(address);
            return this;
        }

        /** Changes to the default settings (the folders and listening points are set already). */
        public Builder settings(UnaryOperator<ServerConfig> change) {
            UnaryOperator<ServerConfig> before = settings;
            settings = c -> change.apply(before.apply(c));
            return this;
        }

        /** One setting of a plug-in of the core ({@code dns.servers}, {@code tls.certificate}...), unparsed. */
        public Builder extension(String key, String value) {
            return settings(c -> {
                Map<String, String> e = new java.util.HashMap<>(c.core().extensions());
                e.put(key, value);
                return c.withCore(c.core().withExtensions(e));
            });
        }

        /** The resolver for host names. */
        public Builder resolver(Resolver r) {
            resolver = r;
            return this;
        }

        /** The in-memory connector to use instead of a fresh one on 127.0.0.1:5060 (memory kind only). */
        public Builder memory(InMemoryTransport m) {
            memory = m;
            return this;
        }

        /**
         * Writes {@code deploy/} and starts the server.
         *
         * @param tmp an empty folder for {@code deploy/}, {@code data/} and scratch files
         */
        public TestServer start(Path tmp) throws Exception {
            Path deploy = tmp.resolve("deploy");
            Path apps = Files.createDirectories(deploy.resolve("apps"));
            folders.forEach((name, app) -> app.writeFolder(apps.resolve(name)));
            for (Map.Entry<String, TestApps> a : archives.entrySet()) {
                a.getValue().writeArchive(apps.resolve(a.getKey() + ".sar"), Files.createTempDirectory(tmp, "scratch"));
            }
            Files.writeString(deploy.resolve("routing.properties"), routing);
            List<ListenAddress> addresses = new ArrayList<>();
            if (kind != SipPeer.Kind.MEMORY) {
                addresses.add(ListenAddress.parse(kind.name().toLowerCase() + ":127.0.0.1:0"));
            }
            listen.forEach(l -> addresses.add(ListenAddress.parse(l)));
            InMemoryTransport m = memory != null ? memory : kind == SipPeer.Kind.MEMORY ? InMemoryTransport.udp() : null;
            // no HTTP listener unless a test asks for one (settings): tests never bind 8080
            ServerConfig base = ServerConfig.defaults().withDirs(deploy, tmp.resolve("data")).withListen(addresses);
            ServerConfig cfg = settings.apply(base.withManagement(base.management().withoutHttp()));
            OleloServer server = OleloServer.start(cfg, resolver, m == null ? List.of() : List.of(m));
            return new TestServer(kind, server, m, deploy);
        }
    }
}
