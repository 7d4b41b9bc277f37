package org.olelo.container.tls;

import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.olelo.container.internal.db.Subscriber;
import org.olelo.container.internal.db.SubscriberStore;
import org.olelo.container.internal.deploy.TestApps;
import org.olelo.container.testkit.DigestClient;

/**
 * The application of the TLS tests: REGISTER behind digest authentication, OPTIONS open; every
 * answer says who authenticated ({@code X-User}) and which client certificate the request
 * attribute {@code jakarta.servlet.request.X509Certificate} holds ({@code X-Cert}: the leaf's
 * subject, {@code X-Cert-Chain}: the chain's length; {@code none} without one).
 */
final class TlsFlowApps {

    /** Routes REGISTER and OPTIONS to the application {@code reg}. */
    static final String ROUTING = """
            REGISTER: ("reg", "DAR:To", "NEUTRAL", "", "NO_ROUTE", "0")
            OPTIONS: ("reg", "DAR:From", "NEUTRAL", "", "NO_ROUTE", "0")
            """;

    private static final String SERVLET = """
            package r;
            import jakarta.servlet.sip.*;
            import java.io.IOException;
            import java.security.cert.X509Certificate;
            public class Registrar extends SipServlet {
                private void who(SipServletRequest req) throws IOException {
                    SipServletResponse r = req.createResponse(200);
                    r.setHeader("X-User", req.getUserPrincipal() == null ? "none" : req.getUserPrincipal().getName());
                    Object chain = req.getAttribute("jakarta.servlet.request.X509Certificate");
                    if (chain instanceof X509Certificate[] c && c.length > 0) {
                        r.setHeader("X-Cert", c[0].getSubjectX500Principal().getName());
                        r.setHeader("X-Cert-Chain", Integer.toString(c.length));
                    } else {
                        r.setHeader("X-Cert", "none");
                    }
                    r.send();
                }
                @Override protected void doRegister(SipServletRequest req) throws IOException { who(req); }
                @Override protected void doOptions(SipServletRequest req) throws IOException { who(req); }
            }
            """;

    private TlsFlowApps() {
    }

    /** @return the application, REGISTER protected by a sip.xml constraint */
    static TestApps constrained() {
        return TestApps.app().java("r.Registrar", SERVLET).sipXml("""
                <sip-app><app-name>reg</app-name>
                  <servlet><servlet-name>registrar</servlet-name><servlet-class>r.Registrar</servlet-class></servlet>
                  <security-constraint>
                    <resource-collection>
                      <resource-name>registrations</resource-name>
                      <servlet-name>registrar</servlet-name><sip-method>REGISTER</sip-method>
                    </resource-collection>
                    <auth-constraint><role-name>**</role-name></auth-constraint>
                  </security-constraint>
                  <login-config><auth-method>DIGEST</auth-method></login-config>
                </sip-app>
                """);
    }

    /** Adds a subscriber with HA1 values computed independently of the server's code. */
    static void subscriber(DataSource ds, String user, String domain, String password) throws SQLException {
        new SubscriberStore(ds).add(new Subscriber(0, user, domain,
                DigestClient.hex("MD5", user + ":" + domain + ":" + password),
                DigestClient.hex("SHA-256", user + ":" + domain + ":" + password), List.of(), null));
    }
}
