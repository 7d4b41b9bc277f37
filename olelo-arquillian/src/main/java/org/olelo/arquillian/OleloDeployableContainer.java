package org.olelo.arquillian;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.context.annotation.ContainerScoped;
import org.jboss.arquillian.core.api.InstanceProducer;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;

/**
 * Olelo as an Arquillian container. {@link #start} makes a fresh folder with {@code deploy/} and
 * {@code data/}, picks free ports of 127.0.0.1 for SIP (UDP and TCP) and HTTP, and starts the
 * server embedded or as a process. {@link #deploy} exports the test's archive and deploys it with
 * the server's own {@code app.deploy} management command (the archive is copied into
 * {@code deploy/apps/} and deployed as any dropped archive is), then writes the routing descriptor
 * ({@code {app}} replaced by the application's name) and reloads it with {@code router.reload}.
 * Tests run in the test's JVM (the {@code Local} protocol) and reach the server over the network;
 * {@link OleloEndpoints} says where. Runs on Arquillian's thread; deploy and start block until the
 * server has done them.
 */
public final class OleloDeployableContainer implements DeployableContainer<OleloConfiguration> {

    /** The routing of the deployed application when the configuration gives none: every initial request. */
    static final String ROUTE_ALL = "ALL: (\"{app}\", \"DAR:From\", \"NEUTRAL\", \"\", \"NO_ROUTE\", \"0\")\n";

    @Inject
    @ContainerScoped
    private InstanceProducer<OleloEndpoints> endpoints;

    private OleloConfiguration config;
    private OleloRuntime runtime;
    private Path root;
    private OleloRpc rpc;

    @Override
    public Class<OleloConfiguration> getConfigurationClass() {
        return OleloConfiguration.class;
    }

    @Override
    public void setup(OleloConfiguration configuration) {
        config = configuration;
    }

    @Override
    public void start() throws LifecycleException {
        try {
            root = Files.createTempDirectory("olelo-arquillian");
            Path deploy = Files.createDirectories(root.resolve("deploy"));
            Files.createDirectories(deploy.resolve("apps"));
            Files.createDirectories(root.resolve("staging"));
            Files.writeString(deploy.resolve("routing.properties"), "");
            int sip = FreePorts.both();
            int http = FreePorts.tcp();
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("listen", "udp:127.0.0.1:" + sip + ",tcp:127.0.0.1:" + sip);
            settings.put("data.dir", root.resolve("data").toString());
            settings.put("http.listen", "127.0.0.1:" + http);
            settings.putAll(parse(config.getSettings()));
            runtime = config.getMode().equals("managed") ? new ManagedOlelo(config) : embedded();
            runtime.start(deploy, settings);
            rpc = new OleloRpc(http);
            if (!rpc.awaitUp(Duration.ofSeconds(config.getStartupTimeoutSeconds()))) {
                throw new LifecycleException("Olelo started but its management endpoint on 127.0.0.1:" + http + " does not answer");
            }
            endpoints.set(new OleloEndpoints("127.0.0.1", sip, config.getTransport(), http, null, deploy));
        } catch (LifecycleException e) {
            throw e;
        } catch (Exception e) {
            stopQuietly();
            throw new LifecycleException("cannot start Olelo (" + config.getMode() + "): " + e.getMessage(), e);
        }
    }

    private static OleloRuntime embedded() throws LifecycleException {
        try {
            Class.forName("org.olelo.container.boot.OleloServer");
        } catch (ClassNotFoundException e) {
            throw new LifecycleException("the embedded mode needs org.olelo:container on the test class path"
                    + " (or set mode to managed with oleloJar)");
        }
        return new EmbeddedOlelo();
    }

    /** Reads {@code key=value} pairs separated by new lines or commas outside values of {@code listen}-like lists. */
    static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            for (String pair : l.split(",(?=\\s*[\\w.]+=)")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("settings: expected key=value but found '" + pair.strip() + "'");
                }
                out.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        return out;
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return new ProtocolDescription("Local");
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        Path staged = root.resolve("staging").resolve(fileName(archive));
        try {
            archive.as(ZipExporter.class).exportTo(staged.toFile(), true);
            String name = OleloRpc.field(rpc.call("app.deploy", "path", staged.toString()), "deployed");
            Files.writeString(root.resolve("deploy/routing.properties"), routing().replace("{app}", name));
            rpc.call("router.reload");
            OleloEndpoints e = endpoints.get().withApplication(name);
            endpoints.set(e);
            return new ProtocolMetaData().addContext(new HTTPContext(e.host(), e.httpPort())).addContext(e);
        } catch (IOException e) {
            // the server's refusal is the cause, itself a DeploymentException, so that a test's
            // @ShouldThrowException(DeploymentException.class) finds it where Arquillian looks
            throw new DeploymentException("cannot deploy " + archive.getName() + ": " + e.getMessage(),
                    new DeploymentException(e.getMessage(), e));
        }
    }

    private String routing() throws IOException {
        if (!config.getRoutingFile().isBlank()) {
            return Files.readString(Path.of(config.getRoutingFile()));
        }
        return config.getRouting().isBlank() ? ROUTE_ALL : config.getRouting().strip() + "\n";
    }

    private static String fileName(Archive<?> archive) {
        String n = archive.getName();
        return n.endsWith(".war") || n.endsWith(".sar") ? n : n + ".war";
    }

    @Override
    public void undeploy(Archive<?> archive) throws DeploymentException {
        OleloEndpoints e = endpoints.get();
        if (e == null || e.application() == null) {
            return;
        }
        try {
            rpc.call("app.undeploy", "name", e.application());
            endpoints.set(e.withApplication(null));
        } catch (IOException ex) {
            throw new DeploymentException("cannot undeploy " + e.application() + ": " + ex.getMessage(), ex);
        }
    }

    @Override
    public void stop() {
        stopQuietly();
    }

    private void stopQuietly() {
        if (runtime != null) {
            runtime.close();
            runtime = null;
        }
        if (root != null) {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary folder left behind
            }
            root = null;
        }
    }
}
