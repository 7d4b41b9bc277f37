package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
 * {@code SipServletContext.createServletPOJO} and {@code addServletPOJO} at initialisation: a
 * listener creates an injected POJO, registers it and a servlet instance (with an init
 * parameter), registers a POJO class, and makes the first POJO the main servlet; the registered
 * servlets then handle real SIP (the POJO the INVITE, the servlet the BYE after
 * {@code setHandler}). A taken name gives null, an object that handles nothing is refused, and
 * registration after initialisation is refused. Real SIP in memory.
 */
class ServletPojoRegistrationTest {

    private static final String SETUP = """
            package r;
            import jakarta.servlet.*;
            import jakarta.servlet.sip.*;
            public class Setup implements ServletContextListener {
                @Override
                public void contextInitialized(ServletContextEvent sce) {
                    SipServletContext ctx = (SipServletContext) sce.getServletContext();
                    StringBuilder out = new StringBuilder();
                    try {
                        Greeter g = ctx.createServletPOJO(Greeter.class);
                        out.append("greeter=").append(ctx.addServletPOJO("greeter", g).getClassName());
                    } catch (ServletException e) {
                        throw new IllegalStateException(e);
                    }
                    ServletRegistration.Dynamic classic = ctx.addServletPOJO("classic", new Classic());
                    classic.setInitParameter("greeting", "hello");
                    out.append(" by-class=").append(ctx.addServletPOJO("greeter2", Greeter.class) != null);
                    out.append(" taken=").append(ctx.addServletPOJO("greeter", Greeter.class));
                    try {
                        ctx.addServletPOJO("nothing", new Object());
                        out.append(" nothing=accepted");
                    } catch (IllegalArgumentException e) {
                        out.append(" nothing=refused");
                    }
                    ctx.getSipApplicationConfiguration().setMainServlet("greeter");
                    ctx.setAttribute("outcomes", out.toString());
                }
            }
            """;
    private static final String GREETER = """
            package r;
            import jakarta.inject.Inject;
            import jakarta.servlet.ServletContext;
            import jakarta.servlet.sip.*;
            import jakarta.servlet.sip.annotation.Invite;
            import java.io.IOException;
            public class Greeter {
                @Inject ServletContext context;
                @Invite
                public void invite(SipServletRequest req) throws IOException, jakarta.servlet.ServletException {
                    req.getSession().setHandler("classic");
                    SipServletResponse ok = req.createResponse(200);
                    ok.setHeader("X-Handled-By", "greeter");
                    ok.setHeader("X-Injected", String.valueOf(context != null));
                    ok.setHeader("X-Outcomes", String.valueOf(context.getAttribute("outcomes")));
                    ok.send();
                }
            }
            """;
    private static final String CLASSIC = """
            package r;
            import jakarta.servlet.sip.*;
            import java.io.IOException;
            public class Classic extends SipServlet {
                @Override
                protected void doBye(SipServletRequest req) throws IOException {
                    String late;
                    try {
                        ((SipServletContext) getServletContext()).addServletPOJO("late", Greeter.class);
                        late = "accepted";
                    } catch (IllegalStateException e) {
                        late = "refused";
                    }
                    SipServletResponse ok = req.createResponse(200);
                    ok.setHeader("X-Handled-By", "classic " + getServletName() + " " + getInitParameter("greeting"));
                    ok.setHeader("X-Late", late);
                    ok.send();
                }
            }
            """;
    private static final String FRONT = """
            package r;
            import jakarta.servlet.sip.*;
            public class Front extends SipServlet {
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

    @Test
    void servletsRegisteredAtInitialisationHandleTheCall() throws Exception {
        TestApps app = TestApps.app().java("r.Setup", SETUP).java("r.Greeter", GREETER).java("r.Classic", CLASSIC)
                .java("r.Front", FRONT).sipXml("""
                        <sip-app xmlns="http://xmlns.jcp.org/xml/ns/javaee">
                          <app-name>pojos</app-name>
                          <listener><listener-class>r.Setup</listener-class></listener>
                          <servlet><servlet-name>front</servlet-name><servlet-class>r.Front</servlet-class></servlet>
                        </sip-app>
                        """);
        server = TestServer.builder().app("pojos", app)
                .routing("ALL: (\"pojos\", \"DAR:To\", \"TERMINATING\", \"\", \"NO_ROUTE\", \"0\")\n").start(tmp);
        try (SipPeer caller = server.caller()) {
            caller.send(SipBuilder.request("INVITE", "sip:svc@127.0.0.1").via(caller).from("<sip:alice@127.0.0.1>")
                    .contact("caller", caller));
            String ok = caller.next(3000);
            assertNotNull(ok);
            assertEquals(200, status(ok), ok);
            assertEquals("greeter", header(ok, "X-Handled-By"), "the registered POJO is the main servlet");
            assertEquals("true", header(ok, "X-Injected"), "createServletPOJO injects");
            assertEquals("greeter=r.Greeter by-class=true taken=null nothing=refused", header(ok, "X-Outcomes"));

            SipBuilder bye = SipBuilder.inDialog("BYE", ok).via(caller).cseq(2);
            caller.send(bye);
            String byeOk = caller.next(3000);
            assertNotNull(byeOk);
            assertEquals(200, status(byeOk), byeOk);
            assertEquals("classic classic hello", header(byeOk, "X-Handled-By"),
                    "the registered servlet got its name and init parameter");
            assertEquals("refused", header(byeOk, "X-Late"), "no registration once the application is initialised");
        }
    }
}
