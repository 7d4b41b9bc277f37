package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.internal.security.AuthSettings;
import org.olelo.container.testkit.DigestClient;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.MemoryPeer;
import org.olelo.core.testkit.SipText;

/**
 * Two servers in one process, each with its own in-memory connector and subscriber table, as two
 * nodes of a cluster: with the same {@code cluster.route.key}, a REGISTER challenged by one is
 * authenticated by the other without a second challenge, also after the first is closed, and an
 * expired nonce of one is {@code stale} on the other; each node refuses the counts it saw itself.
 * With different keys, or none, the other node does not know the nonce and challenges again.
 */
class SharedNonceTest {

    private static final String KEY = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";
    private static final String OTHER_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    @TempDir
    Path tmp;
    private final List<TestServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(TestServer::close);
    }

    /** A node with bob provisioned; {@code key} null for no cluster.route.key. */
    private MemoryPeer node(String name, String key, int nonceSeconds) throws Exception {
        TestServer.Builder b = TestServer.builder().app("reg", AuthApps.constrained()).routing(AuthApps.ROUTING)
                .settings(c -> c.withAuth(new AuthSettings(true, nonceSeconds, 10, 60)));
        if (key != null) {
            b.extension("cluster.route.key", key);
        }
        TestServer s = b.start(Files.createDirectories(tmp.resolve(name)));
        servers.add(s);
        AuthApps.subscriber(s.server().database().defaultPool(), "bob", "127.0.0.1", "s3cret", "a");
        return s.memoryPeer(1); // the same phone address on both nodes
    }

    private static String register(MemoryPeer at, String authorization) throws Exception {
        var r = AuthApps.request("REGISTER", "bob", at);
        return at.finalResponseTo(authorization == null ? r : r.header("Authorization", authorization));
    }

    private static String answer(String challengeResponse, String nc) {
        String challenge = DigestClient.withAlgorithm(SipText.headers(challengeResponse, "WWW-Authenticate"), "MD5");
        return DigestClient.answer(challenge, "bob", "s3cret", "REGISTER", AuthApps.requestUri("REGISTER"), nc);
    }

    @Test
    void aNonceOfOneNodeAuthenticatesAtTheOtherAlsoAfterTheFirstIsGone() throws Exception {
        MemoryPeer one = node("one", KEY, 300);
        MemoryPeer two = node("two", KEY, 300);
        String challenge = register(one, null);
        assertEquals(401, SipText.status(challenge), challenge);
        String first = answer(challenge, "00000001");
        String atTwo = register(two, first);
        assertEquals(200, SipText.status(atTwo), "node 2 accepts node 1's nonce at once: " + atTwo);
        assertEquals("bob", SipText.header(atTwo, "X-User"), atTwo);
        assertEquals(200, SipText.status(register(one, first)), "a front forks the same REGISTER to both nodes");
        String replay = register(two, first);
        assertEquals(401, SipText.status(replay), "node 2 refuses the count it saw: " + replay);
        assertFalse(replay.contains("stale"), replay);

        servers.get(0).close(); // node 1 is gone; its nonce lives on
        String refresh = register(two, answer(challenge, "00000002"));
        assertEquals(200, SipText.status(refresh), refresh);
    }

    @Test
    void anExpiredNonceOfOneNodeIsStaleAtTheOther() throws Exception {
        MemoryPeer one = node("one", KEY, 1);
        MemoryPeer two = node("two", KEY, 1);
        String challenge = register(one, null);
        Thread.sleep(1_200);
        String stale = register(two, answer(challenge, "00000001"));
        assertEquals(401, SipText.status(stale), stale);
        assertEquals("true", DigestClient.params(SipText.header(stale, "WWW-Authenticate")).get("stale"), stale);
        assertEquals(200, SipText.status(register(two, answer(stale, "00000001"))));
    }

    @Test
    void withAnotherKeyOrNoneTheOtherNodeChallengesAgain() throws Exception {
        MemoryPeer one = node("one", KEY, 300);
        MemoryPeer stranger = node("two", OTHER_KEY, 300);
        MemoryPeer alone = node("three", null, 300);
        String first = answer(register(one, null), "00000001");
        for (MemoryPeer other : List.of(stranger, alone)) {
            String r = register(other, first);
            assertEquals(401, SipText.status(r), r);
            assertFalse(r.contains("stale"), "not ours at all, so not stale: " + r);
        }
        String unkeyed = answer(register(alone, null), "00000001");
        assertEquals(401, SipText.status(register(one, unkeyed)), "a node without the key makes nonces of its own");
        assertEquals(200, SipText.status(register(one, first)));
    }
}
