package org.olelo.container.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.internal.deploy.TestApps;
import org.olelo.container.testkit.TestServer;

/**
 * An application registers management commands through the {@code RpcCommands} of its context in
 * {@code contextInitialized}; they are called over HTTP with the application's class loader, are
 * taken over by its next version on redeployment (those the next version does not register again
 * are gone), and are removed when it is undeployed.
 */
class AppCommandRegistrationTest {

    @TempDir
    Path tmp;
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    static TestApps demo(int version) {
        return TestApps.app().java("r.Commands", """
                package r;
                import jakarta.servlet.*;
                import java.util.*;
                import org.olelo.api.rpc.*;
                public class Commands implements ServletContextListener {
                    @Override
                    public void contextInitialized(ServletContextEvent e) {
                        RpcCommands rpc = (RpcCommands) e.getServletContext().getAttribute(RpcCommands.ATTRIBUTE);
                        ClassLoader mine = getClass().getClassLoader();
                        rpc.register(new RpcCommand("demo.version", List.of("echo"), "which version answers",
                                p -> Map.of("version", %1$d, "echo", p.optionalText("echo").orElse(""),
                                        "own_loader", Thread.currentThread().getContextClassLoader() == mine)));
                        if (%1$d == 1) {
                            rpc.register(new RpcCommand("demo.first", List.of(), "only in version 1", p -> "first"));
                        }
                        try {
                            rpc.register(new RpcCommand("core.version", List.of(), "taken", p -> null));
                            throw new IllegalStateException("a container command name was accepted");
                        } catch (IllegalArgumentException expected) {
                            // names are unique across the container and applications
                        }
                    }
                }
                """.formatted(version)).java("r.Ok", """
                package r;
                import jakarta.servlet.sip.*;
                public class Ok extends SipServlet {
                }
                """).sipXml("""
                <sip-app><app-name>demo</app-name>
                  <listener><listener-class>r.Commands</listener-class></listener>
                  <servlet><servlet-name>ok</servlet-name><servlet-class>r.Ok</servlet-class></servlet>
                </sip-app>
                """);
    }

    /** Calls demo.version until its answer has the version wanted (or the call fails when 0 is wanted). */
    private JsonNode await(RpcClient rpc, int version) throws Exception {
        JsonNode last = null;
        for (int i = 0; i < 100; i++) {
            last = rpc.call("demo.version", "{\"echo\":\"hi\"}");
            if (version == 0 ? last.has("error") : last.has("result") && last.get("result").get("version").asInt() == version) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("demo.version never answered for version " + version + ": " + last);
    }

    @Test
    void commandsFollowTheApplicationsVersions() throws Exception {
        server = TestServer.builder().archive("demo", demo(1)).routing("# none\n")
                .settings(c -> c.withPollMillis(100).withManagement(c.management()
                        .withHttpListen(InetSocketAddress.createUnresolved("127.0.0.1", 0)))).start(tmp);
        RpcClient rpc = new RpcClient(server);
        JsonNode v1 = rpc.result("demo.version", "[\"hi\"]");
        assertEquals(1, v1.get("version").asInt());
        assertEquals("hi", v1.get("echo").asText());
        assertTrue(v1.get("own_loader").asBoolean(), "the handler runs with the application's class loader");
        assertEquals("first", rpc.result("demo.first", null).asText());
        JsonNode help = rpc.result("system.methodHelp", "[\"demo.first\"]");
        assertEquals("demo", help.get("owner").asText());

        Path sar = server.deploy().resolve("apps/demo.sar");
        demo(2).writeArchive(sar, Files.createDirectories(tmp.resolve("scratch2")));
        await(rpc, 2);
        assertEquals(-32601, rpc.error("demo.first", null).get("code").asInt(),
                "the old version's command that the new one did not register again is gone");

        Files.delete(sar);
        JsonNode gone = await(rpc, 0);
        assertEquals(-32601, gone.get("error").get("code").asInt(), gone.toString());
    }
}
