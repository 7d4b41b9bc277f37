package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.olelo.core.testkit.SipText.header;
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
 * sip.xml servlet-mapping rules over real SIP: one application with several servlets (one class
 * declared under several names, and an annotated POJO), each answering with its servlet name in
 * {@code X-Servlet}; every condition ({@code equal}, {@code contains}, {@code exists},
 * {@code subdomain-of}, {@code and}, {@code or}, {@code not}) on the request method, URI, From and To
 * decides which one a request reaches. The first matching mapping wins; none gives 404.
 */
class MappingRulesFlowTest {

    private static final long WAIT = 3000;

    private static final String NAMED = """
            package m;
            import jakarta.servlet.sip.*;
            import java.io.IOException;
            public class Named extends SipServlet {
                @Override
                protected void doRequest(SipServletRequest req) throws IOException {
                    if (req.getMethod().equals("ACK") || req.getMethod().equals("CANCEL")) {
                        return;
                    }
                    SipServletResponse r = req.createResponse(200);
                    r.setHeader("X-Servlet", getServletName());
                    r.send();
                }
            }
            """;

    private static final String POJO = """
            package m;
            import jakarta.servlet.sip.*;
            import jakarta.servlet.sip.annotation.*;
            import jakarta.servlet.sip.annotation.SipServlet;
            import java.io.IOException;
            @SipServlet(name = "pojo")
            public class Pojo {
                @AnyMethod
                public void any(SipServletRequest req) throws IOException {
                    SipServletResponse r = req.createResponse(200);
                    r.setHeader("X-Servlet", "pojo");
                    r.send();
                }
            }
            """;

    private static final String SIP_XML = """
            <sip-app>
              <app-name>mapped</app-name>
              <servlet><servlet-name>method</servlet-name><servlet-class>m.Named</servlet-class></servlet>
              <servlet><servlet-name>domain</servlet-name><servlet-class>m.Named</servlet-class></servlet>
              <servlet><servlet-name>vip</servlet-name><servlet-class>m.Named</servlet-class></servlet>
              <servlet><servlet-name>team</servlet-name><servlet-class>m.Named</servlet-class></servlet>
              <servlet><servlet-name>people</servlet-name><servlet-class>m.Named</servlet-class></servlet>
              <servlet-selection>
                <servlet-mapping>
                  <servlet-name>pojo</servlet-name>
                  <pattern><equal><var>request.uri.user</var><value>pojo</value></equal></pattern>
                </servlet-mapping>
                <servlet-mapping>
                  <servlet-name>method</servlet-name>
                  <pattern><equal><var>request.method</var><value>INFO</value></equal></pattern>
                </servlet-mapping>
                <servlet-mapping>
                  <servlet-name>domain</servlet-name>
                  <pattern><subdomain-of><var>request.uri.host</var><value>example.com</value></subdomain-of></pattern>
                </servlet-mapping>
                <servlet-mapping>
                  <servlet-name>vip</servlet-name>
                  <pattern>
                    <and>
                      <contains ignore-case="true"><var>request.from.display-name</var><value>boss</value></contains>
                      <equal><var>request.from.uri.host</var><value>corp.example.net</value></equal>
                    </and>
                  </pattern>
                </servlet-mapping>
                <servlet-mapping>
                  <servlet-name>team</servlet-name>
                  <pattern><exists><var>request.to.uri.param.team</var></exists></pattern>
                </servlet-mapping>
                <servlet-mapping>
                  <servlet-name>people</servlet-name>
                  <pattern>
                    <and>
                      <not><equal><var>request.method</var><value>OPTIONS</value></equal></not>
                      <or>
                        <equal><var>request.to.uri.user</var><value>alice</value></equal>
                        <equal ignore-case="true"><var>request.to.uri.user</var><value>bob</value></equal>
                      </or>
                    </and>
                  </pattern>
                </servlet-mapping>
              </servlet-selection>
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

    /** Sends one request and returns the servlet that answered, or the status when it is not 200. */
    private String reached(SipPeer caller, String method, String ruri, String from, String to) throws Exception {
        caller.send(SipBuilder.request(method, ruri).via(caller).from(from).to(to).contact("caller", caller));
        String r = caller.next(WAIT);
        int status = status(r);
        return status == 200 ? header(r, "X-Servlet") : String.valueOf(status);
    }

    @ParameterizedTest
    @EnumSource(value = SipPeer.Kind.class, names = {"MEMORY", "UDP"})
    void eachRequestReachesTheServletOfItsFirstMatchingRule(SipPeer.Kind kind) throws Exception {
        TestApps app = TestApps.app().java("m.Named", NAMED).java("m.Pojo", POJO).sipXml(SIP_XML);
        server = TestServer.builder().app("mapped", app).routeAllTo("mapped").transport(kind).start(tmp);
        String here = "127.0.0.1:" + server.address().getPort();
        String anon = "<sip:anon@" + here + ">";
        try (SipPeer c = server.caller()) {
            assertEquals("pojo", reached(c, "MESSAGE", "sip:pojo@" + here, anon, "<sip:x@" + here + ">"),
                    "equal on request.uri.user, to an annotated POJO servlet");
            assertEquals("pojo", reached(c, "INFO", "sip:pojo@" + here, anon, "<sip:x@" + here + ">"),
                    "the first matching rule wins");
            assertEquals("method", reached(c, "INFO", "sip:x@" + here, anon, "<sip:x@" + here + ">"),
                    "equal on request.method");
            assertEquals("domain", reached(c, "MESSAGE", "sip:x@example.com", anon, "<sip:x@example.com>"),
                    "subdomain-of: the domain itself");
            assertEquals("domain", reached(c, "MESSAGE", "sip:x@sip.EXAMPLE.com", anon, "<sip:x@example.com>"),
                    "subdomain-of: a subdomain, without case");
            assertEquals("404", reached(c, "MESSAGE", "sip:x@notexample.com", anon, "<sip:x@notexample.com>"),
                    "subdomain-of compares whole labels; nothing else matches");
            assertEquals("vip", reached(c, "MESSAGE", "sip:x@" + here,
                    "\"The BOSS\" <sip:b@corp.example.net>", "<sip:x@" + here + ">"),
                    "and of contains (ignoring case) on the display name and equal on the From host");
            assertEquals("404", reached(c, "MESSAGE", "sip:x@" + here,
                    "\"The BOSS\" <sip:b@elsewhere.net>", "<sip:x@" + here + ">"),
                    "and: one condition fails");
            assertEquals("team", reached(c, "MESSAGE", "sip:x@" + here, anon, "<sip:x@" + here + ";team=red>"),
                    "exists on a To URI parameter");
            assertEquals("people", reached(c, "MESSAGE", "sip:x@" + here, anon, "<sip:alice@" + here + ">"),
                    "or, first branch, under not");
            assertEquals("people", reached(c, "MESSAGE", "sip:x@" + here, anon, "<sip:BOB@" + here + ">"),
                    "or, second branch ignoring case");
            assertEquals("404", reached(c, "OPTIONS", "sip:x@" + here, anon, "<sip:alice@" + here + ">"),
                    "not excludes OPTIONS");
        }
    }
}
