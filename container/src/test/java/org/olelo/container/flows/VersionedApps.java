package org.olelo.container.flows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.olelo.container.internal.deploy.TestApps;

/**
 * Test applications that say which version of themselves handled each message, for the tests of
 * redeployment: every response and request they produce carries {@code X-Version}, and what they
 * cannot show in a message (a CANCEL they saw, {@code destroy()}, a timer of a session they
 * created) they record as an empty file {@code <what>-v<version>} in a folder given as the
 * context parameter {@code marks}. Test thread only.
 */
final class VersionedApps {

    private VersionedApps() {
    }

    /**
     * A user agent server, application {@code ver}: answers INVITE 200 (a Request-URI user
     * {@code ring}: 180 only), re-INVITE, INFO, OPTIONS and BYE 200. An INVITE with
     * {@code X-Tick-Ms} starts a repeating timer that sends an INFO with {@code X-Timer: tick} in
     * the dialog at each tick, until the BYE. An INFO with {@code X-Cmd: spawn} makes a new
     * application session with the factory and a one-shot timer on it, whose listener records
     * {@code spawned-timer}; every INFO answer carries {@code X-Bean}, the version of the CDI bean
     * that {@code SipSessionsUtil.getManagedBean} returns. An initial request with {@code X-Key}
     * joins the application session of that key ({@code @SipApplicationKey}); an ACK in the dialog
     * after the first one records {@code later-ack}.
     */
    static TestApps uas(String version, Path marks) {
        return TestApps.app().java("v.Ver", """
                package v;
                import jakarta.servlet.ServletException;
                import jakarta.servlet.sip.*;
                import java.io.IOException;
                import java.io.UncheckedIOException;
                import java.nio.file.Files;
                import java.nio.file.Path;
                public class Ver extends SipServlet implements TimerListener {
                    public static final String V = "%s";
                    private static volatile Path marks;
                    @Override public void init() throws ServletException {
                        marks = Path.of(getServletContext().getInitParameter("marks"));
                    }
                    static void mark(String what) {
                        try {
                            Files.writeString(marks.resolve(what + "-v" + V), "");
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                    private Object attr(String name) { return getServletContext().getAttribute(name); }
                    private static void answer(SipServletRequest req, int status) throws IOException {
                        SipServletResponse r = req.createResponse(status);
                        r.setHeader("X-Version", V);
                        r.send();
                    }
                    @Override protected void doInvite(SipServletRequest req) throws IOException {
                        if (!req.isInitial()) { answer(req, 200); return; }
                        if ("ring".equals(((SipURI) req.getRequestURI()).getUser())) { answer(req, 180); return; }
                        answer(req, 200);
                        String tick = req.getHeader("X-Tick-Ms");
                        if (tick != null) {
                            long ms = Long.parseLong(tick);
                            ServletTimer t = ((TimerService) attr(TIMER_SERVICE)).createTimer(
                                    req.getApplicationSession(), ms, ms, true, false, req.getSession().getId());
                            req.getApplicationSession().setAttribute("tick", t.getId());
                        }
                    }
                    @Override protected void doAck(SipServletRequest req) {
                        if (!req.getHeader("CSeq").startsWith("1 ")) {
                            mark("later-ack");
                        }
                    }
                    @jakarta.servlet.sip.annotation.SipApplicationKey
                    public static String key(SipServletRequest req) {
                        return req.getHeader("X-Key");
                    }
                    @Override protected void doInfo(SipServletRequest req) throws IOException {
                        if ("spawn".equals(req.getHeader("X-Cmd"))) {
                            SipApplicationSession other = ((SipFactory) attr(SIP_FACTORY)).createApplicationSession();
                            ((TimerService) attr(TIMER_SERVICE)).createTimer(other, 50, false, "spawned");
                        }
                        Bean bean = ((SipSessionsUtil) attr(SIP_SESSIONS_UTIL)).getManagedBean(Bean.class, null);
                        SipServletResponse r = req.createResponse(200);
                        r.setHeader("X-Version", V);
                        r.setHeader("X-Bean", bean == null ? "none" : bean.version());
                        r.send();
                    }
                    @Override protected void doOptions(SipServletRequest req) throws IOException { answer(req, 200); }
                    @Override protected void doBye(SipServletRequest req) throws IOException {
                        Object id = req.getApplicationSession().getAttribute("tick");
                        ServletTimer t = id == null ? null : req.getApplicationSession().getTimer((String) id);
                        if (t != null) {
                            t.cancel();
                        }
                        answer(req, 200);
                    }
                    @Override protected void doCancel(SipServletRequest req) { mark("cancel"); }
                    @Override public void timeout(ServletTimer timer) {
                        if ("spawned".equals(timer.getInfo())) {
                            mark("spawned-timer");
                            return;
                        }
                        SipSession s = timer.getApplicationSession().getSipSession((String) timer.getInfo());
                        if (s == null || !s.isValid() || s.getState() != SipSession.State.CONFIRMED) {
                            return;
                        }
                        try {
                            SipServletRequest info = s.createRequest("INFO");
                            info.setHeader("X-Version", V);
                            info.setHeader("X-Timer", "tick");
                            info.send();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                    @Override public void destroy() { mark("destroyed"); }
                }
                """.formatted(version)).java("v.Bean", """
                package v;
                @jakarta.enterprise.context.ApplicationScoped
                public class Bean {
                    public String version() { return Ver.V; }
                }
                """).sipXml(sipXml("ver", "v.Ver", marks, true));
    }

    /**
     * A supervised record-routing proxy, application {@code rr}: it proxies each initial request to
     * its Request-URI and adds {@code X-Version} to every request (initial, in the dialog, ACK) and
     * every response it sees.
     */
    static TestApps proxy(String version, Path marks) {
        return TestApps.app().java("p.Rr", """
                package p;
                import jakarta.servlet.ServletException;
                import jakarta.servlet.sip.*;
                import java.io.IOException;
                import java.io.UncheckedIOException;
                import java.nio.file.Files;
                import java.nio.file.Path;
                public class Rr extends SipServlet {
                    public static final String V = "%s";
                    private volatile Path marks;
                    @Override public void init() throws ServletException {
                        marks = Path.of(getServletContext().getInitParameter("marks"));
                    }
                    @Override protected void doRequest(SipServletRequest req) throws ServletException, IOException {
                        req.setHeader("X-Version", V);
                        if (req.isInitial()) {
                            Proxy p = req.getProxy();
                            p.setRecordRoute(true);
                            p.setSupervised(true);
                            p.proxyTo(req.getRequestURI());
                        }
                    }
                    @Override protected void doResponse(SipServletResponse resp) {
                        resp.setHeader("X-Version", V);
                    }
                    @Override public void destroy() {
                        try {
                            Files.writeString(marks.resolve("destroyed-v" + V), "");
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                }
                """.formatted(version)).sipXml(sipXml("rr", "p.Rr", marks, false));
    }

    private static String sipXml(String name, String servletClass, Path marks, boolean listener) {
        return """
                <sip-app><app-name>%s</app-name>
                  <context-param><param-name>marks</param-name><param-value>%s</param-value></context-param>
                  %s
                  <servlet><servlet-name>%s</servlet-name><servlet-class>%s</servlet-class></servlet>
                </sip-app>
                """.formatted(name, marks, listener ? "<listener><listener-class>" + servletClass + "</listener-class></listener>" : "",
                name, servletClass);
    }

    /** Whether version {@code version} recorded {@code what}. */
    static boolean marked(Path marks, String what, String version) {
        return Files.exists(marks.resolve(what + "-v" + version));
    }
}
