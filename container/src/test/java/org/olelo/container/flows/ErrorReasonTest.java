package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.internal.deploy.TestApps;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.MemoryPeer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipText;

/**
 * Replies the container makes when something fails carry the RFC reason phrase only: no
 * application name, exception class or message, host name or resolution error. The detail goes
 * to the log (the application and the exception, with the Call-ID) and to the call log line.
 */
class ErrorReasonTest {

    private static final String SERVLET = """
            package e;
            import jakarta.servlet.sip.*;
            import java.io.IOException;
            public class E extends SipServlet {
                @Override protected void doRequest(SipServletRequest req) throws jakarta.servlet.ServletException, IOException {
                    String user = ((SipURI) req.getRequestURI()).getUser();
                    if ("boom".equals(user)) {
                        throw new IllegalStateException("table t_locations is locked on db-7.internal");
                    }
                    req.getProxy().proxyTo(req.getRequestURI());
                }
            }
            """;
    private static final String KEYS = """
            package e;
            import jakarta.servlet.sip.SipServletRequest;
            import jakarta.servlet.sip.annotation.SipApplicationKey;
            public class Keys {
                @SipApplicationKey
                public static String key(SipServletRequest req) {
                    if (req.getHeader("X-Key") != null) {
                        throw new UnsupportedOperationException("key store offline");
                    }
                    return null;
                }
            }
            """;
    private static final String SIP_XML = """
            <sip-app>
              <app-name>secretapp</app-name>
              <servlet><servlet-name>e</servlet-name><servlet-class>e.E</servlet-class></servlet>
              <servlet-selection>
                <servlet-mapping>
                  <servlet-name>e</servlet-name>
                  <pattern><not><equal><var>request.uri.user</var><value>unmatched</value></equal></not></pattern>
                </servlet-mapping>
              </servlet-selection>
            </sip-app>
            """;
    private static final String[] INTERNAL = {"secretapp", "IllegalStateException", "t_locations", "db-7", "Exception",
        "nowhere.invalid", "key store", "servlet", "refused", "Connection"};

    @TempDir
    Path tmp;
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start() throws Exception {
        server = TestServer.builder().app("secretapp", TestApps.app().java("e.E", SERVLET).java("e.Keys", KEYS).sipXml(SIP_XML))
                .routeAllTo("secretapp").listen("tcp:127.0.0.1:0").resolver(host -> {
                    if (host.endsWith(".invalid")) {
                        throw new UnknownHostException(host + ": Name or service not known");
                    }
                    return new InetAddress[] {InetAddress.getLoopbackAddress()};
                }).start(tmp);
    }

    /** Sends a request from a fresh in-memory source and returns its final response. */
    private String send(String ruri, String extra) throws Exception {
        MemoryPeer from = server.memoryPeer(20 + SipBuilder.next() % 200);
        return from.finalResponseTo(SipBuilder.request("INVITE", ruri).via(from).from("<sip:alice@127.0.0.1>")
                .contact("alice", from).lines(extra));
    }

    /**
     * The status line is exactly the expected one, and nothing internal is anywhere in what the
     * server wrote into the reply (the headers copied from the request aside).
     */
    private static void plain(String reply, String statusLine) {
        assertTrue(reply.startsWith(statusLine + "\r\n"), reply);
        String generated = reply.lines()
                .filter(l -> !l.matches("(?i)(To|From|Via|Call-ID|CSeq):.*"))
                .reduce("", (a, b) -> a + b + "\n");
        for (String s : INTERNAL) {
            assertFalse(generated.contains(s), s + " in\n" + reply);
        }
    }

    @Test
    void aServletThatThrowsGetsAPlain500AndTheLogNamesApplicationAndException() throws Exception {
        start();
        try (LogCapture log = new LogCapture("org.olelo.container", Level.WARN);
             LogCapture calls = new LogCapture("olelo.calls", Level.INFO)) {
            String reply = send("sip:boom@127.0.0.1", "");
            plain(reply, "SIP/2.0 500 Server Internal Error");
            String callId = SipText.header(reply, "Call-ID");
            List<ILoggingEvent> warnings = log.events().stream()
                    .filter(e -> e.getFormattedMessage().contains(callId)).toList();
            assertEquals(1, warnings.size(), "once: " + log.messages());
            String w = warnings.get(0).getFormattedMessage();
            assertTrue(w.contains("secretapp") && w.contains("IllegalStateException") && w.contains("t_locations"), w);
            assertEquals(Level.WARN, warnings.get(0).getLevel());
            assertFalse(calls.await(callId, 2000).isEmpty());
            assertTrue(calls.await(callId, 0).get(0).contains("detail=\"secretapp: servlet failed: java.lang.IllegalStateException\""),
                    calls.messages().toString());
        }
    }

    @Test
    void otherFailuresGetPlainReasonPhrasesToo() throws Exception {
        start();
        try (LogCapture calls = new LogCapture("olelo.calls", Level.INFO)) {
            plain(send("sip:unmatched@127.0.0.1", ""), "SIP/2.0 404 Not Found");
            plain(send("sip:bob@127.0.0.1", "X-Key: k\r\n"), "SIP/2.0 500 Server Internal Error");
            String unresolved = send("sip:bob@nowhere.invalid", "");
            plain(unresolved, "SIP/2.0 502 Bad Gateway");
            assertTrue(calls.await(SipText.header(unresolved, "Call-ID"), 2000).get(0)
                    .contains("detail=\"no route to the next hop: nowhere.invalid: Name or service not known\""),
                    calls.messages().toString());
            int closed;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                closed = s.getLocalPort();
            }
            String refused = send("sip:bob@127.0.0.1:" + closed + ";transport=tcp", "");
            plain(refused, "SIP/2.0 503 Service Unavailable");
            assertTrue(calls.await(SipText.header(refused, "Call-ID"), 2000).get(0).contains("detail=\"cannot send to"),
                    calls.messages().toString());
        }
    }
}
