package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.method;
import static org.olelo.core.testkit.SipText.response;
import static org.olelo.core.testkit.SipText.routesFromResponse;
import static org.olelo.core.testkit.SipText.status;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.olelo.container.internal.deploy.TestApps;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;

/**
 * What applications chained on one server learn of where a message came from: the initial remote
 * address, port and transport are the caller's in every application of the chain (the initial
 * request, and a BYE that follows the Record-Route entries), and null for a request an
 * application created; {@code isInternallyRouted} is true for requests and responses another
 * application of the server passed on; {@code isRequestUriInternal} tells whether the Request-URI
 * names the server. Real SIP in memory and over loopback sockets.
 */
class InitialSenderTest {

    private static final String DESCRIBE = """
                static String describe(SipServletRequest r) {
                    return "internal=" + r.isInternallyRouted() + " initial=" + r.getInitialRemoteAddr() + ":"
                            + r.getInitialRemotePort() + "/" + r.getInitialTransport()
                            + " ruri-internal=" + r.isRequestUriInternal();
                }
            """;

    /** A record-routing proxy that writes what it was told into the requests and 2xx responses it relays. */
    private static String proxy(String name) {
        String cls = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        return """
                package s;
                import jakarta.servlet.sip.*;
                import java.io.IOException;
                public class %s extends SipServlet {
                %s
                    @Override
                    protected void doRequest(SipServletRequest req) throws jakarta.servlet.ServletException, IOException {
                        if (req.getMethod().equals("ACK") || req.getMethod().equals("CANCEL")) {
                            return;
                        }
                        if (!req.isInitial()) {
                            req.addHeader("X-%s-" + req.getMethod(), describe(req));
                            return;
                        }
                        req.addHeader("X-%s", describe(req));
                        Proxy p = req.getProxy();
                        p.setRecordRoute(true);
                        p.proxyTo(req.getRequestURI());
                    }
                    @Override
                    protected void doSuccessResponse(SipServletResponse resp) {
                        resp.addHeader("X-%s-Response", "internal=" + resp.isInternallyRouted());
                    }
                }
                """.formatted(cls, DESCRIBE, cls, cls, cls);
    }

    private static final String B2B = """
            package s;
            import jakarta.servlet.sip.*;
            import java.io.IOException;
            public class B2b extends SipServlet {
            %s
                @Override
                protected void doInvite(SipServletRequest req) throws jakarta.servlet.ServletException, IOException {
                    SipServletRequest out = req.getB2buaHelper().createRequest(req, true, null);
                    out.setRequestURI(((SipFactory) getServletContext().getAttribute(SIP_FACTORY))
                            .createURI(req.getHeader("X-Callee")));
                    out.addHeader("X-B2b", describe(req));
                    out.send();
                }
            }
            """.formatted(DESCRIBE);

    private static TestApps app(String name, String cls, String source) {
        return TestApps.app().java("s." + cls, source).sipXml("""
                <sip-app xmlns="http://xmlns.jcp.org/xml/ns/javaee">
                  <app-name>%s</app-name>
                  <servlet><servlet-name>main</servlet-name><servlet-class>s.%s</servlet-class></servlet>
                </sip-app>
                """.formatted(name, cls));
    }

    @TempDir
    Path tmp;
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start(SipPeer.Kind kind) throws Exception {
        server = TestServer.builder().app("front", app("front", "Front", proxy("front"))).app("b2b", app("b2b", "B2b", B2B))
                .app("back", app("back", "Back", proxy("back"))).routing("""
                INVITE: ("front", "DAR:From", "ORIGINATING", "", "NO_ROUTE", "0", "header.X-Chain=proxy"), \\
                        ("b2b", "DAR:From", "ORIGINATING", "", "NO_ROUTE", "1", "header.X-Chain=b2b"), \\
                        ("back", "DAR:To", "TERMINATING", "", "NO_ROUTE", "2")
                """).transport(kind).start(tmp);
    }

    private static String sender(SipPeer p) {
        return "127.0.0.1:" + p.address().getPort() + "/" + p.transport();
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void theCallerStaysTheInitialSenderAlongAChainOfProxies(SipPeer.Kind kind) throws Exception {
        start(kind);
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
            String bob = server.uriOf("bob", callee);
            String invite = SipBuilder.request("INVITE", bob).via(caller).from("<sip:alice@127.0.0.1>").to("<" + bob + ">")
                    .contact("caller", caller).header("X-Chain", "proxy").build();
            caller.send(invite);
            String inv = callee.receive(3000);
            assertNotNull(inv, "the INVITE crosses both applications");
            assertEquals("internal=false initial=" + sender(caller) + " ruri-internal=false", header(inv, "X-Front"));
            assertEquals("internal=true initial=" + sender(caller) + " ruri-internal=false", header(inv, "X-Back"),
                    "the second application is told the caller, not the hop between the applications");

            String contact = "Contact: <" + server.uriOf("bob", callee) + ">\r\n";
            callee.send(response(inv, 200, "OK", "b1", contact));
            String ok = caller.next(3000);
            assertEquals(200, status(ok), ok);
            assertEquals("internal=false", header(ok, "X-Back-Response"), "the callee's answer came from the network");
            assertEquals("internal=true", header(ok, "X-Front-Response"), "and reached the first one from the second");

            String to = header(ok, "To");
            caller.send(invite.replaceFirst("^INVITE " + java.util.regex.Pattern.quote(bob), "BYE " + bob)
                    .replace("CSeq: 1 INVITE", "CSeq: 2 BYE").replace("To: <" + bob + ">", "To: " + to)
                    .replace(";branch=z9hG4bK-app-", ";branch=z9hG4bK-bye-").replace("X-Chain: proxy\r\n", "")
                    .replace("Content-Length: 0", routesFromResponse(ok) + "Content-Length: 0"));
            String bye = callee.receive(3000);
            assertNotNull(bye, "the BYE follows both Record-Route entries");
            assertEquals("BYE", method(bye));
            assertEquals("internal=false initial=" + sender(caller) + " ruri-internal=false", header(bye, "X-Front-BYE"));
            assertEquals("internal=true initial=" + sender(caller) + " ruri-internal=false", header(bye, "X-Back-BYE"),
                    "a request in the dialog keeps its sender too");
        }
    }

    @ParameterizedTest
    @EnumSource(value = SipPeer.Kind.class, names = {"MEMORY", "UDP"})
    void aRequestAnApplicationCreatedHasNoInitialSender(SipPeer.Kind kind) throws Exception {
        start(kind);
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
            String us = "sip:svc@127.0.0.1:" + server.address().getPort();
            caller.send(SipBuilder.request("INVITE", us).via(caller).from("<sip:alice@127.0.0.1>").to("<" + us + ">")
                    .contact("caller", caller).header("X-Chain", "b2b").header("X-Callee", server.uriOf("bob", callee)));
            String inv = callee.receive(3000);
            assertNotNull(inv, "the B2BUA's INVITE crosses the second application");
            assertEquals("internal=false initial=" + sender(caller) + " ruri-internal=true", header(inv, "X-B2b"),
                    "the caller's Request-URI names the server");
            assertEquals("internal=true initial=null:-1/null ruri-internal=false", header(inv, "X-Back"),
                    "a request the B2BUA made was made inside the server");
        }
    }
}
