package org.olelo.container.flows;

import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.olelo.container.internal.db.Subscriber;
import org.olelo.container.internal.db.SubscriberStore;
import org.olelo.container.internal.deploy.TestApps;
import org.olelo.container.testkit.DigestClient;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;

/**
 * The applications and requests the authentication and TLS tests share: a registrar-like servlet
 * that reports who the container says sent the request (and, in {@code X-Cert}, the subject of the
 * TLS client certificate in the request attribute {@code jakarta.servlet.request.X509Certificate}),
 * protected by sip.xml (REGISTER for any authenticated user, MESSAGE with proxy authentication for
 * role {@code a}, OPTIONS open), and subscribers provisioned the way the command line does it.
 */
final class AuthApps {

    /** Routes REGISTER, MESSAGE and OPTIONS to the application {@code reg}. */
    static final String ROUTING = """
            REGISTER: ("reg", "DAR:To", "NEUTRAL", "", "NO_ROUTE", "0")
            MESSAGE: ("reg", "DAR:From", "NEUTRAL", "", "NO_ROUTE", "0")
            OPTIONS: ("reg", "DAR:From", "NEUTRAL", "", "NO_ROUTE", "0")
            """;

    private static final String SERVLET = """
            package r;
            import jakarta.servlet.sip.*;
            import java.io.IOException;
            public class Registrar extends SipServlet {
                private void who(SipServletRequest req) throws IOException {
                    SipServletResponse r = req.createResponse(200);
                    r.setHeader("X-User", req.getUserPrincipal() == null ? "none" : req.getUserPrincipal().getName());
                    r.setHeader("X-Remote-User", String.valueOf(req.getRemoteUser()));
                    r.setHeader("X-In-Role-A", String.valueOf(req.isUserInRole("a")));
                    Object chain = req.getAttribute("jakarta.servlet.request.X509Certificate");
                    if (chain instanceof java.security.cert.X509Certificate[] c && c.length > 0) {
                        r.setHeader("X-Cert", c[0].getSubjectX500Principal().getName());
                        r.setHeader("X-Cert-Chain", Integer.toString(c.length));
                    } else {
                        r.setHeader("X-Cert", "none");
                    }
                    r.send();
                }
                @Override protected void doRegister(SipServletRequest req) throws IOException { who(req); }
                @Override protected void doMessage(SipServletRequest req) throws IOException { who(req); }
                @Override protected void doOptions(SipServletRequest req) throws IOException { who(req); }
            }
            """;

    private AuthApps() {
    }

    /** @return the application protected by sip.xml constraints */
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
                  <security-constraint>
                    <resource-collection>
                      <resource-name>messages</resource-name>
                      <servlet-name>registrar</servlet-name><sip-method>MESSAGE</sip-method>
                    </resource-collection>
                    <proxy-authentication/>
                    <auth-constraint><role-name>a</role-name></auth-constraint>
                  </security-constraint>
                  <login-config><auth-method>DIGEST</auth-method></login-config>
                </sip-app>
                """);
    }

    /** Adds a subscriber with HA1 values computed independently of the server's code. */
    static void subscriber(DataSource ds, String user, String domain, String password, String... roles)
            throws SQLException {
        new SubscriberStore(ds).add(new Subscriber(0, user, domain,
                DigestClient.hex("MD5", user + ":" + domain + ":" + password),
                DigestClient.hex("SHA-256", user + ":" + domain + ":" + password), List.of(roles), null));
    }

    /**
     * @param method REGISTER, MESSAGE or OPTIONS
     * @param user   the user in From (and To for REGISTER)
     * @param from   the sender (Via, Contact)
     * @return the request; credentials are added with {@code header("Authorization", value)}
     */
    static SipBuilder request(String method, String user, SipPeer from) {
        String to = method.equals("REGISTER") ? "<sip:" + user + "@127.0.0.1>" : "<sip:echo@127.0.0.1>";
        return SipBuilder.request(method, requestUri(method)).via(from).from("<sip:" + user + "@127.0.0.1>").to(to)
                .contact("<sip:" + user + "@" + SipBuilder.hostPort(from.address()) + ">");
    }

    /** @return the Request-URI {@link #request} uses for the method */
    static String requestUri(String method) {
        return method.equals("REGISTER") ? "sip:127.0.0.1" : "sip:echo@127.0.0.1";
    }
}
