package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.status;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.internal.deploy.TestApps;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;

/**
 * What an application learns from its context about the extensions the container supports
 * ({@code SipServlet.SUPPORTED}, {@code SUPPORTED_RFCs}): the option tags and RFCs whose
 * behaviour the flow tests show, read through both the attributes and the typed getters. Real SIP
 * in memory.
 */
class SupportedExtensionsTest {

    private static final String APP = """
            package x;
            import jakarta.servlet.sip.*;
            import java.io.IOException;
            import java.util.List;
            public class Ext extends SipServlet {
                @Override
                protected void doOptions(SipServletRequest req) throws IOException {
                    SipServletContext ctx = (SipServletContext) getServletContext();
                    SipServletResponse ok = req.createResponse(200);
                    ok.setHeader("X-Supported", String.join(",", ctx.getSupported()));
                    ok.setHeader("X-Rfcs", String.join(",", ctx.getSupportedRfcs()));
                    ok.setHeader("X-Same", String.valueOf(ctx.getSupported().equals(ctx.getAttribute(SUPPORTED))
                            && ctx.getSupportedRfcs().equals(ctx.getAttribute(SUPPORTED_RFCs))));
                    String frozen;
                    try {
                        ((List<String>) ctx.getAttribute(SUPPORTED)).add("x");
                        frozen = "no";
                    } catch (UnsupportedOperationException e) {
                        frozen = "yes";
                    }
                    ok.setHeader("X-Frozen", frozen);
                    ok.send();
                }
            }
            """;

    @TempDir
    Path tmp;
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theContextListsTheExtensionsThatWork() throws Exception {
        TestApps app = TestApps.app().java("x.Ext", APP).sipXml("""
                <sip-app xmlns="http://xmlns.jcp.org/xml/ns/javaee">
                  <app-name>ext</app-name>
                  <servlet><servlet-name>ext</servlet-name><servlet-class>x.Ext</servlet-class></servlet>
                </sip-app>
                """);
        server = TestServer.builder().app("ext", app)
                .routing("ALL: (\"ext\", \"DAR:To\", \"TERMINATING\", \"\", \"NO_ROUTE\", \"0\")\n").start(tmp);
        try (SipPeer caller = server.caller()) {
            caller.send(SipBuilder.request("OPTIONS", "sip:svc@127.0.0.1").via(caller).from("<sip:alice@127.0.0.1>")
                    .contact("caller", caller));
            String ok = caller.next(3000);
            assertNotNull(ok);
            assertEquals(200, status(ok), ok);
            assertEquals("100rel,timer,path,replaces,join", header(ok, "X-Supported"));
            assertEquals("3261,3262,3311,3327,3428,3581,3891,3911,4028,6665,8760", header(ok, "X-Rfcs"));
            assertEquals("true", header(ok, "X-Same"));
            assertEquals("yes", header(ok, "X-Frozen"), "applications cannot change the lists");
        }
    }
}
