package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.internal.deploy.TestApps;
import org.olelo.container.internal.security.AuthSettings;
import org.olelo.container.internal.security.DigestAlgorithm;
import org.olelo.container.testkit.DigestClient;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.MemoryPeer;
import org.olelo.core.testkit.SipText;
import org.slf4j.LoggerFactory;

/**
 * What surrounds the digest check: what repeated failures lead to (an address blocked across
 * users, a user slowed down but never locked out, the log), proxy authentication (407), roles, and
 * constraints declared with {@code @SipSecurity}. A user blocked at one address only:
 * {@link LockoutTest}.
 */
class AuthPolicyTest {

    @TempDir
    Path tmp;
    private TestServer sip;

    @AfterEach
    void stop() {
        if (sip != null) {
            sip.close();
        }
    }

    private void start(TestApps app, int maxFailures) throws Exception {
        start(app, new AuthSettings(true, 300, maxFailures, 60));
    }

    private void start(TestApps app, AuthSettings auth) throws Exception {
        sip = TestServer.builder().app("reg", app).routing(AuthApps.ROUTING).settings(c -> c.withAuth(auth)).start(tmp);
        AuthApps.subscriber(sip.server().database().defaultPool(), "bob", "127.0.0.1", "s3cret", "a");
        AuthApps.subscriber(sip.server().database().defaultPool(), "carol", "127.0.0.1", "pw", "b");
    }

    /** A REGISTER from {@code from} answering a fresh challenge with that password. */
    private String register(String user, String password, MemoryPeer from) throws Exception {
        String challenge = from.finalResponseTo(AuthApps.request("REGISTER", user, from));
        if (SipText.status(challenge) != 401) {
            return challenge;
        }
        String c = DigestClient.withAlgorithm(SipText.headers(challenge, "WWW-Authenticate"), "MD5");
        String auth = DigestClient.answer(c, user, password, "REGISTER", AuthApps.requestUri("REGISTER"), "00000001");
        return from.finalResponseTo(AuthApps.request("REGISTER", user, from).header("Authorization", auth));
    }

    @Test
    void anAddressThatTriesManyUsersIsRefusedWith403() throws Exception {
        start(AuthApps.constrained(), new AuthSettings(true, 300, 3, 5, 60, List.of(DigestAlgorithm.MD5)));
        MemoryPeer attacker = sip.memoryPeer(21);
        for (String user : List.of("u1", "u2", "u3", "u4", "bob")) {
            assertEquals(401, SipText.status(register(user, "guess", attacker)));
        }
        String blocked = register("bob", "s3cret", attacker);
        assertEquals("SIP/2.0 403 Forbidden - too many failed attempts", blocked.lines().findFirst().orElseThrow(),
                "auth.max.failures.source=5 reached across users: blocked even with the right password");
        assertEquals(403, SipText.status(attacker.finalResponseTo(AuthApps.request("REGISTER", "bob", attacker))),
                "blocked before any challenge");
        assertEquals(200, SipText.status(register("bob", "s3cret", sip.memoryPeer(22))), "other sources are not blocked");
    }

    @Test
    void aUserFailingFromEverywhereIsSlowedDownButNeverLockedOut() throws Exception {
        start(AuthApps.constrained(), 3);
        long[] floor = {0, 0, 0, 250, 500, 1000, 2000, 2000};
        for (int i = 0; i < floor.length; i++) {
            long t0 = System.nanoTime();
            String r = register("carol", "guess", sip.memoryPeer(31 + i));
            long millis = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(401, SipText.status(r), "failure " + (i + 1) + " of carol is challenged, never refused: " + r);
            assertTrue(millis >= floor[i] - 20, "failure " + (i + 1) + " answered after " + millis + " ms, expected "
                    + floor[i]);
            if (i == floor.length - 1) {
                assertTrue(millis < 3_900, "the delay is capped at 2 s (uncapped it would be 4 s): " + millis + " ms");
            }
        }
        long t0 = System.nanoTime();
        assertEquals(200, SipText.status(register("carol", "pw", sip.memoryPeer(40))), "the right password gets in");
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(millis < 1_500, "and is not held back: " + millis + " ms");
    }

