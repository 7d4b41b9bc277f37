package org.olelo.container.converged;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.internal.deploy.TestApps;
import org.olelo.container.testkit.TestServer;

/**
 * Hot deployment covers the HTTP side of a converged application: a replaced archive's new
 * version serves the next HTTP requests, an undeployed one's paths answer 404, a redeployed one
 * serves again; an application whose context path would be a management path is refused.
 */
class ConvergedDeploymentTest {

    @TempDir
    Path tmp;
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private TestServer start(TestServer.Builder b) throws Exception {
        server = b.routing("# none\n").settings(c -> c.withPollMillis(100).withManagement(c.management()
                .withHttpListen(InetSocketAddress.createUnresolved("127.0.0.1", 0)))).start(tmp);
        return server;
    }

    private String base() {
        return "http://127.0.0.1:" + server.server().operations().http().address().getPort();
    }

    /** GETs a path until its status and body are as wanted (body null: any). */
    private HttpResponse<String> await(String path, int status, String body) throws Exception {
        HttpClient http = ConvergedSessionTest.client();
        HttpResponse<String> last = null;
        for (int i = 0; i < 150; i++) {
            last = ConvergedSessionTest.send(http, "GET", base() + path);
            if (last.statusCode() == status && (body == null || body.equals(last.body()))) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " never answered " + status + " " + body + "; last: " + last.statusCode()
                + " " + last.body());
    }

    @Test
    void replacementUndeploymentAndRedeploymentReachTheHttpSide() throws Exception {
        start(TestServer.builder().archive("conv", ConvergedApps.conv(1)));
        await("/conv/version", 200, "v1");

        Path war = server.deploy().resolve("apps/conv.sar");
        ConvergedApps.conv(2).writeArchive(war, Files.createDirectories(tmp.resolve("scratch2")));
        await("/conv/version", 200, "v2");

        Files.delete(war);
        await("/conv/version", 404, null);
        await("/conv/state", 404, null);
        assertEquals(200, ConvergedSessionTest.send(ConvergedSessionTest.client(), "GET", base() + "/metrics").statusCode());

        ConvergedApps.conv(3).writeArchive(war, Files.createDirectories(tmp.resolve("scratch3")));
        await("/conv/version", 200, "v3");
    }

    @Test
    void anApplicationNamedLikeAManagementPathIsRefused() throws Exception {
        TestApps metrics = TestApps.app().java("m.Page", """
                package m;
                import jakarta.servlet.annotation.WebServlet;
                import jakarta.servlet.http.*;
                @WebServlet("/*")
                public class Page extends HttpServlet {
                    @Override protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
                        resp.getWriter().print("taken");
                    }
                }
                """).java("m.Sip", """
                package m;
                public class Sip extends jakarta.servlet.sip.SipServlet {
                }
                """).sipXml("""
                <sip-app><app-name>metrics</app-name>
                  <servlet><servlet-name>sip</servlet-name><servlet-class>m.Sip</servlet-class></servlet>
                </sip-app>
                """);
        start(TestServer.builder().app("metrics", metrics).app("conv", ConvergedApps.conv(1)));
        assertNull(server.server().applications().get("metrics"), "the application is not deployed");
        HttpResponse<String> scrape = await("/metrics", 200, null);
        assertTrue(!scrape.body().equals("taken") && scrape.body().contains("# TYPE"), scrape.body());
        await("/conv/version", 200, "v1");
    }
}
