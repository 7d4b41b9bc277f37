package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.olelo.core.testkit.SipText.headers;
import static org.olelo.core.testkit.SipText.status;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.internal.deploy.TestApps;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.SipPeer;
import org.olelo.core.transaction.TimerSettings;

/**
 * A supervised, record-routed proxy's finished call is not kept in memory by the INVITE client
 * transaction's Accepted state (64*T1, 32 s with the default T1): once the session is invalidated
 * after the BYE, only a relay of further 2xx stays. At a thousand calls a second, keeping every
 * finished call for Timer M exhausted a 512 MiB heap.
 */
class SupervisedProxyRetentionTest {

    private static final long WAIT = 3000;

    /** A supervised proxy that keeps a weak reference to the SIP session of the last initial request. */
    private static final String APP = """
            package t;
            import jakarta.servlet.sip.*;
            import java.io.IOException;
            import java.lang.ref.WeakReference;
            public class Supervising extends SipServlet {
                public static volatile WeakReference<Object> last;
                @Override
                protected void doRequest(SipServletRequest req) throws jakarta.servlet.ServletException, IOException {
                    if (!req.isInitial() || req.getMethod().equals("ACK") || req.getMethod().equals("CANCEL")) {
                        return;
                    }
                    last = new WeakReference<>(req.getSession());
                    Proxy p = req.getProxy();
                    p.setRecordRoute(true);
                    p.setSupervised(true);
                    p.setParallel(false);
                    p.setProxyTimeout(30);
                    p.proxyTo(req.getRequestURI());
                }
                @Override
                protected void doResponse(SipServletResponse resp) throws jakarta.servlet.ServletException, IOException {
                    resp.getSession().setAttribute("seen", resp.getStatus());
                }
            }
            """;
    private static final String SIP_XML = """
            <sip-app xmlns="http://xmlns.jcp.org/xml/ns/javaee">
              <app-name>sup</app-name>
              <servlet><servlet-name>sup</servlet-name><servlet-class>t.Supervising</servlet-class></servlet>
              <servlet-mapping><servlet-name>sup</servlet-name><pattern><equal><var>request.method</var><value>INVITE</value></equal></pattern></servlet-mapping>
            </sip-app>
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
    void aFinishedCallIsCollectableWhileItsClientTransactionIsStillAccepted() throws Exception {
        server = TestServer.builder().app("sup", TestApps.app().java("t.Supervising", APP).sipXml(SIP_XML))
                .routeAllTo("sup").transport(SipPeer.Kind.UDP)
                // T1 500 ms: Timer M (64*T1) keeps the INVITE client transaction for 32 s
                .settings(c -> c.withCore(c.core().withTimers(new TimerSettings(500, 4000, 5000))))
                .start(tmp);
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
            caller.send(ProxyFlowsTest.invite(caller, server.uriOf("bob", callee)));
            String inv = callee.receive(WAIT);
            assertNotNull(inv, "INVITE relayed to the callee");
            String ok = ProxyFlowsTest.answer(inv, 200, "OK", "callee1").contact("bob", callee).build();
            callee.send(ok);
            String answered = caller.next(WAIT);
            assertEquals(200, status(answered));
            caller.send(ProxyFlowsTest.inDialog(caller, "ACK", answered, 1));
            assertNotNull(callee.receive(WAIT), "ACK relayed");
            caller.send(ProxyFlowsTest.inDialog(caller, "BYE", answered, 2));
            String bye = callee.receive(WAIT);
            assertNotNull(bye, "BYE relayed");
            callee.send(ProxyFlowsTest.answer(bye, 200, "OK", null));
            assertEquals(200, status(caller.next(WAIT)));

            WeakReference<?> session = lastSession();
            assertNotNull(session, "the application saw the INVITE");
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (session.get() != null && System.nanoTime() < deadline) {
                System.gc();
                Thread.sleep(50);
            }
            assertNull(session.get(), "the invalidated session is still reachable (from the Accepted client transaction)");

            // a late 2xx retransmission is still relayed upstream, without our Via
            callee.send(ok);
            String again = caller.next(WAIT);
            assertNotNull(again, "the retransmitted 2xx is relayed after the session is gone");
            assertEquals(200, status(again));
            assertEquals(1, headers(again, "Via").size(), again);
        }
    }

    private WeakReference<?> lastSession() throws Exception {
        ClassLoader loader = server.server().applications().get("sup").classLoader();
        return (WeakReference<?>) loader.loadClass("t.Supervising").getField("last").get(null);
    }
}
