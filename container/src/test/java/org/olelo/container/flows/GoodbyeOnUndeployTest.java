package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.method;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.internal.deploy.TestApps;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.MemoryPeer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;

/**
 * An application's {@code SipFactory}, {@code SipSessionsUtil} and {@code TimerService} work until
 * its servlets' {@code destroy()} and its {@code contextDestroyed} have returned: the goodbye
 * messages an application sends from there, when its archive is removed, reach the peer over SIP
 * (in memory).
 */
class GoodbyeOnUndeployTest {

    private static final int PEER_PORT = 5470;

    @TempDir
    Path tmp;
    private TestServer server;
    private MemoryPeer peer;

    @AfterEach
    void stop() {
        if (peer != null) {
            peer.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** A servlet and a context listener that each send a MESSAGE to the peer while they are torn down. */
    private static TestApps goodbyeApp() {
        return goodbyeApp(PEER_PORT);
    }

    private static TestApps goodbyeApp(int peerPort) {
        String target = "sip:peer@127.0.0.1:" + peerPort;
        return TestApps.app().java("g.Goodbye", """
                package g;
                import jakarta.servlet.sip.*;
                public class Goodbye extends SipServlet {
                    @Override
                    public void destroy() {
                        SipFactory f = (SipFactory) getServletContext().getAttribute(SIP_FACTORY);
                        SipSessionsUtil u = (SipSessionsUtil) getServletContext().getAttribute(SIP_SESSIONS_UTIL);
                        TimerService t = (TimerService) getServletContext().getAttribute(TIMER_SERVICE);
                        String timer;
                        try {
                            SipApplicationSession as = u.getApplicationSessionByKey("goodbye", true);
                            SipServletRequest m = f.createRequest(as, "MESSAGE", "sip:goodbye@127.0.0.1", "%s");
                            try {
                                t.createTimer(as, 60_000, false, "never").cancel();
                                timer = "created";
                            } catch (RuntimeException e) {
                                timer = e.getClass().getSimpleName();
                            }
                            m.setHeader("X-Timer", timer);
                            m.setContent("servlet destroyed", "text/plain");
                            m.send();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
                """.formatted(target)).java("g.Farewell", """
                package g;
                import jakarta.servlet.*;
                import jakarta.servlet.sip.*;
                public class Farewell implements ServletContextListener, TimerListener {
                    @Override
                    public void contextDestroyed(ServletContextEvent e) {
                        SipFactory f = (SipFactory) e.getServletContext().getAttribute(SipServlet.SIP_FACTORY);
                        try {
                            SipServletRequest m = f.createRequest(f.createApplicationSession(), "MESSAGE",
                                    "sip:goodbye@127.0.0.1", "%s");
                            m.setContent("context destroyed", "text/plain");
                            m.send();
                        } catch (Exception ex) {
                            throw new IllegalStateException(ex);
                        }
                    }
                    @Override
                    public void timeout(ServletTimer timer) {
                    }
                }
                """.formatted(target)).sipXml("""
                <sip-app><app-name>goodbye</app-name>
                  <listener><listener-class>g.Farewell</listener-class></listener>
                  <servlet><servlet-name>goodbye</servlet-name><servlet-class>g.Goodbye</servlet-class></servlet>
                </sip-app>
                """);
    }

    @Test
    void messagesSentFromDestroyAndContextDestroyedReachThePeer() throws Exception {
        server = TestServer.builder().archive("goodbye", goodbyeApp()).routing("# nothing routed\n")
                .settings(c -> c.withPollMillis(50)).start(tmp);
        peer = new MemoryPeer(server.memory(), PEER_PORT);
        assertNotNull(server.server().applications().get("goodbye"));

        Files.delete(server.deploy().resolve("apps").resolve("goodbye.sar"));

        Map<String, String> received = new HashMap<>();
        while (received.size() < 2) {
            String m = peer.receive(10_000);
            assertNotNull(m, "a goodbye MESSAGE; got so far " + received.keySet());
            assertEquals("MESSAGE", method(m), m);
            peer.send(SipBuilder.response(m, 200, "OK").toTag("p1"));
            received.put(m.substring(m.indexOf("\r\n\r\n") + 4), m);
        }
        assertTrue(received.containsKey("servlet destroyed"), received.keySet().toString());
        assertTrue(received.containsKey("context destroyed"), received.keySet().toString());
        assertEquals("created", header(received.get("servlet destroyed"), "X-Timer"),
                "the TimerService works in destroy() too");
        assertNull(server.server().applications().get("goodbye"));
    }

    @Test
    void messagesSentFromDestroyLeaveWhenTheServerStops() throws Exception {
        try (DatagramSocket udpPeer = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            udpPeer.setSoTimeout(5_000);
            server = TestServer.builder().archive("goodbye", goodbyeApp(udpPeer.getLocalPort()))
                    .routing("# nothing routed\n").transport(SipPeer.Kind.UDP).start(tmp);

            server.close(); // the applications are torn down while the listening points still send

            Set<String> bodies = new HashSet<>();
            while (bodies.size() < 2) {
                DatagramPacket p = new DatagramPacket(new byte[65_535], 65_535);
                try {
                    udpPeer.receive(p);
                } catch (SocketTimeoutException e) {
                    fail("a goodbye MESSAGE over UDP sent while the server stopped; got so far " + bodies);
                }
                String m = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
                bodies.add(m.substring(m.indexOf("\r\n\r\n") + 4));
            }
            assertEquals(Set.of("servlet destroyed", "context destroyed"), bodies);
        }
    }
}
