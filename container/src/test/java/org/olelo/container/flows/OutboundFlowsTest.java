package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.method;
import static org.olelo.core.testkit.SipText.status;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.internal.deploy.TestApps;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;
import org.olelo.core.testkit.TcpPeer;

/**
 * JSR 359 flows (RFC 5626) over real TCP connections: the session of a REGISTER reports the flow
 * it came over; its token, kept by the application, gives the flow back from the context while the
 * connection is open; a proxy (or one of its branches), and a session of the application's own,
 * set to that flow send over that very connection whatever the Request-URI says; when the
 * connection ends the token finds nothing any more and the application's {@code FlowListener} is
 * told, naming the peer.
 */
class OutboundFlowsTest {

    private static final long WAIT = 3000;

    /** A servlet that is also the application's FlowListener (one instance for both). */
    private static final String APP = """
            package t;
            import jakarta.servlet.sip.*;
            import java.io.IOException;
            import java.util.List;
            public class FlowApp extends SipServlet implements FlowListener {
                @Override protected void doRegister(SipServletRequest req) throws IOException {
                    Flow f = req.getSession().getFlow();
                    getServletContext().setAttribute("token", f.getToken());
                    SipServletResponse ok = req.createResponse(200);
                    ok.setHeader("X-Flow", f.getRemoteURI() + " " + f.getLocalURI() + " " + f.isActive());
                    ok.send();
                }
                @Override protected void doOptions(SipServletRequest req) throws IOException {
                    SipServletResponse ok = req.createResponse(200);
                    ok.setHeader("X-Failed", String.valueOf(getServletContext().getAttribute("failed")));
                    ok.send();
                }
                @Override protected void doMessage(SipServletRequest req) throws IOException, jakarta.servlet.ServletException {
                    Flow f = ((SipServletContext) getServletContext())
                            .getFlow((String) getServletContext().getAttribute("token"));
                    if (f == null) {
                        req.createResponse(430, "Flow Failed").send();
                        return;
                    }
                    if ("session".equals(req.getHeader("X-Mode"))) {
                        SipFactory sf = (SipFactory) getServletContext().getAttribute(SIP_FACTORY);
                        SipServletRequest out = sf.createRequest(sf.createApplicationSession(), "MESSAGE",
                                "sip:flows@127.0.0.1", req.getRequestURI().toString());
                        out.getSession().setFlow(f);
                        out.send();
                        req.createResponse(202).send();
                        return;
                    }
                    Proxy p = req.getProxy();
                    p.setRecordRoute(false);
                    if ("branch".equals(req.getHeader("X-Mode"))) {
                        p.createProxyBranches(List.of(req.getRequestURI())).get(0).setFlow(f);
                        p.startProxy();
                    } else {
                        p.setFlow(f);
                        p.proxyTo(req.getRequestURI());
                    }
                }
                @Override public void flowFailed(FlowFailedEvent e) {
                    getServletContext().setAttribute("failed", e.getFlow().getRemoteURI() + " " + e.getFlow().isActive());
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
        return TestApps.app().java("t.FlowApp", APP).sipXml("""
                <sip-app xmlns="http://xmlns.jcp.org/xml/ns/javaee">
                  <app-name>flows</app-name>
                  <listener><listener-class>t.FlowApp</listener-class></listener>
                  <servlet><servlet-name>main</servlet-name><servlet-class>t.FlowApp</servlet-class></servlet>
                  <servlet-selection><main-servlet>main</main-servlet></servlet-selection>
                </sip-app>
                """);
    }

    private static String message(SipPeer from, String mode) {
        return SipBuilder.request("MESSAGE", "sip:ua@10.0.0.5:5060;transport=tcp").via(from)
                .from("<sip:bob@127.0.0.1>").header("X-Mode", mode).body("text/plain", "hi").build();
    }

    /** The UA answers the MESSAGE it got over its own connection; the sender gets that 200. */
    private static void deliveredOverTheFlow(TcpPeer ua, SipPeer sender, String mode) throws Exception {
        sender.send(message(sender, mode));
        String m = ua.receive(WAIT);
        assertNotNull(m, mode + ": the MESSAGE reached the UA over its registration's connection");
        assertEquals("MESSAGE", method(m));
        assertTrue(m.startsWith("MESSAGE sip:ua@10.0.0.5:5060;transport=tcp "), m);
        ua.send(SipBuilder.response(m, 200, "OK").toTag("ua").build());
        assertEquals(200, status(sender.receive(WAIT)), mode);
    }

    @Test
    void aRegisteredFlowCarriesRequestsUntilItsConnectionEndsAndThenItsFailureIsReported() throws Exception {
        server = TestServer.builder().app("flows", app()).routeAllTo("flows").transport(SipPeer.Kind.TCP).start(tmp);
        String uaRemote;
        try (TcpPeer ua = (TcpPeer) server.caller(); SipPeer sender = server.caller()) {
            ua.send(SipBuilder.request("REGISTER", "sip:127.0.0.1;transport=tcp").via(ua)
                    .from("<sip:ua@127.0.0.1>").to("<sip:ua@127.0.0.1>")
                    .contact("<sip:ua@10.0.0.5:5060;transport=tcp>;+sip.instance=\"<urn:uuid:1>\";reg-id=1").build());
            String ok = ua.receive(WAIT);
            assertEquals(200, status(ok));
            uaRemote = "sip:127.0.0.1:" + ua.address().getPort() + ";transport=tcp";
            assertEquals(uaRemote + " sip:127.0.0.1:" + server.address().getPort() + ";transport=tcp true",
                    header(ok, "X-Flow"));

            deliveredOverTheFlow(ua, sender, "proxy");
            deliveredOverTheFlow(ua, sender, "branch");

            sender.send(message(sender, "session")); // a request of the application's own session, set to the flow
            assertEquals(202, status(sender.receive(WAIT)));
            String own = ua.receive(WAIT);
            assertNotNull(own, "the application's MESSAGE came over the UA's connection");
            assertTrue(own.startsWith("MESSAGE sip:ua@10.0.0.5:5060") && own.contains("sip:flows@"), own);
            ua.send(SipBuilder.response(own, 200, "OK").toTag("ua2").build());

            sender.send(SipBuilder.request("OPTIONS", "sip:127.0.0.1;transport=tcp").via(sender).build());
            assertEquals("null", header(sender.receive(WAIT), "X-Failed"), "no failure while the connection is open");
            ua.close();

            String failed = "null";
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (failed.equals("null") && System.nanoTime() < until) {
                Thread.sleep(50);
                sender.send(SipBuilder.request("OPTIONS", "sip:127.0.0.1;transport=tcp").via(sender).build());
                failed = header(sender.receive(WAIT), "X-Failed");
            }
            assertEquals(uaRemote + " false", failed, "the FlowListener heard of the failed flow");
            sender.send(message(sender, "proxy"));
            String answer = sender.receive(WAIT);
            assertEquals(430, status(answer), "the token of a failed flow finds nothing");
        }
    }
}
