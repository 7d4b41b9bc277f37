package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.internal.deploy.TestApps;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;
import org.olelo.core.testkit.SipText;

/**
 * A request an application sends as a user agent to a {@code sips:} Request-URI leaves only over
 * TLS (RFC 3261 §26.2.2): a {@code sip:} Route that would take it over UDP makes {@code send()}
 * fail instead of sending it in the clear.
 */
class SipsUserAgentTest {

    private static final String APP = """
            package u;
            import jakarta.servlet.sip.*;
            import java.io.IOException;
            public class Sender extends SipServlet {
                @Override
                protected void doOptions(SipServletRequest req) throws jakarta.servlet.ServletException, IOException {
                    SipFactory f = (SipFactory) getServletContext().getAttribute(SIP_FACTORY);
                    SipServletRequest m = f.createRequest(req.getApplicationSession(), "MESSAGE", "sip:svc@127.0.0.1",
                            req.getHeader("X-Send-To"));
                    m.pushRoute((SipURI) f.createURI(req.getHeader("X-Route")));
                    m.setContent("hello", "text/plain");
                    SipServletResponse r = req.createResponse(200);
                    try {
                        m.send();
                        r.setHeader("X-Sent", "sent");
                    } catch (IOException e) {
                        r.setHeader("X-Sent", "refused: " + e.getMessage());
                    }
                    r.send();
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

    private String send(SipPeer caller, String to, String route) throws Exception {
        return caller.finalResponseTo(SipBuilder.request("OPTIONS", "sip:svc@127.0.0.1").via(caller)
                .from("<sip:alice@127.0.0.1>").header("X-Send-To", to).header("X-Route", route));
    }

    @Test
    void aSipsRequestIsNotSentOverAnInsecureRoute() throws Exception {
        TestApps app = TestApps.app().java("u.Sender", APP).sipXml("""
                <sip-app xmlns="http://xmlns.jcp.org/xml/ns/javaee">
                  <app-name>sender</app-name>
                  <servlet><servlet-name>sender</servlet-name><servlet-class>u.Sender</servlet-class></servlet>
                </sip-app>
                """);
        server = TestServer.builder().app("sender", app)
                .routing("OPTIONS: (\"sender\", \"DAR:To\", \"TERMINATING\", \"\", \"NO_ROUTE\", \"0\")\n").start(tmp);
        try (SipPeer caller = server.caller(); SipPeer far = server.memoryPeer(9)) {
            String route = "sip:" + SipBuilder.hostPort(far.address()) + ";lr";
            String refused = send(caller, "sips:bob@example.com", route);
            assertTrue(SipText.header(refused, "X-Sent").startsWith("refused: ")
                    && SipText.header(refused, "X-Sent").contains("sips:"), refused);
            assertEquals(null, far.receive(300), "nothing left in the clear");
            // the same route for a sip: Request-URI is used: the refusal is about sips:
            String sent = send(caller, "sip:bob@example.com", route);
            assertEquals("sent", SipText.header(sent, "X-Sent"), sent);
            assertEquals("MESSAGE", SipText.method(far.receive(3000)));
        }
    }
}
