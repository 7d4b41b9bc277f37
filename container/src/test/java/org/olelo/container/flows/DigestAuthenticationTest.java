package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.boot.ServerConfig;
import org.olelo.container.internal.security.AuthSettings;
import org.olelo.container.internal.security.DigestAlgorithm;
import org.olelo.container.testkit.DigestClient;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.MemoryPeer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipText;

/**
 * Container-managed digest authentication of REGISTER, driven over the in-memory connector: the
 * challenge, MD5 and SHA-256 answers computed by the test, the principal the servlet sees, no user
 * enumeration, stale nonces, replayed nonce counts, and nonces that are checked before the password
 * and bound to the address they were issued to.
 */
class DigestAuthenticationTest {

    @TempDir
    Path tmp;
    private TestServer sip;
    private MemoryPeer ua;

    @AfterEach
    void stop() {
        if (sip != null) {
            sip.close();
        }
    }

    /** Both algorithms offered (the default offers MD5 only, for clients that fail on SHA-256). */
    private static final List<DigestAlgorithm> BOTH = List.of(DigestAlgorithm.MD5, DigestAlgorithm.SHA_256);

    private void start(UnaryOperator<ServerConfig> config) throws Exception {
        sip = TestServer.builder().app("reg", AuthApps.constrained()).routing(AuthApps.ROUTING)
                .settings(c -> config.apply(c.withAuth(new AuthSettings(true, 300, 10, 60, BOTH)))).start(tmp);
        ua = sip.memoryPeer(1);
        AuthApps.subscriber(sip.server().database().defaultPool(), "bob", "127.0.0.1", "s3cret", "a");
        AuthApps.subscriber(sip.server().database().defaultPool(), "alice", "127.0.0.1", "wonder", "a");
    }

    private String register(String authorization) throws Exception {
        SipBuilder r = AuthApps.request("REGISTER", "bob", ua);
        return ua.finalResponseTo(authorization == null ? r : r.header("Authorization", authorization));
    }

    private static String answer(String challengeResponse, String algorithm, String user, String password, String nc) {
        String challenge = DigestClient.withAlgorithm(SipText.headers(challengeResponse, "WWW-Authenticate"), algorithm);
        return DigestClient.answer(challenge, user, password, "REGISTER", AuthApps.requestUri("REGISTER"), nc);
    }

    @Test
    void registerWithoutCredentialsIsChallengedWithMd5ThenSha256() throws Exception {
        start(c -> c);
        String r = register(null);
        assertEquals(401, SipText.status(r), r);
        List<String> challenges = SipText.headers(r, "WWW-Authenticate");
        assertEquals(2, challenges.size(), r);
        assertEquals("MD5", DigestClient.params(challenges.get(0)).get("algorithm"), r);
        assertEquals("SHA-256", DigestClient.params(challenges.get(1)).get("algorithm"), r);
        for (String c : challenges) {
            var p = DigestClient.params(c);
            assertEquals("127.0.0.1", p.get("realm"), "realm is the To domain: " + c);
            assertEquals("auth", p.get("qop"), c);
            assertTrue(p.get("nonce").length() >= 20, c);
            assertTrue(p.containsKey("opaque"), c);
            assertFalse(p.containsKey("stale"), c);
        }
        assertEquals("none", SipText.header(ua.finalResponseTo(AuthApps.request("OPTIONS", "bob", ua)), "X-User"),
                "OPTIONS has no constraint and reaches the servlet without a principal");
    }

    @Test
    void correctMd5AndSha256AnswersReachTheServletWithThePrincipal() throws Exception {
        start(c -> c);
        for (String alg : List.of("MD5", "SHA-256")) {
            String ok = register(answer(register(null), alg, "bob", "s3cret", "00000001"));
            assertEquals(200, SipText.status(ok), alg + ": " + ok);
            assertEquals("bob", SipText.header(ok, "X-User"), ok);
            assertEquals("bob", SipText.header(ok, "X-Remote-User"), ok);
            assertEquals("true", SipText.header(ok, "X-In-Role-A"), ok);
        }
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() throws Exception {
        start(c -> c);
        String wrong = register(answer(register(null), "SHA-256", "bob", "guess", "00000001"));
        String unknown = ua.finalResponseTo(AuthApps.request("REGISTER", "mallory", ua).header("Authorization", answer(register(null), "SHA-256", "mallory", "guess", "00000001")));
        assertEquals(401, SipText.status(wrong), wrong);
        assertEquals(shape(wrong), shape(unknown));
    }

    /** The status line, the header names in order and the challenges with their nonce masked. */
    private static String shape(String response) {
        StringBuilder b = new StringBuilder(response.lines().findFirst().orElseThrow()).append('\n');
        for (String line : response.substring(0, response.indexOf("\r\n\r\n")).split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                b.append(line, 0, colon).append('\n');
            }
        }
        for (String c : SipText.headers(response, "WWW-Authenticate")) {
            b.append(c.replaceAll("nonce=\"[^\"]*\"", "nonce=\"*\"")).append('\n');
        }
        return b.toString();
    }

