package org.olelo.container.flows;

import org.olelo.container.internal.deploy.TestApps;

/**
 * A test application that exercises sessions, timers and listeners on command: each MESSAGE
 * carries one command in {@code X-Cmd} and an optional application key in {@code X-Key} (its
 * {@code @SipApplicationKey} method returns it, so requests with the same key share an
 * application session). The 200 answer carries {@code X-Sas} (application session id),
 * {@code X-Ss} (SIP session id) and {@code X-Result}. A {@code @SipListener} records every
 * session, attribute, binding and timer callback; the command {@code events} returns and clears
 * the record (its own sessions, under the key {@code query}, are not recorded).
 */
final class LifecycleApp {

    private LifecycleApp() {
    }

    static final String KEYS = """
            package t;
            import jakarta.servlet.sip.SipServletRequest;
            import jakarta.servlet.sip.annotation.SipApplicationKey;
            public class Keys {
                @SipApplicationKey
                public static String key(SipServletRequest req) {
                    String k = req.getHeader("X-Key");
                    if ("boom".equals(k)) {
                        throw new IllegalStateException("no key for boom");
                    }
                    return k;
                }
            }
            """;

    static final String LOG = """
            package t;
            import jakarta.servlet.sip.*;
            import java.util.concurrent.ConcurrentLinkedQueue;
            public class Log {
                public static final ConcurrentLinkedQueue<String> EVENTS = new ConcurrentLinkedQueue<>();
                static boolean quiet(SipApplicationSession s) {
                    return s.getId().endsWith(".key.query");
                }
                static void add(SipApplicationSession s, String event) {
                    if (!quiet(s)) {
                        EVENTS.add(event);
                    }
                }
                static String drain() {
                    StringBuilder sb = new StringBuilder();
                    String e;
                    while ((e = EVENTS.poll()) != null) {
                        sb.append(e).append('\\n');
                    }
                    return sb.toString();
                }
            }
            """;

    static final String BOUND = """
            package t;
            import jakarta.servlet.sip.*;
            public class Bound implements SipApplicationSessionBindingListener, SipSessionBindingListener {
                final String label;
                public Bound(String label) { this.label = label; }
                public void valueBound(SipApplicationSessionBindingEvent e) {
                    Log.add(e.getApplicationSession(), "bound " + label + " " + e.getName());
                }
                public void valueUnbound(SipApplicationSessionBindingEvent e) {
                    Log.add(e.getApplicationSession(), "unbound " + label + " " + e.getName());
                }
                public void valueBound(SipSessionBindingEvent e) {
                    Log.add(e.getSession().getApplicationSession(), "bound " + label + " " + e.getName());
                }
                public void valueUnbound(SipSessionBindingEvent e) {
                    Log.add(e.getSession().getApplicationSession(), "unbound " + label + " " + e.getName());
                }
            }
            """;

    static final String RECORDER = """
            package t;
            import jakarta.servlet.sip.*;
            import jakarta.servlet.sip.annotation.SipListener;
            @SipListener
            public class Recorder implements SipApplicationSessionListener, SipSessionListener,
                    SipApplicationSessionAttributeListener, SipSessionAttributeListener, TimerListener {
                private static SipApplicationSession as(SipSessionEvent e) { return e.getSession().getApplicationSession(); }
                public void sessionCreated(SipApplicationSessionEvent e) { Log.add(e.getApplicationSession(), "sas-created " + e.getApplicationSession().getId()); }
                public void sessionDestroyed(SipApplicationSessionEvent e) {
                    Object a = e.getApplicationSession().getAttribute("a");
                    Log.add(e.getApplicationSession(), "sas-destroyed " + e.getApplicationSession().getId() + (a != null ? " readable" : ""));
                }
                public void sessionExpired(SipApplicationSessionEvent e) { Log.add(e.getApplicationSession(), "sas-expired " + e.getApplicationSession().getId()); }
                public void sessionReadyToInvalidate(SipApplicationSessionEvent e) { Log.add(e.getApplicationSession(), "sas-ready " + e.getApplicationSession().getId()); }
                public void sessionCreated(SipSessionEvent e) { Log.add(as(e), "ss-created " + e.getSession().getId()); }
                public void sessionDestroyed(SipSessionEvent e) { Log.add(as(e), "ss-destroyed " + e.getSession().getId()); }
                public void sessionReadyToInvalidate(SipSessionEvent e) { Log.add(as(e), "ss-ready " + e.getSession().getId()); }
                public void attributeAdded(SipApplicationSessionBindingEvent e) { Log.add(e.getApplicationSession(), "sas-attr-added " + e.getName()); }
                public void attributeReplaced(SipApplicationSessionBindingEvent e) { Log.add(e.getApplicationSession(), "sas-attr-replaced " + e.getName()); }
                public void attributeRemoved(SipApplicationSessionBindingEvent e) { Log.add(e.getApplicationSession(), "sas-attr-removed " + e.getName()); }
                public void attributeAdded(SipSessionBindingEvent e) { Log.add(e.getSession().getApplicationSession(), "ss-attr-added " + e.getName()); }
                public void attributeReplaced(SipSessionBindingEvent e) { Log.add(e.getSession().getApplicationSession(), "ss-attr-replaced " + e.getName()); }
                public void attributeRemoved(SipSessionBindingEvent e) { Log.add(e.getSession().getApplicationSession(), "ss-attr-removed " + e.getName()); }
                public void timeout(ServletTimer t) {
                    SipSessionsUtil util = (SipSessionsUtil) LifeServlet.context.getAttribute(SipServlet.SIP_SESSIONS_UTIL);
                    boolean current = util.getCurrentApplicationSession() == t.getApplicationSession();
                    Log.add(t.getApplicationSession(), "timeout " + t.getInfo() + (current ? "" : " not-current"));
                    if ("invalidate".equals(t.getInfo())) {
                        t.getApplicationSession().invalidate();
                    }
                    if ("self-cancel".equals(t.getInfo())) {
                        t.cancel();
                    }
                }
            }
            """;

