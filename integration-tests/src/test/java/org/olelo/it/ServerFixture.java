package org.olelo.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.olelo.container.boot.OleloServer;
import org.olelo.container.boot.ServerConfig;
import org.olelo.core.transport.ListenAddress;

/**
 * One Olelo per test class, started from a fresh temporary deploy folder that holds the proxy
 * sample application and a routing descriptor sending every request to it. It listens on UDP and
 * TCP on 127.0.0.1, each on a port picked free.
 *
 * <p>Register it with {@code @RegisterExtension static final ServerFixture SERVER = new ServerFixture();}.
 * The application archive is the one the build copied to {@code deploy/apps/proxy.war}, named by
 * the system property {@code olelo.proxy.war}.
 */
final class ServerFixture implements BeforeAllCallback, AfterAllCallback {

    /** Every initial request goes to the proxy application. */
    static final String ROUTING = "ALL: (\"proxy\", \"DAR:From\", \"NEUTRAL\", \"\", \"NO_ROUTE\", \"0\")\n";

    private Path root;
    private OleloServer server;
    private int udpPort;
    private int tcpPort;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path war = Path.of(System.getProperty("olelo.proxy.war", "../deploy/apps/proxy.war"));
        if (!Files.isRegularFile(war)) {
            throw new IllegalStateException("no proxy application at " + war.toAbsolutePath()
                    + ": build it first (mvn -pl sample-apps/proxy -am package)");
        }
        root = Files.createTempDirectory("olelo-it-");
        Path deploy = root.resolve("deploy");
        Files.createDirectories(deploy.resolve("apps"));
        Files.copy(war, deploy.resolve("apps").resolve("proxy.war"));
        Files.writeString(deploy.resolve("routing.properties"), ROUTING);
        udpPort = FreePorts.udp();
        tcpPort = FreePorts.tcp();
        ServerConfig config = ServerConfig.defaults()
                .withManagement(ServerConfig.defaults().management().withoutHttp())
                .withDirs(deploy, root.resolve("data"))
                .withListen(List.of(ListenAddress.parse("udp:127.0.0.1:" + udpPort),
                        ListenAddress.parse("tcp:127.0.0.1:" + tcpPort)));
        server = OleloServer.start(config);
        if (server.applications().all().stream().noneMatch(a -> a.name().equals("proxy"))) {
            throw new IllegalStateException("the proxy application did not deploy: " + server.deployer().failures());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            WorkFolders.deleteTree(root);
        }
    }

    /** @return the server's UDP port on 127.0.0.1 */
    int udpPort() {
        return udpPort;
    }

    /** @return the server's TCP port on 127.0.0.1 */
    int tcpPort() {
        return tcpPort;
    }

    /** @return the server's data folder (its embedded database) */
    Path dataDir() {
        return root.resolve("data");
    }

    /** @return the running server */
    OleloServer server() {
        return server;
    }
}