    @Test
    void expiredNonceWithGoodCredentialsIsStale() throws Exception {
        start(c -> c.withAuth(new AuthSettings(true, 1, 10, 60, BOTH)));
        String challenge = register(null);
        Thread.sleep(1_200);
        String stale = register(answer(challenge, "MD5", "bob", "s3cret", "00000001"));
        assertEquals(401, SipText.status(stale), stale);
        for (String c : SipText.headers(stale, "WWW-Authenticate")) {
            assertEquals("true", DigestClient.params(c).get("stale"), c);
        }
        String wrongAndOld = register(answer(challenge, "MD5", "bob", "guess", "00000002"));
        assertFalse(SipText.headers(wrongAndOld, "WWW-Authenticate").get(0).contains("stale"),
                "a wrong password is never called stale: " + wrongAndOld);
        String ok = register(answer(stale, "MD5", "bob", "s3cret", "00000001"));
        assertEquals(200, SipText.status(ok), ok);
    }

    @Test
    void replayedNonceCountIsChallengedAgain() throws Exception {
        start(c -> c);
        String challenge = register(null);
        String first = answer(challenge, "SHA-256", "bob", "s3cret", "00000001");
        assertEquals(200, SipText.status(register(first)));
        String replay = register(first);
        assertEquals(401, SipText.status(replay), replay);
        assertFalse(replay.contains("stale"), replay);
        String next = register(answer(challenge, "SHA-256", "bob", "s3cret", "00000002"));
        assertEquals(200, SipText.status(next), "a higher count with the same nonce is fine: " + next);
    }

    @Test
    void credentialsForAnotherRequestUriAreRefused() throws Exception {
        start(c -> c);
        String challenge = DigestClient.withAlgorithm(SipText.headers(register(null), "WWW-Authenticate"), "MD5");
        String auth = DigestClient.answer(challenge, "bob", "s3cret", "REGISTER", "sip:other.example.com", "00000001");
        String r = register(auth);
        assertEquals(400, SipText.status(r), r);
        assertTrue(r.lines().findFirst().orElseThrow().contains("uri"), r);
    }

    @Test
    void theOfferedAlgorithmsAreConfigurableAndOnlyTheyAreAccepted() throws Exception {
        start(c -> c.withAuth(new AuthSettings(true, 300, 10, 60, List.of(DigestAlgorithm.MD5))));
        String challenge = register(null);
        List<String> challenges = SipText.headers(challenge, "WWW-Authenticate");
        assertEquals(1, challenges.size(), challenge);
        String md5 = challenges.get(0);
        String sha = md5.replace("algorithm=MD5", "algorithm=SHA-256");
        String refused = register(DigestClient.answer(sha, "bob", "s3cret", "REGISTER", AuthApps.requestUri("REGISTER"),
                "00000001"));
        assertEquals(401, SipText.status(refused), "SHA-256 is not offered, so not accepted: " + refused);
        assertEquals(200, SipText.status(register(answer(challenge, "MD5", "bob", "s3cret", "00000002"))));
    }

    @Test
    void authenticationCanBeSwitchedOff() throws Exception {
        start(c -> c.withAuth(new AuthSettings(false, 300, 10, 60, BOTH)));
        String r = register(null);
        assertEquals(200, SipText.status(r), r);
        assertEquals("none", SipText.header(r, "X-User"), r);
    }

    /** The challenge's nonce with one character changed: a nonce this server never issued. */
    private static String forge(String challengeResponse) {
        String c = DigestClient.withAlgorithm(SipText.headers(challengeResponse, "WWW-Authenticate"), "MD5");
        String nonce = DigestClient.params(c).get("nonce");
        char k = nonce.charAt(4);
        return c.replace(nonce, nonce.substring(0, 4) + (k == 'A' ? 'B' : 'A') + nonce.substring(5));
    }

