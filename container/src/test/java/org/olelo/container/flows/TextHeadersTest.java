package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.headers;
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
 * Headers an application sets as text on a response: one the container has no rules for travels
 * as the text given and still reads back as an address; a Date set twice with the same text goes
 * out both times; values the container must understand (Contact, Expires, Date) are still refused
 * when invalid, and no value can carry a line break that would forge a further header. Real SIP in
 * memory.
 */
class TextHeadersTest {

    private static final String APP = """
            package t;
            import jakarta.servlet.ServletException;
            import jakarta.servlet.sip.*;
            import java.io.IOException;
            public class Texts extends SipServlet {
                @Override
                protected void doMessage(SipServletRequest req) throws ServletException, IOException {
                    SipServletResponse ok = req.createResponse(200);
                    ok.setHeader("X-Note", "  hello,  world ");
                    ok.addHeader("X-Peer", "\\"Bob\\" <sip:bob@example.com;transport=tcp>;tag=7");
                    Address peer = ok.getAddressHeader("X-Peer");
                    ok.setHeader("X-Read", peer.getDisplayName() + "|" + peer.getURI() + "|" + peer.getParameter("tag"));
                    ok.setHeader("X-List", ok.getHeaderList("X-Peer").size() + "|" + ok.getHeader("x-note"));
                    ok.setHeader("Date", req.getHeader("X-Date"));
                    ok.addHeader("Subject", "lunch");
                    ok.setHeader("X-Contact", refused(ok, "Contact", "<sip:bad@"));
                    ok.setHeader("X-Expires", refused(ok, "Expires", "soon"));
                    ok.setHeader("X-Date-Bad", refused(ok, "Date", "yesterday"));
                    ok.setHeader("X-Forged", refused(ok, "X-Evil", "a\\r\\nX-Forged-By: app"));
                    ok.setHeader("X-Forged-Lf", refused(ok, "X-Evil", "a\\nVia: SIP/2.0/UDP 10.0.0.1"));
                    ok.send();
                }
                private static String refused(SipServletResponse r, String name, String value) {
                    try {
                        r.addHeader(name, value);
                        return "accepted";
                    } catch (IllegalArgumentException e) {
                        return "refused";
                    }
                }
            }
            """;

    private static final String DATE = "Sat, 13 Nov 2010 23:29:00 GMT";

    @TempDir
    Path tmp;
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private String answer(SipPeer caller) throws Exception {
        caller.send(SipBuilder.request("MESSAGE", "sip:svc@127.0.0.1").via(caller).from("<sip:alice@127.0.0.1>")
                .contact("caller", caller).lines("X-Date: " + DATE + "\r\n"));
        String ok = caller.next(3000);
        assertNotNull(ok);
        assertEquals(200, status(ok), ok);
        return ok;
    }

    @Test
    void textHeadersTravelAsGivenReadBackAsAddressesAndInvalidValuesAreRefused() throws Exception {
        TestApps app = TestApps.app().java("t.Texts", APP).sipXml("""
                <sip-app xmlns="http://xmlns.jcp.org/xml/ns/javaee">
                  <app-name>texts</app-name>
                  <servlet><servlet-name>texts</servlet-name><servlet-class>t.Texts</servlet-class></servlet>
                </sip-app>
                """);
        server = TestServer.builder().app("texts", app)
                .routing("ALL: (\"texts\", \"DAR:To\", \"TERMINATING\", \"\", \"NO_ROUTE\", \"0\")\n").start(tmp);
        try (SipPeer caller = server.caller()) {
            for (int i = 0; i < 2; i++) { // the second Date with the same text is the remembered one
                String ok = answer(caller);
                assertEquals("hello,  world", header(ok, "X-Note"), ok);
                assertEquals("\"Bob\" <sip:bob@example.com;transport=tcp>;tag=7", header(ok, "X-Peer"), ok);
                assertEquals("Bob|sip:bob@example.com;transport=tcp|7", header(ok, "X-Read"), ok);
                assertEquals("1|hello,  world", header(ok, "X-List"), ok);
                assertEquals(List.of(DATE), headers(ok, "Date"), ok);
                assertEquals("lunch", header(ok, "Subject"), ok);
                assertEquals("refused", header(ok, "X-Contact"), ok);
                assertEquals("refused", header(ok, "X-Expires"), ok);
                assertEquals("refused", header(ok, "X-Date-Bad"), ok);
                assertEquals("refused", header(ok, "X-Forged"), ok);
                assertEquals("refused", header(ok, "X-Forged-Lf"), ok);
                assertFalse(ok.contains("X-Forged-By") || ok.contains("10.0.0.1") || ok.contains("X-Evil"), ok);
                assertEquals(List.of(), headers(ok, "Contact"), ok);
            }
        }
    }
}