    static final String SERVLET = """
            package t;
            import jakarta.servlet.ServletContext;
            import jakarta.servlet.sip.*;
            import java.io.IOException;
            import java.util.*;
            public class LifeServlet extends SipServlet {
                static volatile ServletContext context;
                @Override
                public void init() {
                    context = getServletContext();
                }
                @Override
                protected void doMessage(SipServletRequest req) throws jakarta.servlet.ServletException, IOException {
                    String[] cmd = req.getHeader("X-Cmd").trim().split(" ");
                    SipApplicationSession as = req.getApplicationSession();
                    SipSession ss = req.getSession();
                    TimerService timers = (TimerService) getServletContext().getAttribute(TIMER_SERVICE);
                    SipSessionsUtil util = (SipSessionsUtil) getServletContext().getAttribute(SIP_SESSIONS_UTIL);
                    SipFactory factory = (SipFactory) getServletContext().getAttribute(SIP_FACTORY);
                    String result = "";
                    switch (cmd[0]) {
                        case "events" -> result = "";
                        case "hold" -> as.setInvalidateWhenReady(false);
                        case "release" -> as.setInvalidateWhenReady(true);
                        case "keep-ss" -> ss.setInvalidateWhenReady(false);
                        case "invalidate-ss" -> as.getSipSession(cmd[1]).invalidate();
                        case "sas-attr" -> as.setAttribute(cmd[1], new Bound(cmd[2]));
                        case "sas-attr-remove" -> as.removeAttribute(cmd[1]);
                        case "ss-attr" -> ss.setAttribute(cmd[1], new Bound(cmd[2]));
                        case "timer-once" -> result = timers.createTimer(as, Long.parseLong(cmd[1]), false, cmd[2]).getId();
                        case "timer-delay" -> result = timers.createTimer(as, Long.parseLong(cmd[1]), Long.parseLong(cmd[2]), true, false, cmd[3]).getId();
                        case "timer-rate" -> result = timers.createTimer(as, Long.parseLong(cmd[1]), Long.parseLong(cmd[2]), false, false, cmd[3]).getId();
                        case "timers" -> {
                            List<String> s = new ArrayList<>();
                            for (ServletTimer t : as.getTimers()) {
                                s.add(t.getInfo() + "/" + (t.getTimeRemaining() > 0 ? "pending" : "due"));
                            }
                            Collections.sort(s);
                            result = String.join(",", s);
                        }
                        case "cancel-timers" -> as.getTimers().forEach(ServletTimer::cancel);
                        case "index-add" -> as.addIndexKey(cmd[1]);
                        case "index-remove" -> as.removeIndexKey(cmd[1]);
                        case "index-ids" -> result = String.join(",", new TreeSet<>(util.getSipApplicationSessionIds(cmd[1])));
                        case "by-key" -> {
                            SipApplicationSession s = util.getApplicationSessionByKey(cmd[1], cmd.length > 2);
                            result = s == null ? "none" : s.getId();
                        }
                        case "by-id" -> {
                            SipApplicationSession s = util.getApplicationSessionById(cmd[1]);
                            result = s == null ? "none" : s.getId();
                        }
                        case "current" -> result = util.getCurrentApplicationSession().getId();
                        case "encode" -> {
                            URI u = factory.createURI("sip:svc@127.0.0.1");
                            as.encodeURI(u);
                            result = u.toString();
                        }
                        case "expires" -> result = as.setExpires(Integer.parseInt(cmd[1])) + " " + as.getExpirationTime();
                        case "invalidate" -> { }
                        default -> throw new IllegalArgumentException("unknown command " + cmd[0]);
                    }
                    SipServletResponse ok = req.createResponse(200);
                    ok.setHeader("X-Sas", as.getId());
                    ok.setHeader("X-Ss", ss.getId());
                    ok.setHeader("X-Result", result.isEmpty() ? "-" : result);
                    if (cmd[0].equals("events")) {
                        ok.setContent(Log.drain(), "text/plain");
                    }
                    ok.send();
                    if (cmd[0].equals("invalidate")) {
                        as.invalidate();
                    }
                }
            }
            """;

    static final String SIP_XML = """
            <sip-app xmlns="http://xmlns.jcp.org/xml/ns/javaee">
              <app-name>life</app-name>
              <servlet><servlet-name>life</servlet-name><servlet-class>t.LifeServlet</servlet-class>
                <load-on-startup>1</load-on-startup></servlet>
              <servlet-selection><main-servlet>life</main-servlet></servlet-selection>
            </sip-app>
            """;

    /** The application, ready to be written as a folder. */
    static TestApps app() {
        return TestApps.app().java("t.Keys", KEYS).java("t.Log", LOG).java("t.Bound", BOUND)
                .java("t.Recorder", RECORDER).java("t.LifeServlet", SERVLET).sipXml(SIP_XML);
    }
}
