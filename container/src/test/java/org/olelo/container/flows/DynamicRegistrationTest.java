package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.method;
import static org.olelo.core.testkit.SipText.response;
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
 * The {@code ServletContext}'s dynamic registration for a SIP application, from a declared
 * {@code contextInitialized}: servlets added by class name, class and instance are created and
 * injected, get their init parameters, become the main servlet or a session handler, and are
 * destroyed with the application (a goodbye MESSAGE from {@code destroy()}); the registrations
 * list declared and added servlets and refuse HTTP mappings. Listeners of SIP types added by
 * class name, class or instance are called like declared ones (session, timer, context
 * attribute); a {@code ServletContextListener}, a class that is no listener and an HTTP listener
 * are refused; nothing can be added once the context is initialised. Real SIP over UDP and in memory.
 */
class DynamicRegistrationTest {

    private static final String SETUP = """
            package r;
            import jakarta.servlet.*;
            import jakarta.servlet.sip.*;
            public class Setup implements ServletContextListener {
                @Override
                public void contextInitialized(ServletContextEvent sce) {
                    ServletContext ctx = sce.getServletContext();
                    StringBuilder out = new StringBuilder();
                    ctx.getServletRegistration("front").setInitParameter("extra", "from-setup");
                    ServletRegistration.Dynamic a = ctx.addServlet("answerer", "r.Answerer");
                    a.setInitParameter("greeting", "hi");
                    out.append("taken=").append(ctx.addServlet("answerer", Answerer.class));
                    try {
                        out.append(" byer=").append(ctx.addServlet("byer", ctx.createServlet(Byer.class)).getClassName());
                    } catch (ServletException e) {
                        throw new IllegalStateException(e);
                    }
                    try {
                        ctx.addServlet("bad", "java.lang.String");
                        out.append(" bad=accepted");
                    } catch (IllegalArgumentException e) {
                        out.append(" bad=refused");
                    }
                    try {
                        a.addMapping("/x");
                    } catch (UnsupportedOperationException e) {
                        out.append(" mapping=").append(e.getMessage().contains("HTTP"));
                    }
                    out.append(" names=").append(String.join(",", ctx.getServletRegistrations().keySet()));
                    ((SipServletContext) ctx).getSipApplicationConfiguration().setMainServlet("answerer");
                    ctx.setAttribute("outcomes", out.toString());
                }
            }
            """;
    private static final String FRONT = """
            package r;
            import jakarta.servlet.sip.*;
            public class Front extends SipServlet {
                @Override
                public void init() {
                    getServletContext().setAttribute("front", getInitParameter("p") + "," + getInitParameter("extra"));
                }
            }
            """;
    private static final String ANSWERER = """
            package r;
            import jakarta.servlet.sip.*;
            import java.io.IOException;
            public class Answerer extends SipServlet {
                @Override
                protected void doInvite(SipServletRequest req) throws IOException, jakarta.servlet.ServletException {
                    String late;
                    try {
                        getServletContext().addServlet("late", Byer.class);
                        late = "accepted";
                    } catch (IllegalStateException e) {
                        late = "refused";
                    }
                    req.getSession().setHandler("byer");
                    SipServletResponse ok = req.createResponse(200);
                    ok.setHeader("X-Greeting", getServletName() + " " + getInitParameter("greeting"));
                    ok.setHeader("X-Outcomes", String.valueOf(getServletContext().getAttribute("outcomes")));
                    ok.setHeader("X-Front", String.valueOf(getServletContext().getAttribute("front")));
                    ok.setHeader("X-Late", late);
                    ok.send();
                }
            }
            """;
    private static final String BYER = """
            package r;
            import jakarta.inject.Inject;
            import jakarta.servlet.sip.*;
            import java.io.IOException;
            public class Byer extends SipServlet {
                @Inject SipFactory factory;
                private volatile String caller;
                @Override
                protected void doBye(SipServletRequest req) throws IOException, jakarta.servlet.ServletException {
                    caller = req.getAddressHeader("Contact").getURI().toString();
                    SipServletResponse ok = req.createResponse(200);
                    ok.setHeader("X-Handled-By", getServletName() + " injected=" + (factory != null));
                    ok.send();
                }
                @Override
                public void destroy() {
                    try {
                        SipServletRequest m = factory.createRequest(factory.createApplicationSession(), "MESSAGE",
                                "sip:dyn@127.0.0.1", caller);
                        m.setContent("byer destroyed", "text/plain");
                        m.send();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
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

    private static String sipXml(String app, String servlets) {
        return """
                <sip-app xmlns="http://xmlns.jcp.org/xml/ns/javaee">
                  <app-name>%s</app-name>
                  <listener><listener-class>r.Setup</listener-class></listener>
                  %s
                </sip-app>
                """.formatted(app, servlets);
    }

    private static String routing(String app) {
        return "ALL: (\"" + app + "\", \"DAR:To\", \"TERMINATING\", \"\", \"NO_ROUTE\", \"0\")\n";
    }

    private static String invite(SipPeer caller) {
        return SipBuilder.request("INVITE", "sip:svc@127.0.0.1").via(caller).from("<sip:alice@127.0.0.1>")
                .contact("caller", caller).build();
    }

    @Test
    void servletsAddedAtInitialisationServeTheCallAndAreDestroyed() throws Exception {
        TestApps app = TestApps.app().java("r.Setup", SETUP).java("r.Front", FRONT).java("r.Answerer", ANSWERER)
                .java("r.Byer", BYER).sipXml(sipXml("dyn", """
                        <servlet><servlet-name>front</servlet-name><servlet-class>r.Front</servlet-class>
                          <init-param><param-name>p</param-name><param-value>declared</param-value></init-param>
                        </servlet>
                        """));
        // Over UDP: the goodbye sent while the server stops is checked on a real socket.
        server = TestServer.builder().app("dyn", app).routing(routing("dyn")).transport(SipPeer.Kind.UDP).start(tmp);
        try (SipPeer caller = server.caller()) {
            caller.send(invite(caller));
            String ok = caller.next(3000);
            assertNotNull(ok);
            assertEquals(200, status(ok), ok);
            assertEquals("answerer hi", header(ok, "X-Greeting"), "the added main servlet got its init parameter");
            assertEquals("taken=null byer=r.Byer bad=refused mapping=true names=front,answerer,byer",
                    header(ok, "X-Outcomes"));
            assertEquals("declared,from-setup", header(ok, "X-Front"),
                    "a declared servlet's registration takes init parameters until initialisation");
            assertEquals("refused", header(ok, "X-Late"), "no servlet is added once the context is initialised");

            caller.send(SipBuilder.inDialog("BYE", ok).via(caller).cseq(2).contact("caller", caller));
            String byeOk = caller.next(3000);
            assertNotNull(byeOk);
            assertEquals(200, status(byeOk), byeOk);
            assertEquals("byer injected=true", header(byeOk, "X-Handled-By"),
                    "the created servlet is injected and handles the session it was made handler of");

            server.close();
            server = null;
            String goodbye = caller.next(5000);
            assertNotNull(goodbye, "the added servlet's destroy() ran");
            assertEquals("MESSAGE", method(goodbye), goodbye);
            assertEquals("byer destroyed", goodbye.substring(goodbye.indexOf("\r\n\r\n") + 4));
        }
    }

    private static final String LISTENING_SETUP = """
            package r;
            import jakarta.servlet.*;
            import jakarta.servlet.http.*;
            import jakarta.servlet.sip.*;
            public class Setup implements ServletContextListener {
                @Override
                public void contextInitialized(ServletContextEvent sce) {
                    ServletContext ctx = sce.getServletContext();
                    StringBuilder out = new StringBuilder();
                    ctx.setAttribute("before", "1");
                    ctx.addListener(AttributeWatcher.class);
                    ctx.setAttribute("k1", "v");
                    ctx.addListener("r.SessionWatcher");
                    try {
                        ctx.addListener(ctx.createListener(TimerWatcher.class));
                    } catch (ServletException e) {
                        throw new IllegalStateException(e);
                    }
                    try {
                        ctx.addListener(new Setup());
                        out.append("context-listener=accepted");
                    } catch (IllegalArgumentException e) {
                        out.append("context-listener=refused");
                    }
                    try {
                        ctx.addListener("java.lang.String");
                        out.append(" string=accepted");
                    } catch (IllegalArgumentException e) {
                        out.append(" string=refused");
                    }
                    try {
                        ctx.addListener(new HttpSessionListener() { });
                        out.append(" http=accepted");
                    } catch (UnsupportedOperationException e) {
                        out.append(" http=unsupported");
                    }
                    ctx.setAttribute("outcomes", out.toString());
                }
            }
            """;
    private static final String ATTRIBUTE_WATCHER = """
            package r;
            import jakarta.servlet.*;
            public class AttributeWatcher implements ServletContextAttributeListener {
                @Override
                public void attributeAdded(ServletContextAttributeEvent e) {
                    if (e.getName().startsWith("k")) {
                        e.getServletContext().setAttribute("seen-" + e.getName(), e.getValue());
                    }
                }
            }
            """;
    private static final String SESSION_WATCHER = """
            package r;
            import jakarta.servlet.sip.*;
            public class SessionWatcher implements SipSessionListener {
                @Override
                public void sessionCreated(SipSessionEvent e) {
                    e.getSession().setAttribute("watched", "by added listener");
                }
                @Override
                public void sessionDestroyed(SipSessionEvent e) {
                }
                @Override
                public void sessionReadyToInvalidate(SipSessionEvent e) {
                }
            }
            """;
    private static final String TIMER_WATCHER = """
            package r;
            import jakarta.inject.Inject;
            import jakarta.servlet.sip.*;
            public class TimerWatcher implements TimerListener {
                @Inject SipFactory factory;
                @Override
                public void timeout(ServletTimer timer) {
                    try {
                        SipServletRequest m = factory.createRequest(timer.getApplicationSession(), "MESSAGE",
                                "sip:lis@127.0.0.1", (String) timer.getInfo());
                        m.setContent("timer fired", "text/plain");
                        m.send();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            """;
    private static final String MAIN = """
            package r;
            import jakarta.servlet.sip.*;
            import java.io.IOException;
            public class Main extends SipServlet {
                @Override
                protected void doInvite(SipServletRequest req) throws IOException, jakarta.servlet.ServletException {
                    String late;
                    try {
                        getServletContext().addListener(SessionWatcher.class);
                        late = "accepted";
                    } catch (IllegalStateException e) {
                        late = "refused";
                    }
                    TimerService timers = (TimerService) getServletContext().getAttribute(TIMER_SERVICE);
                    timers.createTimer(req.getApplicationSession(), 50, false,
                            req.getAddressHeader("Contact").getURI().toString());
                    SipServletResponse ok = req.createResponse(200);
                    ok.setHeader("X-Watched", String.valueOf(req.getSession().getAttribute("watched")));
                    ok.setHeader("X-Seen", String.valueOf(getServletContext().getAttribute("seen-k1")));
                    ok.setHeader("X-Outcomes", String.valueOf(getServletContext().getAttribute("outcomes")));
                    ok.setHeader("X-Late", late);
                    ok.send();
                }
            }
            """;

    @Test
    void listenersAddedAtInitialisationAreCalledLikeDeclaredOnes() throws Exception {
        TestApps app = TestApps.app().java("r.Setup", LISTENING_SETUP).java("r.AttributeWatcher", ATTRIBUTE_WATCHER)
                .java("r.SessionWatcher", SESSION_WATCHER).java("r.TimerWatcher", TIMER_WATCHER).java("r.Main", MAIN)
                .sipXml(sipXml("lis", "<servlet><servlet-name>main</servlet-name><servlet-class>r.Main</servlet-class></servlet>"));
        server = TestServer.builder().app("lis", app).routing(routing("lis")).start(tmp);
        try (SipPeer caller = server.caller()) {
            caller.send(invite(caller));
            String ok = caller.next(3000);
            assertNotNull(ok);
            assertEquals(200, status(ok), ok);
            assertEquals("context-listener=refused string=refused http=unsupported", header(ok, "X-Outcomes"));
            assertEquals("by added listener", header(ok, "X-Watched"), "the SipSessionListener added by class name");
            assertEquals("v", header(ok, "X-Seen"), "the context attribute listener added by class");
            assertEquals("refused", header(ok, "X-Late"), "no listener is added once the context is initialised");

            String m = caller.next(5000);
            assertNotNull(m, "the TimerListener made by createListener fired");
            assertEquals("MESSAGE", method(m), m);
            assertEquals("timer fired", m.substring(m.indexOf("\r\n\r\n") + 4));
            caller.send(response(m, 200, "OK", "t1", ""));
        }
    }
}
