package org.olelo.container.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * The serialisability rule of distributable applications over real SIP in memory: an attribute
 * that is not {@code Serializable} is refused by {@code setAttribute} of the application session
 * and of the SIP session with an {@code IllegalArgumentException} that names it, a serialisable
 * one is stored; the same application without {@code <distributable/>} stores both.
 */
class DistributableAttributeTest {

    static final String APP = """
            package t;
            import jakarta.servlet.sip.*;
            import java.io.IOException;
            public class Store extends SipServlet {
                private static String attempt(Runnable r) {
                    try {
                        r.run();
                        return "stored";
                    } catch (IllegalArgumentException e) {
                        return "refused: " + e.getMessage();
                    }
                }
                @Override
                protected void doMessage(SipServletRequest req) throws IOException {
                    SipServletResponse ok = req.createResponse(200);
                    ok.setHeader("X-App-Plain", attempt(() -> req.getApplicationSession().setAttribute("plain", new Object())));
                    ok.setHeader("X-Sip-Plain", attempt(() -> req.getSession().setAttribute("lock", new Object())));
                    ok.setHeader("X-App-Text", attempt(() -> req.getApplicationSession().setAttribute("text", "hello")));
                    ok.setHeader("X-Sip-Text", attempt(() -> req.getSession().setAttribute("n", 42)));
                    ok.send();
                }
            }
            """;

    @TempDir
    Path tmp;
    TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    static TestApps app(boolean distributable) {
        return TestApps.app().java("t.Store", APP).sipXml("""
                <sip-app xmlns="http://xmlns.jcp.org/xml/ns/javaee">
                  <app-name>store</app-name>
                  %s
                  <servlet><servlet-name>main</servlet-name><servlet-class>t.Store</servlet-class></servlet>
                  <servlet-selection><main-servlet>main</main-servlet></servlet-selection>
                </sip-app>
                """.formatted(distributable ? "<distributable/>" : ""));
    }

    private String message() throws Exception {
        try (SipPeer a = server.caller()) {
            String r = a.finalResponseTo(SipBuilder.request("MESSAGE", server.uri("svc")).via(a)
                    .callId("attr-" + SipBuilder.next()).contact("peer", a));
            assertEquals(200, status(r));
            return r;
        }
    }

    @Test
    void distributableApplicationRefusesUnserialisableAttributes() throws Exception {
        server = TestServer.builder().app("store", app(true)).routeAllTo("store").start(tmp);
        String r = message();
        assertEquals("refused: attribute plain of a distributable application must be Serializable, not java.lang.Object",
                header(r, "X-App-Plain"));
        assertEquals("refused: attribute lock of a distributable application must be Serializable, not java.lang.Object",
                header(r, "X-Sip-Plain"));
        assertEquals("stored", header(r, "X-App-Text"));
        assertEquals("stored", header(r, "X-Sip-Text"));
    }

    @Test
    void otherApplicationsStoreAnything() throws Exception {
        server = TestServer.builder().app("store", app(false)).routeAllTo("store").start(tmp);
        String r = message();
        assertEquals("stored", header(r, "X-App-Plain"));
        assertEquals("stored", header(r, "X-Sip-Plain"));
    }
}
