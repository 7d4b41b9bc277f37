package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.method;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.internal.deploy.DeployProblem;
import org.olelo.container.internal.deploy.TestApps;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.MemoryPeer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipText;

/**
 * The JNDI names JSR 289 gives an application's container objects
 * ({@code java:comp/env/sip/<app-name>/SipFactory}, {@code .../TimerService},
 * {@code .../SipSessionsUtil}) and {@code java:comp/env/jdbc/default}: an application looks them up
 * in {@code init()}, in a servlet method and in a timer, and injects them with {@code @Resource(name)} and
 * {@code @Resource(lookup)}; it deploys, and the objects it found send real SIP (in memory).
 */
class JndiNamesTest {

    private static final int PEER_PORT = 5480;
    private static final String ROUTING = "MESSAGE: (\"jndi\", \"DAR:From\", \"NEUTRAL\", \"\", \"NO_ROUTE\", \"0\")\n";

    @TempDir
    Path tmp;
    private TestServer sip;

    @AfterEach
    void stop() {
        if (sip != null) {
            sip.close();
        }
    }

    private static TestApps app() {
        return TestApps.app().sipXml("""
                <sip-app><app-name>jndi</app-name>
                  <listener><listener-class>j.Named</listener-class></listener>
                  <servlet><servlet-name>named</servlet-name><servlet-class>j.Named</servlet-class></servlet>
                </sip-app>
                """).java("j.Named", """
                package j;
                import jakarta.annotation.Resource;
                import jakarta.servlet.ServletException;
                import jakarta.servlet.sip.*;
                import javax.naming.*;
                import javax.sql.DataSource;
                public class Named extends SipServlet implements TimerListener {
                    private SipFactory factory;
                    private TimerService timers;
                    private SipSessionsUtil util;
                    @Resource(name = "sip/jndi/SipFactory") private SipFactory byName;
                    @Resource(lookup = "java:comp/env/sip/jndi/SipSessionsUtil") private SipSessionsUtil byLookup;
                    @Override
                    public void init() throws ServletException {
                        try {
                            InitialContext ic = new InitialContext();
                            factory = (SipFactory) ic.lookup("java:comp/env/sip/jndi/SipFactory");
                            timers = (TimerService) ic.lookup("java:comp/env/sip/jndi/TimerService");
                            util = (SipSessionsUtil) ic.lookup("java:comp/env/sip/jndi/SipSessionsUtil");
                        } catch (NamingException e) {
                            throw new ServletException(e);
                        }
                    }
                    @Override
                    protected void doMessage(SipServletRequest req) throws java.io.IOException, ServletException {
                        SipServletResponse resp = req.createResponse(200);
                        try {
                            Context env = (Context) new InitialContext().lookup("java:comp/env");
                            SipFactory f = (SipFactory) env.lookup("sip/jndi/SipFactory");
                            boolean same = f == factory && f == byName && util == byLookup
                                    && f == getServletContext().getAttribute(SIP_FACTORY)
                                    && timers == getServletContext().getAttribute(TIMER_SERVICE)
                                    && util == env.lookup("sip/jndi/SipSessionsUtil");
                            resp.setHeader("X-Same", Boolean.toString(same));
                            resp.setHeader("X-Db", Boolean.toString(env.lookup("jdbc/default") instanceof DataSource));
                            try {
                                env.lookup("sip/other/SipFactory");
                                resp.setHeader("X-Other", "found");
                            } catch (NameNotFoundException e) {
                                resp.setHeader("X-Other", "not found");
                            }
                            try {
                                env.bind("x", "y");
                                resp.setHeader("X-Bind", "bound");
                            } catch (OperationNotSupportedException e) {
                                resp.setHeader("X-Bind", "refused");
                            }
                            SipApplicationSession as = util.getApplicationSessionByKey("jndi-key", true);
                            SipServletRequest m = f.createRequest(as, "MESSAGE", "sip:jndi@127.0.0.1",
                                    req.getHeader("X-Reply-To"));
                            m.setContent("from the servlet", "text/plain");
                            m.send();
                            timers.createTimer(as, 10, false, req.getHeader("X-Reply-To"));
                        } catch (NamingException e) {
                            resp.setHeader("X-Failure", e.toString());
                        }
                        resp.send();
                    }
                    @Override
                    public void timeout(ServletTimer timer) {
                        try {
                            SipFactory f = (SipFactory) new InitialContext().lookup("java:comp/env/sip/jndi/SipFactory");
                            SipServletRequest m = f.createRequest(timer.getApplicationSession(), "MESSAGE",
                                    "sip:jndi@127.0.0.1", (String) timer.getInfo());
                            m.setContent("from the timer", "text/plain");
                            m.send();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
                """);
    }

    @Test
    void anApplicationLooksUpItsObjectsInInitAndInAServletAndUsesThem() throws Exception {
        sip = TestServer.builder().app("jndi", app()).routing(ROUTING).start(tmp);
        assertTrue(sip.server().deployer().failures().isEmpty(), () -> sip.server().deployer().failures().toString());
        MemoryPeer ua = sip.memoryPeer(1);
        String r = ua.finalResponseTo(SipBuilder.request("MESSAGE", "sip:jndi@127.0.0.1").via(ua)
                .header("X-Reply-To", "sip:peer@127.0.0.1:" + PEER_PORT));
        assertEquals(200, SipText.status(r), r);
        assertEquals(null, header(r, "X-Failure"), r);
        assertEquals("true", header(r, "X-Same"), "the names hold the application's own objects: " + r);
        assertEquals("true", header(r, "X-Db"), r);
        assertEquals("not found", header(r, "X-Other"), "an application sees only its own names");
        assertEquals("refused", header(r, "X-Bind"), "the names are read-only");

        MemoryPeer peer = new MemoryPeer(sip.memory(), PEER_PORT);
        Set<String> bodies = new HashSet<>();
        while (bodies.size() < 2) {
            String m = peer.receive(5_000);
            assertNotNull(m, "a MESSAGE from the application; got " + bodies);
            assertEquals("MESSAGE", method(m), m);
            peer.send(SipBuilder.response(m, 200, "OK").toTag("p" + bodies.size()));
            bodies.add(m.substring(m.indexOf("\r\n\r\n") + 4));
        }
        assertEquals(Set.of("from the servlet", "from the timer"), bodies);
    }

    @Test
    void aResourceNameOfAnotherTypeFailsTheDeploymentNamingTheField() throws Exception {
        TestApps bad = TestApps.app().sipXml("""
                <sip-app><app-name>jndi</app-name>
                  <servlet><servlet-name>bad</servlet-name><servlet-class>j.Bad</servlet-class></servlet>
                </sip-app>
                """).java("j.Bad", """
                package j;
                public class Bad extends jakarta.servlet.sip.SipServlet {
                    @jakarta.annotation.Resource(name = "sip/jndi/TimerService") jakarta.servlet.sip.SipFactory wrong;
                }
                """);
        sip = TestServer.builder().app("jndi", bad).routing(ROUTING).start(tmp);
        DeployProblem p = sip.server().deployer().failures().values().stream().findFirst()
                .orElseThrow(() -> new AssertionError("the deployment should fail"));
        assertTrue(p.reason().contains("j.Bad.wrong") && p.reason().contains("sip/jndi/TimerService")
                && p.reason().contains("jakarta.servlet.sip.TimerService"), p.toString());
        assertTrue(!p.reason().contains("Impl"), "no implementation class named: " + p);
    }
}
