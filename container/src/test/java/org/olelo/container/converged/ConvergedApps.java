package org.olelo.container.converged;

import org.olelo.container.internal.deploy.TestApps;

/** The converged test application {@code conv}: a SIP servlet and HTTP servlets sharing sessions, context and beans. */
final class ConvergedApps {

    private ConvergedApps() {
    }

    /** @param version what {@code GET /conv/version} answers */
    static TestApps conv(int version) {
        return TestApps.app().java("c.Shared", """
                package c;
                @jakarta.enterprise.context.ApplicationScoped
                public class Shared {
                    private volatile String from = "none";
                    public String from() { return from; }
                    public void from(String f) { from = f; }
                }
                """).java("c.Sip", """
                package c;
                import jakarta.inject.Inject;
                import jakarta.servlet.sip.*;
                import java.net.URL;
                import java.nio.charset.StandardCharsets;
                public class Sip extends SipServlet {
                    @Inject Shared shared;
                    @Override public void init() {
                        shared.from("sip-init");
                        getServletContext().setAttribute("sip.context", "sip-side");
                    }
                    @Override protected void doMessage(SipServletRequest req) throws java.io.IOException {
                        SipApplicationSession as = req.getApplicationSession();
                        byte[] raw = req.getRawContent();
                        String body = raw == null ? "" : new String(raw, StandardCharsets.UTF_8);
                        String out;
                        if (body.startsWith("set ")) {
                            as.setInvalidateWhenReady(false);
                            as.setAttribute("fromSip", body.substring(4));
                            out = as.encodeURL(new URL("http://localhost/conv/state")).getQuery();
                        } else if (body.equals("ctx")) {
                            out = "http.context=" + getServletContext().getAttribute("http.context")
                                    + " greeting=" + getServletContext().getInitParameter("greeting");
                        } else {
                            out = "fromHttp=" + as.getAttribute("fromHttp") + " http=" + as.getSessionSet("HTTP").size()
                                    + " id=" + as.getId();
                        }
                        SipServletResponse r = req.createResponse(200);
                        r.setContent(out, "text/plain");
                        r.send();
                    }
                }
                """).java("c.State", """
                package c;
                import jakarta.servlet.annotation.WebServlet;
                import jakarta.servlet.http.*;
                import jakarta.servlet.sip.*;
                @WebServlet("/state")
                public class State extends HttpServlet {
                    @Override protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
                        HttpSession s = req.getSession(false);
                        if (s == null) {
                            resp.getWriter().print("no-session");
                            return;
                        }
                        SipApplicationSession as = ((ConvergedHttpSession) s).getApplicationSession();
                        resp.getWriter().print("fromSip=" + as.getAttribute("fromSip") + " as=" + as.getId()
                                + " listed=" + as.getSessionSet("HTTP").contains(s));
                    }
                    @Override protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
                        ConvergedHttpSession s = (ConvergedHttpSession) req.getSession();
                        SipApplicationSession as = s.getApplicationSession();
                        as.setInvalidateWhenReady(false);
                        as.setAttribute("fromHttp", req.getParameter("value"));
                        resp.getWriter().print(as.getId());
                    }
                }
                """).java("c.Encode", """
                package c;
                import jakarta.servlet.annotation.WebServlet;
                import jakarta.servlet.http.*;
                import jakarta.servlet.sip.*;
                @WebServlet("/encode")
                public class Encode extends HttpServlet {
                    @Override protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
                        ConvergedHttpSession s = (ConvergedHttpSession) req.getSession();
                        s.getApplicationSession().setAttribute("fromSip", "encoded");
                        resp.getWriter().print(s.encodeURL("/state", "http") + " " + s.encodeURL("state?x=1"));
                    }
                }
                """).java("c.Boom", """
                package c;
                import jakarta.servlet.annotation.WebServlet;
                import jakarta.servlet.http.*;
                @WebServlet("/boom")
                public class Boom extends HttpServlet {
                    @Override protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
                        throw new IllegalStateException("secret-detail");
                    }
                }
                """).java("c.Ends", """
                package c;
                import jakarta.servlet.http.*;
                import jakarta.servlet.sip.*;
                public class Ends extends HttpServlet {
                    @Override protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
                        ConvergedHttpSession s = (ConvergedHttpSession) req.getSession();
                        if (req.getPathInfo().equals("/logout")) {
                            s.invalidate();
                        } else {
                            s.getApplicationSession().invalidate();
                        }
                        resp.getWriter().print("done");
                    }
                }
                """).java("c.Context", """
                package c;
                import jakarta.inject.Inject;
                import jakarta.servlet.annotation.WebServlet;
                import jakarta.servlet.http.*;
                import jakarta.servlet.sip.SipServlet;
                @WebServlet(urlPatterns = "/context")
                public class Context extends HttpServlet {
                    @Inject Shared shared;
                    @Override protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
                        var ctx = getServletContext();
                        ctx.setAttribute("http.context", "http-side");
                        resp.getWriter().print("sip.context=" + ctx.getAttribute("sip.context")
                                + " factory=" + (ctx.getAttribute(SipServlet.SIP_FACTORY) instanceof jakarta.servlet.sip.SipFactory)
                                + " util=" + (ctx.getAttribute(SipServlet.SIP_SESSIONS_UTIL) != null)
                                + " timers=" + (ctx.getAttribute(SipServlet.TIMER_SERVICE) != null)
                                + " greeting=" + ctx.getInitParameter("greeting")
                                + " shared=" + (shared == null ? "not-injected" : shared.from()));
                    }
                }
                """).java("c.Version", """
                package c;
                import jakarta.servlet.http.*;
                public class Version extends HttpServlet {
                    @Override protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
                        resp.getWriter().print("v" + getInitParameter("version"));
                    }
                }
                """).sipXml("""
                <sip-app><app-name>conv</app-name>
                  <servlet><servlet-name>sip</servlet-name><servlet-class>c.Sip</servlet-class></servlet>
                </sip-app>
                """).file("hello.txt", "static file").file("WEB-INF/web.xml", """
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <context-param><param-name>greeting</param-name><param-value>aloha</param-value></context-param>
                  <servlet><servlet-name>ends</servlet-name><servlet-class>c.Ends</servlet-class></servlet>
                  <servlet-mapping><servlet-name>ends</servlet-name><url-pattern>/ends/*</url-pattern></servlet-mapping>
                  <servlet>
                    <servlet-name>version</servlet-name><servlet-class>c.Version</servlet-class>
                    <init-param><param-name>version</param-name><param-value>%d</param-value></init-param>
                  </servlet>
                  <servlet-mapping><servlet-name>version</servlet-name><url-pattern>/version</url-pattern></servlet-mapping>
                </web-app>
                """.formatted(version));
    }
}
