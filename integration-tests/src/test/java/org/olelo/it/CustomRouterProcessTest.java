package org.olelo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.core.testkit.SipBuilder;

/**
 * A custom application router, packaged as its author would (a jar compiled against the API with a
 * {@code META-INF/services/jakarta.servlet.sip.ar.spi.SipApplicationRouterProvider} entry), replaces
 * the default router of a real {@code olelo.jar} process, whether the jar is on the class path
 * ({@code java -cp olelo.jar:router.jar ...Main}) or in {@code deploy/lib/}: it gets its
 * {@code router.target} setting and sends every request there, although the routing file routes
 * nothing. A provider that the system property names and that is not there stops the start.
 */
@Timeout(90)
class CustomRouterProcessTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final String PROVIDER_PROPERTY = "jakarta.servlet.sip.ar.spi.SipApplicationRouterProvider";

    @RegisterExtension
    final OleloExtension processes = OleloExtension.onDemand();
    @TempDir
    Path tmp;

    @Test
    void aRouterJarOnTheClassPathReplacesTheDefaultRouter() throws Exception {
        Path jar = routerJar(tmp.resolve("forward-router.jar"));
        OleloProcess olelo = processes.create("# nothing routed\n");
        olelo.classPath(jar);
        assertRoutesWithTheCustomRouter(olelo, "in the class path (" + jar.toAbsolutePath() + ")");
    }

    @Test
    void aRouterJarInDeployLibReplacesTheDefaultRouter() throws Exception {
        OleloProcess olelo = processes.create("# nothing routed\n");
        Path jar = routerJar(olelo.deploy().resolve("lib").resolve("forward-router.jar"));
        assertRoutesWithTheCustomRouter(olelo, "in " + jar);
    }

    @Test
    void aProviderNamedByTheSystemPropertyThatIsNotThereStopsTheStart() throws Exception {
        OleloProcess olelo = processes.create("# nothing routed\n");
        olelo.jvmOptions("-D" + PROVIDER_PROPERTY + "=com.example.Missing");
        IllegalStateException e = assertThrows(IllegalStateException.class, olelo::start);
        assertTrue(e.getMessage().startsWith("Olelo exited with 1:"), e.getMessage());
        assertTrue(e.getMessage().contains("olelo: failed to start: the system property " + PROVIDER_PROPERTY
                + " names com.example.Missing, which is neither on the class path nor in a jar of "
                + olelo.deploy().resolve("lib")), e.getMessage());
    }

    private static void assertRoutesWithTheCustomRouter(OleloProcess olelo, String where) throws Exception {
        try (DatagramSocket target = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
             DatagramSocket phone = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            olelo.start("router.target=sip:127.0.0.1:" + target.getLocalPort() + ";lr");
            String log = olelo.log();
            assertTrue(log.contains("Application router: com.example.ForwardRouter from the provider"
                    + " com.example.ForwardRouterProvider " + where + ", found by its META-INF/services entry"), log);
            byte[] bytes = SipBuilder.request("OPTIONS", "sip:nobody@127.0.0.1")
                    .via("UDP", "127.0.0.1:" + phone.getLocalPort(), "z9hG4bK-cr1").from("<sip:t@127.0.0.1>")
                    .callId("custom-router-1").bytes();
            phone.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress(LOOPBACK, olelo.port())));
            target.setSoTimeout(10_000);
            DatagramPacket in = new DatagramPacket(new byte[65_535], 65_535);
            try {
                target.receive(in);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the router's target got nothing; server log:\n" + olelo.log(), e);
            }
            String relayed = new String(in.getData(), 0, in.getLength(), StandardCharsets.UTF_8);
            assertTrue(relayed.startsWith("OPTIONS sip:nobody@127.0.0.1 SIP/2.0\r\n"), relayed);
            assertTrue(relayed.contains("Call-ID: custom-router-1"), relayed);
        }
    }

    /** Compiles the router against the API jars and packages it with its services entry. */
    private Path routerJar(Path jar) throws IOException, URISyntaxException {
        Map<String, String> sources = Map.of("com/example/ForwardRouter.java", """
                package com.example;
                import jakarta.servlet.sip.SipServletRequest;
                import jakarta.servlet.sip.ar.*;
                import java.io.Serializable;
                import java.util.*;
                public class ForwardRouter implements SipApplicationRouter {
                    private volatile String target;
                    public void init() { }
                    public void init(Properties p) { target = p.getProperty("target"); }
                    public void destroy() { }
                    public void applicationDeployed(List<String> names) { }
                    public void applicationUndeployed(List<String> names) { }
                    public SipApplicationRouterInfo getNextApplication(SipServletRequest req, SipApplicationRoutingRegion region,
                            SipApplicationRoutingDirective directive, SipTargetedRequestInfo targeted, Serializable state) {
                        return state != null || target == null ? null : new SipApplicationRouterInfo(null, null, null,
                                new String[] {target}, SipRouteModifier.ROUTE, "out");
                    }
                }
                """, "com/example/ForwardRouterProvider.java", """
                package com.example;
                public class ForwardRouterProvider extends jakarta.servlet.sip.ar.spi.SipApplicationRouterProvider {
                    public jakarta.servlet.sip.ar.SipApplicationRouter getSipApplicationRouter() { return new ForwardRouter(); }
                }
                """);
        Path src = Files.createTempDirectory(tmp, "src");
        Path classes = Files.createTempDirectory(tmp, "classes");
        for (Map.Entry<String, String> s : sources.entrySet()) {
            Path p = src.resolve(s.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, s.getValue());
        }
        String api = Stream.of(jakarta.servlet.sip.SipServlet.class, jakarta.servlet.Servlet.class)
                .map(CustomRouterProcessTest::location).distinct().collect(Collectors.joining(java.io.File.pathSeparator));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8);
             Stream<Path> files = Files.walk(src)) {
            List<Path> java = files.filter(p -> p.toString().endsWith(".java")).toList();
            boolean ok = javac.getTask(diagnostics, fm, null, List.of("-d", classes.toString(), "-classpath", api,
                    "--release", "21", "-proc:none"), null, fm.getJavaFileObjectsFromPaths(java)).call();
            assertTrue(ok, diagnostics::toString);
        }
        Files.createDirectories(jar.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
             Stream<Path> files = Files.walk(classes)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, zip);
                zip.closeEntry();
            }
            zip.putNextEntry(new JarEntry("META-INF/services/" + PROVIDER_PROPERTY));
            zip.write("com.example.ForwardRouterProvider\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertEquals(true, Files.isRegularFile(jar));
        return jar;
    }

    private static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
