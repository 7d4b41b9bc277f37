package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.internal.deploy.TestApps;
import org.olelo.container.internal.security.AuthSettings;
import org.olelo.core.testkit.SipText;

/**
 * What surrounds the digest check: blocking after repeated failures (per source address and per
 * user), proxy authentication (407), roles, and constraints declared with {@code @SipSecurity}.
 */
class AuthPolicyTest {

    @TempDir
    Path tmp;
    private MemorySip sip;

    @AfterEach
    void stop() {
        if (sip != null) {
            sip.close();
        }
    }

    private void start(TestApps app, int maxFailures) throws Exception {
        sip = new MemorySip(tmp, app, "reg", AuthApps.ROUTING, c -> c.withAuth(new AuthSettings(true, 300, maxFailures, 60)));
        AuthApps.subscriber(sip.server.database().defaultPool(), "bob", "127.0.0.1", "s3cret", "a");
        AuthApps.subscriber(sip.server.database().defaultPool(), "carol", "127.0.0.1", "pw", "b");
    }

    /** A REGISTER from {@code from} answering a fresh challenge with that password. */
    private String register(String user, String password, InetSocketAddress from) throws InterruptedException {
        String challenge = sip.send(AuthApps.request("REGISTER", user, from, null, null), from);
        if (SipText.status(challenge) != 401) {
            return challenge;
        }
        String c = DigestClient.withAlgorithm(SipText.headers(challenge, "WWW-Authenticate"), "MD5");
        String auth = DigestClient.answer(c, user, password, "REGISTER", AuthApps.requestUri("REGISTER"), "00000001");
        return sip.send(AuthApps.request("REGISTER", user, from, "Authorization", auth), from);
    }

    @Test
    void aSourceThatKeepsFailingIsRefusedWith403() throws Exception {
        start(AuthApps.constrained(), 3);
        InetSocketAddress attacker = MemorySip.source(21);
        for (String user : List.of("u1", "u2", "bob")) {
            assertEquals(401, SipText.status(register(user, "guess", attacker)));
        }
        assertEquals(403, SipText.status(register("bob", "s3cret", attacker)), "blocked even with the right password");
        assertEquals(403, SipText.status(sip.send(AuthApps.request("REGISTER", "bob", attacker, null, null), attacker)),
                "blocked before any challenge");
        assertEquals(200, SipText.status(register("bob", "s3cret", MemorySip.source(22))), "other sources are not blocked");
    }

    @Test
    void aUserThatKeepsFailingIsRefusedFromEverywhere() throws Exception {
        start(AuthApps.constrained(), 3);
        for (int i = 0; i < 3; i++) {
            assertEquals(401, SipText.status(register("carol", "guess", MemorySip.source(31 + i))));
        }
        assertEquals(403, SipText.status(register("carol", "pw", MemorySip.source(40))), "carol is blocked");
        assertEquals(200, SipText.status(register("bob", "s3cret", MemorySip.source(40))), "the source is not");
    }

    @Test
    void proxyAuthenticationAnswers407AndChecksTheRole() throws Exception {
        start(AuthApps.constrained(), 10);
        InetSocketAddress ua = MemorySip.source(50);
        for (String[] who : new String[][] {{"bob", "s3cret", "200"}, {"carol", "pw", "403"}}) {
            String challenge = sip.send(AuthApps.request("MESSAGE", who[0], ua, null, null), ua);
            assertEquals(407, SipText.status(challenge), challenge);
            assertEquals(List.of(), SipText.headers(challenge, "WWW-Authenticate"), challenge);
            String c = DigestClient.withAlgorithm(SipText.headers(challenge, "Proxy-Authenticate"), "MD5");
            String auth = DigestClient.answer(c, who[0], who[1], "MESSAGE", AuthApps.requestUri("MESSAGE"), "00000001");
            String r = sip.send(AuthApps.request("MESSAGE", who[0], ua, "Proxy-Authorization", auth), ua);
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
        InetSocketAddress ua = MemorySip.source(60);
        assertEquals(403, SipText.status(register("bob", "s3cret", ua)), "bob lacks role b");
        String ok = register("carol", "pw", ua);
        assertEquals(200, SipText.status(ok), ok);
        assertEquals("carol", SipText.header(ok, "X-User"));
        String options = sip.send(AuthApps.request("OPTIONS", "x", ua, null, null), ua);
        assertEquals(200, SipText.status(options), "the OPTIONS method constraint permits without roles: " + options);
        assertTrue(SipText.headers(options, "WWW-Authenticate").isEmpty());
    }
}
