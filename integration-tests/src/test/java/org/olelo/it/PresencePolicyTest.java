package org.olelo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.olelo.core.testkit.SipText;

/**
 * The presence application with {@code policy=confirm} and short expiry limits
 * ({@code deploy/apps/presence.properties}): a new watcher is pending (202, a NOTIFY without
 * state) and listed as pending to the presentity's watcher-info subscription; subscriptions and
 * publications that are not refreshed end on their own.
 */
class PresencePolicyTest {

    private static final String ALICE = "sip:alice@127.0.0.1";
    @RegisterExtension
    static final OleloExtension OLELO = OleloExtension.started(null, "registrar", "proxy", "presence").setup(p -> {
        assertEquals(0, p.subscriber("add", "alice@127.0.0.1", "--password", "a1ice"));
        assertEquals(0, p.subscriber("add", "bob@127.0.0.1", "--password", "b0b"));
        p.appProperties("presence", "policy=confirm\npublish.min.expires=1\nsubscribe.min.expires=1\ncleanup.interval=1\n");
    });

    @Test
    void aNewWatcherIsPendingAndTheOwnerSeesItInTheWatcherList() throws Exception {
        try (PresenceUa alice = new PresenceUa(OLELO.port(), "alice", "a1ice");
             PresenceUa bob = new PresenceUa(OLELO.port(), "bob", "b0b")) {
            assertEquals(200, SipText.status(alice.publish(null, "600", PresenceUa.pidf(ALICE, "pc", "open"))));
            assertEquals(200, SipText.status(alice.subscribe(ALICE, "presence.winfo", "600")));
            alice.expectNotify("active");

            String pending = bob.subscribe(ALICE, "presence", "600");
            assertEquals(202, SipText.status(pending), pending);
            String n = bob.expectNotify("pending");
            assertEquals("", SipText.body(n), "a pending watcher learns nothing of alice");

            String list = SipText.body(alice.expectNotify("active"));
            assertTrue(list.contains("status=\"pending\"") && list.contains(">sip:bob@127.0.0.1</watcher>"), list);

            String self = alice.subscribe(ALICE, "presence", "600");
            assertEquals(200, SipText.status(self), "a presentity may always watch itself");
            assertTrue(SipText.body(alice.expectNotify("active")).contains("<basic>open</basic>"));
        }
    }

    @Test
    void unrefreshedSubscriptionsAndPublicationsExpire() throws Exception {
        try (PresenceUa alice = new PresenceUa(OLELO.port(), "alice", "a1ice")) {
            assertEquals(200, SipText.status(alice.subscribe(ALICE, "presence", "600")));
            alice.expectNotify("active");
            assertEquals(200, SipText.status(alice.publish(null, "2", PresenceUa.pidf(ALICE, "brief", "open"))));
            assertTrue(SipText.body(alice.expectNotify("active")).contains("id=\"brief\""));
            String gone = SipText.body(alice.expectNotify("active"));
            assertTrue(!gone.contains("id=\"brief\""), "the publication expired: " + gone);

            assertEquals(200, SipText.status(alice.subscribe(ALICE, "presence", "2")));
            alice.expectNotify("active");
            String last = alice.expectNotify("terminated");
            assertEquals("terminated;reason=timeout", SipText.header(last, "Subscription-State"));
        }
    }
}