    @Test
    void failuresAreLoggedWithUserRealmAndAddressAndBlocksOnceButNeverTheSecrets() throws Exception {
        start(AuthApps.constrained(), 3);
        MemoryPeer ua = sip.memoryPeer(45);
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        List<String> responses = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                String challenge = ua.finalResponseTo(AuthApps.request("REGISTER", "bob", ua));
                String c = DigestClient.withAlgorithm(SipText.headers(challenge, "WWW-Authenticate"), "MD5");
                String auth = DigestClient.answer(c, "bob", "Wr0ng-pw", "REGISTER", AuthApps.requestUri("REGISTER"),
                        "00000001");
                responses.add(DigestClient.params(auth).get("response"));
                ua.finalResponseTo(AuthApps.request("REGISTER", "bob", ua).header("Authorization", auth));
            }
        } finally {
            root.detachAppender(log);
        }
        List<String> failures = log.list.stream().filter(e -> e.getLevel() == Level.INFO)
                .map(ILoggingEvent::getFormattedMessage).filter(m -> m.startsWith("authentication failed")).toList();
        assertEquals(3, failures.size(), "three failures, then the pair is blocked: " + failures);
        assertTrue(failures.get(0).contains("\"bob\"") && failures.get(0).contains("\"127.0.0.1\"")
                && failures.get(0).contains("127.0.0.45"), failures.get(0));
        List<String> blocks = log.list.stream().filter(e -> e.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains("blocked")).toList();
        assertEquals(1, blocks.size(), "one WARN per block: " + blocks);
        assertTrue(blocks.get(0).contains("\"bob\"") && blocks.get(0).contains("127.0.0.45")
                && blocks.get(0).contains("60 s"), blocks.get(0));
        String ha1 = DigestClient.hex("MD5", "bob:127.0.0.1:s3cret");
        for (ILoggingEvent e : log.list) {
            String m = e.getFormattedMessage();
            assertFalse(m.contains("Wr0ng-pw") || m.contains(ha1) || responses.stream().anyMatch(m::contains),
                    "no password, digest response or HA1 in the log: " + m);
        }
    }

    @Test
    void proxyAuthenticationAnswers407AndChecksTheRole() throws Exception {
        start(AuthApps.constrained(), 10);
        MemoryPeer ua = sip.memoryPeer(50);
        for (String[] who : new String[][] {{"bob", "s3cret", "200"}, {"carol", "pw", "403"}}) {
            String challenge = ua.finalResponseTo(AuthApps.request("MESSAGE", who[0], ua));
            assertEquals(407, SipText.status(challenge), challenge);
            assertEquals(List.of(), SipText.headers(challenge, "WWW-Authenticate"), challenge);
            String c = DigestClient.withAlgorithm(SipText.headers(challenge, "Proxy-Authenticate"), "MD5");
            String auth = DigestClient.answer(c, who[0], who[1], "MESSAGE", AuthApps.requestUri("MESSAGE"), "00000001");
            String r = ua.finalResponseTo(AuthApps.request("MESSAGE", who[0], ua).header("Proxy-Authorization", auth));
            assertEquals(Integer.parseInt(who[2]), SipText.status(r), who[0] + " (MESSAGE needs role a): " + r);
        }
    }

    @Test
    void sipSecurityAnnotationConstrainsTheServlet() throws Exception {
        TestApps app = TestApps.app().java("r.Guarded", """
                package r;
                import jakarta.servlet.sip.*;
                import jakarta.servlet.sip.annotation.security.*;
                @jakarta.servlet.sip.annotation.SipServlet(name = "guarded")
                @SipSecurity(value = @SipConstraint(rolesAllowed = "b"),
                        sipMethodConstraints = @SipMethodConstraint(value = "OPTIONS"))
                public class Guarded extends SipServlet {
                    @Override protected void doRegister(SipServletRequest req) throws java.io.IOException {
                        SipServletResponse r = req.createResponse(200);
                        r.setHeader("X-User", req.getUserPrincipal().getName());
                        r.send();
                    }
                    @Override protected void doOptions(SipServletRequest req) throws java.io.IOException {
                        req.createResponse(200).send();
                    }
                }
                """).file("WEB-INF/sip.xml", "<sip-app><app-name>reg</app-name></sip-app>");
        start(app, 10);
        MemoryPeer ua = sip.memoryPeer(60);
        assertEquals(403, SipText.status(register("bob", "s3cret", ua)), "bob lacks role b");
        String ok = register("carol", "pw", ua);
        assertEquals(200, SipText.status(ok), ok);
        assertEquals("carol", SipText.header(ok, "X-User"));
        String options = ua.finalResponseTo(AuthApps.request("OPTIONS", "x", ua));
        assertEquals(200, SipText.status(options), "the OPTIONS method constraint permits without roles: " + options);
        assertTrue(SipText.headers(options, "WWW-Authenticate").isEmpty());
    }

    @Test
    void rolesDeclaredAtInitialisationAreWhatTheWildcardRoleAllows() throws Exception {
        TestApps app = TestApps.app().java("r.Roles", """
                package r;
                import jakarta.servlet.*;
                import jakarta.servlet.sip.*;
                public class Roles extends SipServlet implements ServletContextListener {
                    @Override public void contextInitialized(ServletContextEvent e) {
                        e.getServletContext().declareRoles("b");
                        try {
                            e.getServletContext().declareRoles("");
                        } catch (IllegalArgumentException ex) {
                            e.getServletContext().setAttribute("empty", "refused");
                        }
                    }
                    @Override protected void doRegister(SipServletRequest req) throws java.io.IOException {
                        String late;
                        try {
                            getServletContext().declareRoles("a");
                            late = "accepted";
                        } catch (IllegalStateException ex) {
                            late = "refused";
                        }
                        SipServletResponse r = req.createResponse(200);
                        r.setHeader("X-Empty", String.valueOf(getServletContext().getAttribute("empty")));
                        r.setHeader("X-Late", late);
                        r.send();
                    }
                }
                """).sipXml("""
                <sip-app><app-name>reg</app-name>
                  <listener><listener-class>r.Roles</listener-class></listener>
                  <servlet><servlet-name>roles</servlet-name><servlet-class>r.Roles</servlet-class></servlet>
                  <security-constraint>
                    <resource-collection>
                      <resource-name>registrations</resource-name><sip-method>REGISTER</sip-method>
                    </resource-collection>
                    <auth-constraint><role-name>*</role-name></auth-constraint>
                  </security-constraint>
                  <login-config><auth-method>DIGEST</auth-method></login-config>
                </sip-app>
                """);
        start(app, 10);
        MemoryPeer ua = sip.memoryPeer(70);
        assertEquals(403, SipText.status(register("bob", "s3cret", ua)),
                "'*' means the declared roles, here only b, which bob lacks");
        String ok = register("carol", "pw", ua);
        assertEquals(200, SipText.status(ok), ok);
        assertEquals("refused", SipText.header(ok, "X-Empty"), "an empty role name is refused");
        assertEquals("refused", SipText.header(ok, "X-Late"), "no role is declared once the context is initialised");
    }
}
