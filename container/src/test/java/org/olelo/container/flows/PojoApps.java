package org.olelo.container.flows;

import org.olelo.container.internal.deploy.TestApps;

/**
 * SIP servlet POJO applications (JSR 359) the flow tests deploy: a user agent server, a POJO that
 * handles only flagged INFO requests, and a proxy that watches responses through response
 * annotations. Each answer names the Java method that produced it in an {@code X-Handler} header.
 */
final class PojoApps {

    /** INVITE, MESSAGE and OPTIONS to {@code calls}; INFO and REGISTER to {@code narrow}. */
    static final String ROUTING = """
            INVITE: ("calls", "DAR:From", "NEUTRAL", "", "NO_ROUTE", "0")
            MESSAGE: ("calls", "DAR:From", "NEUTRAL", "", "NO_ROUTE", "0")
            OPTIONS: ("calls", "DAR:From", "NEUTRAL", "", "NO_ROUTE", "0")
            INFO: ("narrow", "DAR:From", "NEUTRAL", "", "NO_ROUTE", "0")
            REGISTER: ("narrow", "DAR:From", "NEUTRAL", "", "NO_ROUTE", "0")
            """;

    /** Every request to {@code relay}. */
    static final String RELAY_ROUTING = "ALL: (\"relay\", \"DAR:From\", \"NEUTRAL\", \"\", \"NO_ROUTE\", \"0\")\n";

    private static final String CALL_HANDLER = """
            package p;
            import jakarta.inject.Inject;
            import jakarta.servlet.ServletContext;
            import jakarta.servlet.sip.*;
            import jakarta.servlet.sip.annotation.*;
            import jakarta.servlet.sip.annotation.SipServlet;
            import java.io.IOException;
            import java.util.List;
            @SipServlet(name = "calls")
            public class CallHandler {
                @Inject SipFactory factory;
                @Inject ServletContext context;
                private void answer(SipServletRequest req, String handler) throws IOException {
                    SipServletResponse r = req.createResponse(200);
                    r.setHeader("X-Handler", handler);
                    Object initialized = context.getAttribute("initialized");
                    r.setHeader("X-Initialized", String.valueOf(initialized));
                    r.send();
                }
                @Invite
                public void invite(SipServletRequest req) throws IOException {
                    req.createResponse(180).send();
                    SipServletResponse ok = req.createResponse(200);
                    ok.setHeader("X-Handler", "invite");
                    ok.setHeader("X-Injected", String.valueOf(factory != null));
                    ok.send();
                }
                @Ack
                public void ack(SipServletRequest req) {
                    req.getSession().setAttribute("acked", "yes");
                }
                @Bye
                public void bye(SipServletRequest req) throws IOException {
                    SipServletResponse r = req.createResponse(200);
                    r.setHeader("X-Handler", "bye");
                    r.setHeader("X-Acked", String.valueOf(req.getSession().getAttribute("acked")));
                    r.send();
                }
                @Message
                public void message(SipServletRequest req) throws IOException {
                    answer(req, "message");
                }
                @Message @Urgent
                public void urgentMessage(SipServletRequest req) throws IOException {
                    answer(req, "urgent-message");
                }
                @AnyMethod
                public void anyRequest(SipServletRequest req) throws IOException {
                    if (!req.getMethod().equals("ACK") && !req.getMethod().equals("CANCEL")) {
                        answer(req, "any:" + req.getMethod());
                    }
                }
            }
            """;

    private static final String URGENT = """
            package p;
            import jakarta.servlet.sip.SipServletRequest;
            import jakarta.servlet.sip.annotation.SipPredicate;
            import java.lang.annotation.*;
            @Retention(RetentionPolicy.RUNTIME)
            @Target(ElementType.METHOD)
            @SipPredicate(Urgent.Test.class)
            public @interface Urgent {
                class Test implements jakarta.servlet.sip.Predicate<SipServletRequest> {
                    public Test() {
                    }
                    @Override
                    public boolean apply(SipServletRequest r) {
                        return r.getHeader("X-Urgent") != null;
                    }
                }
            }
            """;

    private static String recorder(String className, String label, boolean annotated) {
        return """
                package p;
                import jakarta.servlet.sip.*;
                import java.util.ArrayList;
                import java.util.List;
                %s
                public class %s implements SipServletListener {
                    @Override
                    @SuppressWarnings("unchecked")
                    public void servletInitialized(SipServletContextEvent e) {
                        List<String> names = (List<String>) e.getServletContext().getAttribute("initialized");
                        if (names == null) {
                            names = new ArrayList<>();
                            e.getServletContext().setAttribute("initialized", names);
                        }
                        names.add("%s:" + e.getSipServlet().getServletName());
                    }
                }
                """.formatted(annotated ? "@jakarta.servlet.sip.annotation.SipListener" : "", className, label);
    }