    @Test
    void aForgedNonceGetsAFreshChallengeWhateverThePasswordAndCountsForNothing() throws Exception {
        start(c -> c.withAuth(new AuthSettings(true, 300, 3, 60, BOTH)));
        String forged = forge(register(null));
        String uri = AuthApps.requestUri("REGISTER");
        String right = register(DigestClient.answer(forged, "bob", "s3cret", "REGISTER", uri, "00000001"));
        String wrong = register(DigestClient.answer(forged, "bob", "guess", "REGISTER", uri, "00000001"));
        assertEquals(401, SipText.status(right), right);
        assertEquals(shape(right), shape(wrong), "the answer to a nonce we did not issue says nothing of the password");
        assertFalse(right.contains("stale"), right);
        for (int i = 0; i < 6; i++) {
            assertEquals(401, SipText.status(register(DigestClient.answer(forged, "bob", "guess" + i, "REGISTER", uri,
                    "00000001"))));
        }
        String ok = register(answer(register(null), "MD5", "bob", "s3cret", "00000001"));
        assertEquals(200, SipText.status(ok), "guesses without a nonce of ours are no failures, nothing blocks: " + ok);
    }

    @Test
    void aNonceIssuedToOneAddressIsWorthNothingFromAnother() throws Exception {
        start(c -> c);
        String aliceChallenge = register(null);
        MemoryPeer elsewhere = sip.memoryPeer(2);
        String uri = AuthApps.requestUri("REGISTER");
        String challenge = DigestClient.withAlgorithm(SipText.headers(aliceChallenge, "WWW-Authenticate"), "MD5");
        String bob = elsewhere.finalResponseTo(AuthApps.request("REGISTER", "bob", elsewhere).header("Authorization", DigestClient.answer(challenge, "bob", "s3cret", "REGISTER", uri, "00000001")));
        assertEquals(401, SipText.status(bob), "a nonce issued to " + ua.address() + " does not serve " + elsewhere.address() + ": " + bob);
        assertFalse(bob.contains("stale"), bob);
        String alice = ua.finalResponseTo(AuthApps.request("REGISTER", "alice", ua).header("Authorization", DigestClient.answer(challenge, "alice", "wonder", "REGISTER", uri, "00000001")));
        assertEquals(200, SipText.status(alice), "where it was issued it works: " + alice);
    }

    @Test
    void aPhoneReusesItsNonceForTheNextRegisterAndForOtherRequests() throws Exception {
        start(c -> c);
        String challenge = DigestClient.withAlgorithm(SipText.headers(register(null), "WWW-Authenticate"), "MD5");
        String uri = AuthApps.requestUri("REGISTER");
        assertEquals(200, SipText.status(register(DigestClient.answer(challenge, "bob", "s3cret", "REGISTER", uri,
                "00000001"))));
        assertEquals(200, SipText.status(register(DigestClient.answer(challenge, "bob", "s3cret", "REGISTER", uri,
                "00000002"))), "the refresh with nc+1");
        String message = ua.finalResponseTo(AuthApps.request("MESSAGE", "bob", ua).header("Proxy-Authorization", DigestClient.answer(
                challenge, "bob", "s3cret", "MESSAGE", AuthApps.requestUri("MESSAGE"), "00000003")));
        assertEquals(200, SipText.status(message), "the REGISTER's nonce for a MESSAGE to someone else: " + message);
    }

    @Test
    void aDigestParameterGivenTwiceIs400NamingIt() throws Exception {
        start(c -> c);
        String good = answer(register(null), "MD5", "bob", "s3cret", "00000001");
        for (String name : List.of("username", "nonce", "response", "Realm")) {
            String value = DigestClient.params(good).get(name.toLowerCase(java.util.Locale.ROOT));
            String twice = good.replace("Digest ", "Digest " + name + "=\"" + (name.equals("username") ? "alice" : value)
                    + "\", ");
            String r = register(twice);
            assertEquals("SIP/2.0 400 Bad Request - digest parameter " + name.toLowerCase(java.util.Locale.ROOT)
                    + ": given twice", r.lines().findFirst().orElseThrow(), twice);
        }
        String folded = good.replace(", uri=", ",\r\n username=\"alice\", uri=");
        assertEquals(400, SipText.status(register(folded)), "also when the second one is on a continuation line");
        assertEquals(200, SipText.status(register(good)), "the same credentials once each are fine");
    }
}
