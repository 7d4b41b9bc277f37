package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.testkit.DigestClient;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.SipPeer;
import org.olelo.core.testkit.SipText;
import org.olelo.core.testkit.UdpPeer;

/**
 * Lockout without lock-out, over real UDP sockets on two loopback addresses and the default
 * settings: twenty wrong passwords for alice from 127.0.0.1 block alice there, and only there.
 */
class LockoutTest {

    @TempDir
    Path tmp;

    /** A REGISTER from {@code peer} that answers a fresh challenge with that password; the final response. */
    private static String register(UdpPeer peer, String user, String password) throws Exception {
        String challenge = peer.finalResponseTo(AuthApps.request("REGISTER", user, peer));
        if (SipText.status(challenge) != 401) {
            return challenge;
        }
        String c = DigestClient.withAlgorithm(SipText.headers(challenge, "WWW-Authenticate"), "MD5");
        String auth = DigestClient.answer(c, user, password, "REGISTER", AuthApps.requestUri("REGISTER"), "00000001");
        return peer.finalResponseTo(AuthApps.request("REGISTER", user, peer).header("Authorization", auth));
    }

    @Test
    void twentyWrongPasswordsBlockThatUserAtThatAddressOnly() throws Exception {
        try (TestServer server = TestServer.builder().app("reg", AuthApps.constrained()).routing(AuthApps.ROUTING)
                .transport(SipPeer.Kind.UDP).start(tmp);
             UdpPeer one = new UdpPeer(server.address(), InetAddress.getByName("127.0.0.1"));
             UdpPeer two = new UdpPeer(server.address(), InetAddress.getByName("127.0.0.2"))) {
            AuthApps.subscriber(server.server().database().defaultPool(), "alice", "127.0.0.1", "wonder", "a");
            AuthApps.subscriber(server.server().database().defaultPool(), "bob", "127.0.0.1", "s3cret", "a");
            List<Integer> statuses = new ArrayList<>();
            String last = null;
            for (int i = 0; i < 20; i++) {
                last = register(one, "alice", "guess" + i);
                statuses.add(SipText.status(last));
            }
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                expected.add(i < 10 ? 401 : 403);
            }
            assertEquals(expected, statuses, "auth.max.failures=10: challenged ten times, then refused");
            String bob = register(one, "bob", "s3cret");
            assertEquals(200, SipText.status(bob), "bob at the same address is not blocked: " + bob);
            String alice = register(two, "alice", "wonder");
            assertEquals(200, SipText.status(alice), "nor is alice at 127.0.0.2: " + alice);
            assertEquals(403, SipText.status(register(one, "alice", "wonder")), "alice is, at 127.0.0.1");
            assertEquals("SIP/2.0 403 Forbidden - too many failed attempts", last.lines().findFirst().orElseThrow());
        }
    }
}