    private static final String INFO_ONLY = """
            package n;
            import jakarta.servlet.sip.*;
            import jakarta.servlet.sip.annotation.*;
            import jakarta.servlet.sip.annotation.SipServlet;
            import java.io.IOException;
            import java.lang.annotation.*;
            @SipServlet
            public class InfoOnly {
                @Retention(RetentionPolicy.RUNTIME)
                @Target(ElementType.METHOD)
                @SipPredicate(Flagged.Test.class)
                public @interface Flagged {
                    class Test implements jakarta.servlet.sip.Predicate<SipServletMessage> {
                        public Test() {
                        }
                        @Override
                        public boolean apply(SipServletMessage m) {
                            return "yes".equals(m.getHeader("X-Flag"));
                        }
                    }
                }
                @Info @Flagged
                public void flaggedInfo(SipServletRequest req) throws IOException {
                    SipServletResponse r = req.createResponse(200);
                    r.setHeader("X-Handler", "flagged-info");
                    r.send();
                }
            }
            """;

    private static final String RELAY = """
            package r;
            import jakarta.inject.Inject;
            import jakarta.servlet.sip.*;
            import jakarta.servlet.sip.annotation.*;
            import jakarta.servlet.sip.annotation.SipServlet;
            import java.io.IOException;
            import java.lang.annotation.*;
            import java.util.ArrayList;
            import java.util.List;
            @SipServlet(name = "relay")
            public class Relay {
                @Retention(RetentionPolicy.RUNTIME)
                @Target(ElementType.METHOD)
                @SipResponseCode(180)
                public @interface Ringing {
                }
                @Inject SipFactory factory;
                private static String branches(SipServletResponse r) {
                    Object b = r.getApplicationSession().getAttribute("branches");
                    return b == null ? "none" : b.toString();
                }
                @Invite
                public void route(SipServletRequest req) throws IOException, ServletParseException, TooManyHopsException {
                    if (!req.isInitial()) {
                        return;
                    }
                    Proxy p = req.getProxy();
                    p.setParallel(false);
                    List<URI> targets = new ArrayList<>();
                    for (String t : req.getHeader("X-Targets").split(" ")) {
                        targets.add(factory.createURI(t.trim()));
                    }
                    p.proxyTo(targets);
                }
                @Invite @BranchResponse
                public void branch(SipServletResponse resp) {
                    Object b = resp.getApplicationSession().getAttribute("branches");
                    resp.getApplicationSession().setAttribute("branches",
                            (b == null ? "" : b + ",") + resp.getStatus());
                }
                @ProvisionalResponse
                public void provisional(SipServletResponse resp) {
                    resp.setHeader("X-Handler", "provisional");
                }
                @Ringing
                public void ringing(SipServletResponse resp) {
                    resp.setHeader("X-Handler", "ringing");
                }
                @SuccessResponse
                public void success(SipServletResponse resp) {
                    resp.setHeader("X-Handler", "success after " + branches(resp));
                }
                @ErrorResponse
                public void error(SipServletResponse resp) {
                    resp.setHeader("X-Handler", "error after " + branches(resp));
                }
            }
            """;

    private PojoApps() {
    }

    /** @return the user agent server POJO with a sip.xml listener and an annotated one */
    static TestApps calls() {
        return TestApps.app()
                .java("p.CallHandler", CALL_HANDLER)
                .java("p.Urgent", URGENT)
                .java("p.XmlRecorder", recorder("XmlRecorder", "xml", false))
                .java("p.AnnotatedRecorder", recorder("AnnotatedRecorder", "annotated", true))
                .sipXml("""
                        <sip-app>
                          <app-name>calls</app-name>
                          <listener><listener-class>p.XmlRecorder</listener-class></listener>
                        </sip-app>
                        """);
    }

    /** @return the POJO that only handles INFO carrying {@code X-Flag: yes} */
    static TestApps narrow() {
        return TestApps.app().java("n.InfoOnly", INFO_ONLY);
    }

    /** @return the proxy POJO: sequential search over {@code X-Targets}, responses marked by handler */
    static TestApps relay() {
        return TestApps.app().java("r.Relay", RELAY);
    }
}
