package org.olelo.container.replica;

import org.olelo.container.internal.deploy.TestApps;

/**
 * The distributable test application of the replication tests and the store that records what
 * the container hands to the cluster. The application answers an INVITE itself (UAS), stores the
 * caller in an application-session attribute and a counter in the SIP session, and starts a
 * one-shot timer of {@code X-Timer} milliseconds (60 s without it) whose information is
 * {@code "tick"}; a BYE is answered with {@code X-Caller} and {@code X-Count} read from the
 * attributes, and cancels the timer; a MESSAGE in the dialog gets {@code X-Count}, after waiting
 * {@code X-Sleep} milliseconds when it has that header.
 */
final class ReplicaApps {

    static final String SERVLET = """
            package t;
            import jakarta.servlet.sip.*;
            import java.io.IOException;
            public class Call extends SipServlet {
                private TimerService timers() {
                    return (TimerService) getServletContext().getAttribute(TIMER_SERVICE);
                }
                @Override
                protected void doInvite(SipServletRequest req) throws IOException {
                    req.getApplicationSession().setAttribute("caller", req.getFrom().getURI().toString());
                    req.getSession().setAttribute("count", 1);
                    String t = req.getHeader("X-Timer");
                    timers().createTimer(req.getApplicationSession(), t == null ? 60_000 : Long.parseLong(t.trim()),
                            false, "tick");
                    req.createResponse(200).send();
                }
                @Override
                protected void doBye(SipServletRequest req) throws IOException {
                    SipServletResponse ok = req.createResponse(200);
                    ok.setHeader("X-Caller", String.valueOf(req.getApplicationSession().getAttribute("caller")));
                    ok.setHeader("X-Count", String.valueOf(req.getSession().getAttribute("count")));
                    for (ServletTimer timer : req.getApplicationSession().getTimers()) {
                        timer.cancel();
                    }
                    ok.send();
                }
                @Override
                protected void doMessage(SipServletRequest req) throws IOException {
                    String sleep = req.getHeader("X-Sleep");
                    if (sleep != null) {
                        try {
                            Thread.sleep(Long.parseLong(sleep.trim()));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    SipServletResponse ok = req.createResponse(200);
                    ok.setHeader("X-Count", String.valueOf(req.getSession().getAttribute("count")));
                    ok.send();
                }
            }
            """;

    static final String TIMER_LISTENER = """
            package t;
            import jakarta.servlet.sip.*;
            public class TickListener implements TimerListener {
                @Override
                public void timeout(ServletTimer timer) {
                    timer.getApplicationSession().setAttribute("fired", String.valueOf(timer.getInfo()));
                }
            }
            """;

    private ReplicaApps() {
    }

    /** The application {@code calls}, with or without {@code <distributable/>}. */
    static TestApps calls(boolean distributable) {
        return TestApps.app().java("t.Call", SERVLET).java("t.TickListener", TIMER_LISTENER).sipXml("""
                <sip-app xmlns="http://xmlns.jcp.org/xml/ns/javaee">
                  <app-name>calls</app-name>
                  %s
                  <listener><listener-class>t.TickListener</listener-class></listener>
                  <servlet><servlet-name>main</servlet-name><servlet-class>t.Call</servlet-class></servlet>
                  <servlet-selection><main-servlet>main</main-servlet></servlet-selection>
                </sip-app>
                """.formatted(distributable ? "<distributable/>" : ""));
    }
}
