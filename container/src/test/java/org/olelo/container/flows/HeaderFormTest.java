package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.status;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.internal.deploy.TestApps;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;

/**
 * {@code setHeaderForm} decides how the header names of a message are written on the wire: compact
 * names on a response and on a request the application sends, full names on a request it proxies
 * (the caller's compact names written out), names as they stand by default; a sent message keeps
 * its form. Real SIP in memory.
 */
class HeaderFormTest {

    private static final String APP = """
            package f;
            import jakarta.servlet.ServletException;
            import jakarta.servlet.sip.*;
            import jakarta.servlet.sip.SipServletMessage.HeaderForm;
            import java.io.IOException;
            public class Forms extends SipServlet {
                @Override
                protected void doInvite(SipServletRequest req) throws ServletException, IOException {
                    if (req.getHeader("X-Proxy-To") != null) {
                        req.setHeaderForm(HeaderForm.LONG);
                        req.getProxy().proxyTo(sf().createURI(req.getHeader("X-Proxy-To")));
                        return;
                    }
                    SipServletResponse ringing = req.createResponse(180);
                    ringing.setHeaderForm(HeaderForm.COMPACT);
                    ringing.addHeader("Supported", "100rel");
                    ringing.send();
                    String committed;
                    try {
                        ringing.setHeaderForm(HeaderForm.LONG);
                        committed = "changed";
                    } catch (IllegalStateException e) {
                        committed = "refused";
                    }
                    SipServletResponse ok = req.createResponse(200);
                    ok.setHeader("X-Committed", committed);
                    ok.send();
                }
                @Override
                protected void doMessage(SipServletRequest req) throws ServletException, IOException {
                    SipServletRequest out = sf().createRequest(req.getApplicationSession(), "MESSAGE",
                            "sip:svc@127.0.0.1", req.getHeader("X-Send-To"));
                    out.setHeaderForm(HeaderForm.COMPACT);
                    out.setContent("hello", "text/plain");
                    out.send();
                    req.createResponse(200).send();
                }
                private SipFactory sf() {
                    return (SipFactory) getServletContext().getAttribute(SIP_FACTORY);
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

    private void start() throws Exception {
        TestApps app = TestApps.app().java("f.Forms", APP).sipXml("""
                <sip-app xmlns="http://xmlns.jcp.org/xml/ns/javaee">
                  <app-name>forms</app-name>
                  <servlet><servlet-name>forms</servlet-name><servlet-class>f.Forms</servlet-class></servlet>
                </sip-app>
                """);
        server = TestServer.builder().app("forms", app)
                .routing("ALL: (\"forms\", \"DAR:To\", \"TERMINATING\", \"\", \"NO_ROUTE\", \"0\")\n").start(tmp);
    }

    /** The header names of a message, in order. */
    private static List<String> names(String msg) {
        String head = msg.substring(msg.indexOf("\r\n") + 2, msg.indexOf("\r\n\r\n"));
        return head.lines().map(l -> l.substring(0, l.indexOf(':'))).toList();
    }

    @Test
    void aCompactResponseAndADefaultOneAndASentOneKeepsItsForm() throws Exception {
        start();
        try (SipPeer caller = server.caller()) {
            caller.send(SipBuilder.request("INVITE", "sip:svc@127.0.0.1").via(caller).from("<sip:alice@127.0.0.1>")
                    .contact("caller", caller));
            String ringing = caller.next(3000);
            assertNotNull(ringing);
            assertEquals(180, status(ringing), ringing);
            List<String> compact = names(ringing);
            assertTrue(compact.containsAll(List.of("v", "f", "t", "i", "k", "l")), ringing);
            assertTrue(compact.stream().noneMatch(n -> List.of("Via", "From", "To", "Call-ID", "Supported",
                    "Content-Length").contains(n)), ringing);
            String ok = caller.next(3000);
            assertEquals(200, status(ok), ok);
            assertTrue(names(ok).containsAll(List.of("Via", "From", "To", "Call-ID", "Content-Length")),
                    "the default writes names as they stand: " + ok);
            assertEquals("refused", header(ok, "X-Committed"), "a sent response keeps its form");
        }
    }

    @Test
    void aRequestTheApplicationSendsGoesOutCompact() throws Exception {
        start();
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
            caller.send(SipBuilder.request("MESSAGE", "sip:svc@127.0.0.1").via(caller).from("<sip:alice@127.0.0.1>")
                    .contact("caller", caller).lines("X-Send-To: " + server.uriOf("bob", callee) + "\r\n"));
            String sent = callee.receive(3000);
            assertNotNull(sent);
            assertTrue(sent.startsWith("MESSAGE "), sent);
            assertTrue(names(sent).containsAll(List.of("v", "f", "t", "i", "c", "l")), sent);
            assertTrue(sent.endsWith("\r\n\r\nhello"), sent);
        }
    }

    @Test
    void aProxiedRequestSetToLongWritesTheCallersCompactNamesInFull() throws Exception {
        start();
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
            caller.send(SipBuilder.request("INVITE", "sip:svc@127.0.0.1").via(caller).from("<sip:alice@127.0.0.1>")
                    .contact("caller", caller).lines("X-Proxy-To: " + server.uriOf("bob", callee) + "\r\n" + "a: *;audio\r\nj: *;video\r\n"));
            String inv = callee.receive(3000);
            assertNotNull(inv);
            assertTrue(inv.startsWith("INVITE "), inv);
            List<String> n = names(inv);
            assertTrue(n.containsAll(List.of("Accept-Contact", "Reject-Contact", "Via")), inv);
            assertTrue(!n.contains("a") && !n.contains("j"), inv);
        }
    }
}
