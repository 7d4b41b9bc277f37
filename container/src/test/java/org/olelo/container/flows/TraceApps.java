package org.olelo.container.flows;

import org.olelo.container.internal.deploy.TestApps;

/**
 * The application the trace and call log tests run calls through: it accepts every REGISTER with
 * 200 and proxies INVITE (and anything else initial) to its Request-URI with record-routing; a
 * request whose user is {@code boom} makes it throw.
 */
final class TraceApps {

    /** REGISTER, INVITE and the rest go to the application {@code p}. */
    static final String ROUTING = """
            REGISTER: ("p", "DAR:To", "NEUTRAL", "", "NO_ROUTE", "0")
            ALL: ("p", "DAR:From", "ORIGINATING", "", "NO_ROUTE", "0")
            """;

    private static final String SERVLET = """
            package p;
            import jakarta.servlet.sip.*;
            import java.io.IOException;
            public class P extends SipServlet {
                @Override protected void doRegister(SipServletRequest req) throws IOException {
                    req.createResponse(200).send();
                }
                @Override protected void doRequest(SipServletRequest req) throws jakarta.servlet.ServletException, IOException {
                    if (!req.isInitial()) {
                        return;
                    }
                    if (req.getRequestURI() instanceof SipURI u && "boom".equals(u.getUser())) {
                        throw new IllegalStateException("internal detail: table t_locations is locked");
                    }
                    if (req.getMethod().equals("REGISTER")) {
                        doRegister(req);
                        return;
                    }
                    Proxy p = req.getProxy();
                    p.setRecordRoute(true);
                    p.proxyTo(req.getRequestURI());
                }
            }
            """;

    private TraceApps() {
    }

    /** @return the proxy application, named {@code p} */
    static TestApps proxy() {
        return TestApps.app().java("p.P", SERVLET).sipXml("""
                <sip-app xmlns="http://xmlns.jcp.org/xml/ns/javaee">
                  <app-name>p</app-name>
                  <servlet><servlet-name>p</servlet-name><servlet-class>p.P</servlet-class></servlet>
                  <servlet-selection><main-servlet>p</main-servlet></servlet-selection>
                </sip-app>
                """);
    }
}
