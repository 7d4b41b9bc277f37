package org.olelo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.olelo.core.testkit.SipText;

/**
 * The presence application in {@code olelo.jar} with the project's routing and digest
 * authentication: PUBLISH with entity tags (RFC 3903), SUBSCRIBE/NOTIFY (RFC 6665, RFC 3856),
 * composition of several publications, watcher information (RFC 3857), the errors of both, and
 * the last state surviving {@code kill -9} (a subscription from before it gets 481 on its refresh,
 * and its watcher subscribes again).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PresenceTest {

    private static final String ALICE = "sip:alice@127.0.0.1";
    @RegisterExtension
    static final OleloExtension OLELO = OleloExtension.started(null, "registrar", "proxy", "presence").setup(p -> {
        assertEquals(0, p.subscriber("add", "alice@127.0.0.1", "--password", "a1ice"));
        assertEquals(0, p.subscriber("add", "bob@127.0.0.1", "--password", "b0b"));
        assertEquals(0, p.subscriber("add", "carol@127.0.0.1", "--password", "c4rol"));
    });

    private static PresenceUa ua(String user, String password) throws Exception {
        return new PresenceUa(OLELO.port(), user, password);
    }

    private static String etag(String ok) {
        assertEquals(200, SipText.status(ok), ok);
        String etag = SipText.header(ok, "SIP-ETag");
        assertNotNull(etag, ok);
        return etag;
    }

    private static String basic(String notify) {
        String body = SipText.body(notify);
        int i = body.indexOf("<basic>");
        return i < 0 ? null : body.substring(i + 7, body.indexOf("</basic>", i));
    }

    @Test
    @Order(1)
    void aliceOpenBobSeesItThenClosedThenAWrongTagIs412AndBobUnsubscribes() throws Exception {
        try (PresenceUa alice = ua("alice", "a1ice"); PresenceUa bob = ua("bob", "b0b")) {
            String open = alice.publish(null, null, PresenceUa.pidf(ALICE, "pc", "open"));
            String etag = etag(open);
            assertEquals("3600", SipText.header(open, "Expires"), "the default expiry");

            String ok = bob.subscribe(ALICE, "presence", "600");
            assertEquals(200, SipText.status(ok), ok);
            assertEquals("600", SipText.header(ok, "Expires"));
            String first = bob.expectNotify("active");
            assertEquals("presence", SipText.header(first, "Event"));
            assertEquals("application/pidf+xml", SipText.header(first, "Content-Type"));
            assertEquals("open", basic(first), first);
            assertTrue(SipText.body(first).contains("entity=\"" + ALICE + "\""), first);

            String closed = alice.publish(etag, null, PresenceUa.pidf(ALICE, "pc", "closed"));
            String etag2 = etag(closed);
            assertNotEquals(etag, etag2, "a modification gets a new entity tag");
            assertEquals("closed", basic(bob.expectNotify("active")));

            assertEquals(412, SipText.status(alice.publish("no-such-tag", null, null)));
            assertEquals(412, SipText.status(alice.publish(etag, null, null)), "the replaced tag is gone");
            String refreshed = alice.publish(etag2, "1200", null);
            assertEquals("1200", SipText.header(refreshed, "Expires"));
            assertNotEquals(etag2, etag(refreshed));
            assertNull(bob.notifyRequest(700), "a refresh changes nothing a watcher sees");

            String bye = bob.resubscribe(ok, "presence", 3, "0");
            assertEquals(200, SipText.status(bye), bye);
            String last = bob.expectNotify("terminated");
            assertEquals("terminated;reason=timeout", SipText.header(last, "Subscription-State"));
            assertEquals("closed", basic(last), "the final NOTIFY carries the state");
        }
    }

    @Test
    @Order(2)
    void expiryLimitsOfPublishAndSubscribe() throws Exception {
        try (PresenceUa carol = ua("carol", "c4rol")) {
            String brief = carol.publish(null, "10", PresenceUa.pidf("sip:carol@127.0.0.1", "t", "open"));
            assertEquals(423, SipText.status(brief), brief);
            assertEquals("60", SipText.header(brief, "Min-Expires"));
            String longOne = carol.publish(null, "999999", PresenceUa.pidf("sip:carol@127.0.0.1", "t", "open"));
            assertEquals("7200", SipText.header(longOne, "Expires"), "cut to publish.max.expires");
            String subBrief = carol.subscribe(ALICE, "presence", "5");
            assertEquals(423, SipText.status(subBrief), subBrief);
            assertEquals("60", SipText.header(subBrief, "Min-Expires"));
            assertEquals(200, SipText.status(carol.publish(etag(longOne), "0", null)), "removed");
        }
    }

    @Test
    @Order(3)
    void badBodiesOtherEventsAndOtherPeoplesPresenceAreRefused() throws Exception {
        try (PresenceUa carol = ua("carol", "c4rol")) {
            String carolUri = "sip:carol@127.0.0.1";
            String plain = carol.publish(carolUri, null, null, "text/plain", "I am here");
            assertEquals(415, SipText.status(plain), plain);
            assertEquals("application/pidf+xml", SipText.header(plain, "Accept"));
            assertEquals(400, SipText.status(carol.publish(null, null, "<presence")), "not XML");
            String entity = "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                    + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"sip:carol@127.0.0.1\">"
                    + "<tuple id=\"t\"><status><basic>&x;</basic></status></tuple></presence>";
            String xxe = carol.publish(null, null, entity);
            assertEquals(400, SipText.status(xxe), xxe);
            assertFalse(xxe.contains("root:"), "nothing of the file comes back");
            assertEquals(400, SipText.status(carol.publish(null, null, "<presence xmlns=\"urn:other\" entity=\"x\"/>")));
            assertEquals(400, SipText.status(carol.publish(null, null, null)), "an initial PUBLISH needs a body");
            assertEquals(403, SipText.status(carol.publish(ALICE, null, null, null, PresenceUa.pidf(ALICE, "t", "open"))),
                    "carol may not publish alice's presence");
            String dialog = carol.subscribe(ALICE, "dialog", "600");
            assertTrue(SipText.status(dialog) != 489 && SipText.status(dialog) >= 400, dialog
                    + "\n(other packages go on to the user's devices, and alice has none)");
            assertNull(SipText.header(dialog, "Allow-Events"), dialog);
            String dialogState = carol.publish("dialog", carolUri, null, null, "application/dialog-info+xml", "<dialog-info/>");
            assertEquals(489, SipText.status(dialogState), dialogState);
            assertEquals("presence", SipText.header(dialogState, "Allow-Events").replace(" ", ""));
            String winfo = carol.subscribe(ALICE, "presence.winfo", "600");
            assertEquals(403, SipText.status(winfo), "only alice sees who watches alice");
        }
    }

    @Test
    @Order(4)
    void twoPublicationsAreComposedAndTheWatcherListFollowsTheWatchers() throws Exception {
        try (PresenceUa alice = ua("alice", "a1ice"); PresenceUa phone = ua("alice", "a1ice");
             PresenceUa bob = ua("bob", "b0b")) {
            String winfoOk = alice.subscribe(ALICE, "presence.winfo", "600");
            assertEquals(200, SipText.status(winfoOk), winfoOk);
            String list = alice.expectNotify("active");
            assertEquals("application/watcherinfo+xml", SipText.header(list, "Content-Type"));
            assertTrue(SipText.body(list).contains("version=\"0\""), list);

            String laptop = etag(alice.publish(null, null, PresenceUa.pidf(ALICE, "laptop", "closed")));
            etag(phone.publish(null, null, PresenceUa.pidf(ALICE, "phone", "open")));
            String ok = bob.subscribe(ALICE, "presence", "600");
            assertEquals(200, SipText.status(ok), ok);
            String both = SipText.body(bob.expectNotify("active"));
            assertTrue(both.contains("id=\"laptop\"") && both.contains("id=\"phone\""), both);

            String watchers = SipText.body(alice.expectNotify("active"));
            assertTrue(watchers.contains(">sip:bob@127.0.0.1</watcher>") && watchers.contains("status=\"active\"")
                    && watchers.contains("version=\"1\""), watchers);

            assertEquals(200, SipText.status(alice.publish(laptop, "0", null)));
            String one = SipText.body(bob.expectNotify("active"));
            assertTrue(!one.contains("id=\"laptop\"") && one.contains("id=\"phone\""), one);
            assertEquals(200, SipText.status(bob.resubscribe(ok, "presence", 3, "0")));
            bob.expectNotify("terminated");
            assertFalse(SipText.body(alice.expectNotify("active")).contains("bob"), "bob left the list");
        }
    }

    @Test
    @Order(5)
    void theLastStateSurvivesKillNineAndAnOlderWatcherGets481ThenSubscribesAgain() throws Exception {
        String before;
        try (PresenceUa carol = ua("carol", "c4rol"); PresenceUa bob = ua("bob", "b0b")) {
            etag(carol.publish(null, "3600", PresenceUa.pidf("sip:carol@127.0.0.1", "desk", "open")));
            before = bob.subscribe("sip:carol@127.0.0.1", "presence", "600");
            assertEquals(200, SipText.status(before), before);
            bob.expectNotify("active");
        }
        OLELO.process().kill9();
        OLELO.process().start();
        try (PresenceUa bob = ua("bob", "b0b")) {
            String refresh = bob.resubscribe(before, "presence", 5, "600");
            assertEquals(481, SipText.status(refresh), "the dialog is gone with the process: " + refresh);
            String ok = bob.subscribe("sip:carol@127.0.0.1", "presence", "600");
            assertEquals(200, SipText.status(ok), ok);
            String n = bob.expectNotify("active");
            assertEquals("open", basic(n), n);
            assertTrue(SipText.body(n).contains("id=\"desk\""), n);
        }
    }
}
