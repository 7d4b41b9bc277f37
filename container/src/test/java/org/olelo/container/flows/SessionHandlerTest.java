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
 * {@code SipSession.setHandler}: a servlet name the application does not have is refused with a
 * {@code ServletException} and leaves the handler as it was; a name it has takes the session's
 * later requests. Real SIP in memory.
 */
class SessionHandlerTest {

    private static final String MAIN = """
            package h;
            import jakarta.servlet.ServletException;
            import jakarta.servlet.sip.*;
            import java.io.IOException;
            public class Main extends SipServlet {
                @Override
                protected void doInvite(SipServletRequest req) throws ServletException, IOException {
                    String unknown;
                    try {
                        req.getSession().setHandler("no-such-servlet");
                        unknown = "accepted";
                    } catch (ServletException e) {
                        unknown = "refused";
                    }
                    req.getSession().setHandler(req.getHeader("X-Handler"));
                    SipServletResponse ok = req.createResponse(200);
                    ok.setHeader("X-Unknown", unknown);
                    ok.send();
                }
                @Override
                protected void doBye(SipServletRequest req) throws IOException {
                    SipServletResponse ok = req.createResponse(200);
                    ok.setHeader("X-Handled-By", "main");
                    ok.send();
                }
            }
            """;
    private static final String OTHER = """
            package h;
            import jakarta.servlet.sip.*;
            import java.io.IOException;
            public class Other extends SipServlet {
                @Override
                protected void doBye(SipServletRequest req) throws IOException {
                    SipServletResponse ok = req.createResponse(200);
                    ok.setHeader("X-Handled-By", "other");
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

    private static TestApps app() {
        return TestApps.app().java("h.Main", MAIN).java("h.Other", OTHER).sipXml("""
                <sip-app xmlns="http://xmlns.jcp.org/xml/ns/javaee">
                  <app-name>handlers</app-name>
                  <servlet><servlet-name>main</servlet-name><servlet-class>h.Main</servlet-class></servlet>
                  <servlet><servlet-name>other</servlet-name><servlet-class>h.Other</servlet-class></servlet>
                  <servlet-selection><main-servlet>main</main-servlet></servlet-selection>
                </sip-app>
                """);
    }

    /** Sends an INVITE naming the handler to set, then a BYE in the dialog; returns the BYE's 200. */
    private String callAndHangUp(SipPeer caller, String handler) throws Exception {
        caller.send(SipBuilder.request("INVITE", "sip:svc@127.0.0.1").via(caller).from("<sip:alice@127.0.0.1>")
                .contact("caller", caller).header("X-Handler", handler));
        String ok = caller.next(3000);
        assertNotNull(ok);
        assertEquals(200, status(ok), ok);
        assertEquals("refused", header(ok, "X-Unknown"), "a servlet name the application lacks is refused");
        SipBuilder bye = SipBuilder.inDialog("BYE", ok).via(caller).cseq(2);
        caller.send(bye);
        String byeOk = caller.next(3000);
        assertNotNull(byeOk);
        assertEquals(200, status(byeOk), byeOk);
        return byeOk;
    }

    @Test
    void anUnknownServletNameIsRefusedAndAKnownOneTakesTheSession() throws Exception {
        server = TestServer.builder().app("handlers", app())
                .routing("ALL: (\"handlers\", \"DAR:To\", \"TERMINATING\", \"\", \"NO_ROUTE\", \"0\")\n").start(tmp);
        try (SipPeer caller = server.caller()) {
            assertEquals("other", header(callAndHangUp(caller, "other"), "X-Handled-By"),
                    "the session's BYE goes to the servlet it was handed to");
            assertEquals("main", header(callAndHangUp(caller, "main"), "X-Handled-By"));
        }
    }
}
