package org.olelo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.olelo.core.testkit.SipText;

/**
 * sipp against the presence application in {@code olelo.jar}: the PUBLISH entity-tag cycle
 * (publish, refresh, a tag nobody issued, removal) and a watcher's SUBSCRIBE with its NOTIFYs
 * (open, then closed after the presentity's change) and unsubscription, all with digest.
 */
class PresenceSippTest {

    private static final String HOST = "127.0.0.1";
    private static final String ALICE = "sip:alice@127.0.0.1";
    private static final Duration LIMIT = Duration.ofSeconds(40);
    @RegisterExtension
    static final OleloExtension OLELO = OleloExtension.started(null, "registrar", "proxy", "presence").setup(p -> {
        assertEquals(0, p.subscriber("add", "alice@127.0.0.1", "--password", "a1ice"));
        assertEquals(0, p.subscriber("add", "bob@127.0.0.1", "--password", "b0b"));
    });
    @RegisterExtension
    final SippRunner sipp = new SippRunner();

    @Test
    void publishRefreshAWrongTagAndRemoval() throws Exception {
        SippResult r = sipp.start("publish", "publish-etag.xml", "-s", "alice", "-au", "alice", "-ap", "a1ice",
                "-auth_uri", "alice@" + HOST, "-i", HOST, "-p", Integer.toString(FreePorts.udp()), "-m", "1",
                HOST + ":" + OLELO.port()).await(LIMIT);
        assertTrue(r.allSuccessful(1), r::describe);
    }

    @Test
    void aWatcherGetsTheStateTheChangeAndTheLastNotify() throws Exception {
        try (PresenceUa alice = new PresenceUa(OLELO.port(), "alice", "a1ice")) {
            String etag = SipText.header(alice.publish(null, null, PresenceUa.pidf(ALICE, "pc", "open")), "SIP-ETag");
            assertEquals(200, SipText.status(alice.subscribe(ALICE, "presence.winfo", "600")));
            alice.expectNotify("active");
            SippRunner.Run bob = sipp.start("subscribe", "subscribe-presence.xml", "-s", "bob", "-au", "bob", "-ap", "b0b",
                    "-key", "presentity", "alice", "-auth_uri", "alice@" + HOST, "-i", HOST, "-p", Integer.toString(FreePorts.udp()), "-m", "1",
                    HOST + ":" + OLELO.port());
            String watchers = SipText.body(alice.expectNotify("active"));
            assertTrue(watchers.contains("sip:bob@127.0.0.1"), "bob is watching: " + watchers);
            assertEquals(200, SipText.status(alice.publish(etag, null, PresenceUa.pidf(ALICE, "pc", "closed"))));
            SippResult r = bob.await(LIMIT);
            assertTrue(r.allSuccessful(1), r::describe);
        }
    }
}
