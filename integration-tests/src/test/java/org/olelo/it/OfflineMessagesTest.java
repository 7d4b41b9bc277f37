package org.olelo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.olelo.testclient.IncomingRequest;
import org.olelo.testclient.SipMessage;
import org.olelo.testclient.SipTestClient;

/**
 * Instant messages (RFC 3428) through the default deployment, and the registrar's offline store
 * (Kamailio's msilo): relayed to a registered user; for a known user without contact, stored
 * before the 202, kept across {@code kill -9}, and delivered with its original From, body,
 * Content-Type and a Date when the user registers; the per-user and body limits; expiry.
 * Authentication is off so that the test registers with plain REGISTERs.
 */
class OfflineMessagesTest {

    private static final String TEXT = "Hello Bob, call me back \u263a";

    @RegisterExtension
    final OleloExtension processes = OleloExtension.onDemand();
    private OleloProcess olelo;

    private void start(String registrarProperties) throws Exception {
        olelo = processes.create();
        assertEquals(0, olelo.subscriber("add", "bob@127.0.0.1", "--password", "b0b"));
        assertEquals(0, olelo.subscriber("add", "carol@127.0.0.1", "--password", "c4rol"));
        if (registrarProperties != null) {
            olelo.appProperties("registrar", registrarProperties);
        }
        olelo.start("auth.enabled=false");
    }

    private SipTestClient client() {
        return SipTestClient.udp().proxy("127.0.0.1:" + olelo.port());
    }

    /** Alice's MESSAGE to {@code user}; returns the final answer. */
    private int message(String user, String body) {
        try (SipTestClient alice = client()) {
            return alice.request("MESSAGE", "sip:" + user + "@127.0.0.1").header("From", "\"Alice\" <sip:alice@127.0.0.1>")
                    .body("text/plain;charset=utf-8", body).send().status();
        }
    }

    private static void register(SipTestClient ua, String user) {
        ua.register("sip:" + user + "@127.0.0.1", null, null, 60).assertStatus(200);
    }

    /** The next MESSAGE the UA gets within {@code millis}, answered with {@code status}; null when none. */
    private static SipMessage nextMessage(SipTestClient ua, long millis, int status) {
        IncomingRequest m = ua.pollRequest("MESSAGE", Duration.ofMillis(millis));
        return m == null ? null : m.respond(status).request();
    }

    @Test
    void aMessageToARegisteredUserIsRelayedToTheContact() throws Exception {
        start(null);
        try (SipTestClient bob = client(); SipTestClient alice = client()) {
            register(bob, "bob");
            Thread answer = new Thread(() -> bob.expectRequest("MESSAGE").assertBodyContains("hi").respond(200));
            answer.start();
            alice.identity("sip:alice@127.0.0.1").message("sip:bob@127.0.0.1", "hi").assertStatus(200);
            answer.join();
        }
    }

    @Test
    void aMessageForAnOfflineUserSurvivesKillNineAndIsDeliveredWhenTheUserRegisters() throws Exception {
        start(null);
        Instant before = Instant.now().minusSeconds(1);
        assertEquals(202, message("bob", TEXT));
        assertEquals(202, message("bob", "second"));
        assertEquals(404, message("nobody", "lost"), "an unknown user gets what other requests get");
        olelo.kill9();
        olelo.start("auth.enabled=false");
        try (SipTestClient bob = client()) {
            register(bob, "bob");
            SipMessage first = nextMessage(bob, 10_000, 200);
            assertNotNull(first, "the stored MESSAGE was not delivered after the restart");
            assertEquals(TEXT, first.bodyText());
            assertTrue(first.header("From").startsWith("\"Alice\" <sip:alice@127.0.0.1>"), first.toString());
            assertTrue(first.header("To").contains("sip:bob@127.0.0.1"), first.toString());
            assertEquals("text/plain;charset=utf-8", first.header("Content-Type").replace(" ", ""), first.toString());
            Instant date = ZonedDateTime.parse(first.header("Date"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            assertTrue(!date.isBefore(before) && date.isBefore(Instant.now().minus(Duration.ofMillis(500))),
                    "Date is when the message was accepted, before the restart: " + date);
            SipMessage second = nextMessage(bob, 10_000, 200);
            assertNotNull(second, "the second stored MESSAGE was not delivered");
            assertEquals("second", second.bodyText(), "in the order they arrived");
            register(bob, "bob");
            assertNull(nextMessage(bob, 2000, 200), "a delivered message is not delivered again");
        }
    }

    @Test
    void aFailedDeliveryIsKeptAndTriedAgainAtTheNextRegistration() throws Exception {
        start(null);
        assertEquals(202, message("bob", "persistent"));
        try (SipTestClient bob = client()) {
            register(bob, "bob");
            assertNotNull(nextMessage(bob, 10_000, 486), "first delivery");
            assertNull(nextMessage(bob, 1500, 200), "no second attempt before the next registration or the backoff");
            register(bob, "bob");
            SipMessage again = nextMessage(bob, 10_000, 200);
            assertNotNull(again, "kept after the failure and delivered at the next registration");
            assertEquals("persistent", again.bodyText());
        }
    }

    @Test
    void theStoreIsLimitedPerUserAndByBodySize() throws Exception {
        start("msilo.max.messages=2\nmsilo.max.body=100\n");
        assertEquals(202, message("bob", "one"));
        assertEquals(202, message("bob", "two"));
        assertEquals(480, message("bob", "three"), "mailbox full");
        assertEquals(413, message("carol", "x".repeat(101)), "body too large");
        assertEquals(202, message("carol", "x".repeat(100)));
    }

    @Test
    void expiredMessagesAreRemovedAndNeverDelivered() throws Exception {
        start("msilo.expires=1\nmsilo.sweep.interval=1\n");
        assertEquals(202, message("bob", "too late"));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!olelo.log().contains("removed 1 expired") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(olelo.log().contains("removed 1 expired"), olelo.log());
        try (SipTestClient bob = client()) {
            register(bob, "bob");
            assertNull(nextMessage(bob, 2000, 200), "an expired message is not delivered");
        }
    }
}
