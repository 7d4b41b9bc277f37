package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.headers;
import static org.olelo.core.testkit.SipText.method;
import static org.olelo.core.testkit.SipText.status;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.testkit.CommonApps;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;

/**
 * A new initial request an application makes with {@code SipFactory} goes through the application
 * router (JSR 289 §15), as click-to-dial's INVITEs to registered users must reach the location
 * service: never back to the application that made it first, and a Request-URI naming a peer beside
 * the server by its port is not one of the server's domains.
 */
class AppRequestRoutingTest {

    private static final long WAIT = 3000;

    /** On a MESSAGE: makes a new MESSAGE to the URI of its X-Target header, then answers 200. */
    private static final String MAKER = """
            package m;
            import jakarta.servlet.sip.*;
            import java.io.IOException;
            public class Maker extends SipServlet {
                @Override
                protected void doMessage(SipServletRequest req) throws jakarta.servlet.ServletException, IOException {
                    SipFactory f = (SipFactory) getServletContext().getAttribute(SIP_FACTORY);
                    SipServletRequest out = f.createRequest(f.createApplicationSession(), "MESSAGE",
                            "sip:maker@127.0.0.1", req.getHeader("X-Target"));
                    out.setContent("made", "text/plain");
                    out.send();
                    req.createResponse(200).send();
                }
                @Override
                protected void doResponse(SipServletResponse resp) {
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

    private void start(String routing) throws Exception {
        server = TestServer.builder().app("maker", CommonApps.servlet("maker", "m.Maker", Map.of("m.Maker", MAKER)))
                .app("rec", CommonApps.recorder("rec")).routing(routing).transport(SipPeer.Kind.UDP).start(tmp);
    }

    private String makeMessageTo(SipPeer caller, String target) throws Exception {
        return caller.finalResponseTo(SipBuilder.request("MESSAGE", server.uri("make")).via(caller)
                .lines("X-Target: " + target + "\r\n"));
    }

    @Test
    void aNewRequestIsRoutedToTheNextApplicationNotBackToItsMaker() throws Exception {
        // the maker's tuple matches every MESSAGE, its own too: the router is asked past it
        start("MESSAGE: (\"maker\", \"DAR:From\", \"ORIGINATING\", \"\", \"NO_ROUTE\", \"0\"), "
                + "(\"rec\", \"DAR:To\", \"TERMINATING\", \"\", \"NO_ROUTE\", \"1\", \"ruri.user=bob\")\n");
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
            assertEquals(200, status(makeMessageTo(caller, server.uriOf("bob", callee))));
            String made = callee.receive(WAIT);
            assertNotNull(made, "the made MESSAGE reaches bob through the next application");
            assertEquals("MESSAGE", method(made));
            assertEquals(1, headers(made, "X-Seen").size(), made);
            assertTrue(header(made, "X-Seen").startsWith("rec region=TERMINATING"), made);
            callee.send(SipBuilder.response(made, 200, "OK").toTag("b1"));
            assertNull(callee.receive(500), "made once: the maker did not get its own request back");
        }
    }

    @Test
    void aPeerBesideTheServerByPortIsNotALocalTarget() throws Exception {
        start("MESSAGE: (\"maker\", \"DAR:From\", \"ORIGINATING\", \"\", \"NO_ROUTE\", \"0\", \"ruri.user=make\"), "
                + "(\"rec\", \"DAR:To\", \"TERMINATING\", \"\", \"NO_ROUTE\", \"1\", \"ruri.local=true\")\n");
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
            assertEquals(200, status(makeMessageTo(caller, server.uriOf("bob", callee))));
            String made = callee.receive(WAIT);
            assertNotNull(made, "the made MESSAGE goes straight to the peer");
            assertNull(header(made, "X-Seen"), "no application of this server took it: " + made);
        }
    }
}
