package org.olelo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipText;
import org.olelo.core.testkit.UdpPeer;

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

    private UdpPeer peer() throws Exception {
        return new UdpPeer(new InetSocketAddress("127.0.0.1", olelo.port()));
    }

    /** Alice's MESSAGE to {@code user}; returns the final answer. */
    private int message(String user, String body) throws Exception {
        try (UdpPeer alice = peer()) {
            return SipText.status(alice.finalResponseTo(SipBuilder.request("MESSAGE", "sip:" + user + "@127.0.0.1")
                    .via(alice).from("\"Alice\" <sip:alice@127.0.0.1>").body("text/plain;charset=utf-8", body)));
        }
    }

    private void register(UdpPeer ua, String user, int expires) throws Exception {
        String r = ua.finalResponseTo(SipBuilder.request("REGISTER", "sip:127.0.0.1").via(ua)
                .from("<sip:" + user + "@127.0.0.1>").to("<sip:" + user + "@127.0.0.1>").contact(user, ua)
                .header("Expires", Integer.toString(expires)));
        assertEquals(200, SipText.status(r), r);
    }

    /** The next MESSAGE the UA gets within {@code millis}, answered with {@code status}; null when none. */
    private static String nextMessage(UdpPeer ua, long millis, int status) throws Exception {
        String m = ua.receiveUntil(millis, s -> SipText.status(s) == -1 && SipText.method(s).equals("MESSAGE"));
        if (m != null) {
            ua.send(SipBuilder.response(m, status, status == 200 ? "OK" : "Error").toTag("bob" + SipBuilder.next()));
        }
        return m;
    }

    @Test
    void aMessageToARegisteredUserIsRelayedToTheContact() throws Exception {
        start(null);
        try (UdpPeer bob = peer(); UdpPeer alice = peer()) {
            register(bob, "bob", 60);
            String request = SipBuilder.request("MESSAGE", "sip:bob@127.0.0.1").via(alice)
                    .from("<sip:alice@127.0.0.1>").body("text/plain", "hi").build();
            alice.send(request);
            String m = nextMessage(bob, 5000, 200);
            assertNotNull(m, "bob got no MESSAGE");
            assertEquals("hi", SipText.body(m));
            assertEquals(200, SipText.status(alice.finalResponse(5000)));
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
        try (UdpPeer bob = peer()) {
            register(bob, "bob", 60);
            String first = nextMessage(bob, 10_000, 200);
            assertNotNull(first, "the stored MESSAGE was not delivered after the restart");
            assertEquals(TEXT, SipText.body(first));
            assertTrue(SipText.header(first, "From").startsWith("\"Alice\" <sip:alice@127.0.0.1>"), first);
            assertTrue(SipText.header(first, "To").contains("sip:bob@127.0.0.1"), first);
            assertEquals("text/plain;charset=utf-8", SipText.header(first, "Content-Type").replace(" ", ""), first);
            Instant date = ZonedDateTime.parse(SipText.header(first, "Date"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            assertTrue(!date.isBefore(before) && date.isBefore(Instant.now().minus(Duration.ofMillis(500))),
                    "Date is when the message was accepted, before the restart: " + date);
            String second = nextMessage(bob, 10_000, 200);
            assertNotNull(second, "the second stored MESSAGE was not delivered");
            assertEquals("second", SipText.body(second), "in the order they arrived");
            register(bob, "bob", 60);
            assertNull(nextMessage(bob, 2000, 200), "a delivered message is not delivered again");
        }
    }

    @Test
    void aFailedDeliveryIsKeptAndTriedAgainAtTheNextRegistration() throws Exception {
        start(null);
        assertEquals(202, message("bob", "persistent"));
        try (UdpPeer bob = peer()) {
            register(bob, "bob", 60);
            assertNotNull(nextMessage(bob, 10_000, 486), "first delivery");
            assertNull(nextMessage(bob, 1500, 200), "no second attempt before the next registration or the backoff");
            register(bob, "bob", 60);
            String again = nextMessage(bob, 10_000, 200);
            assertNotNull(again, "kept after the failure and delivered at the next registration");
            assertEquals("persistent", SipText.body(again));
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
        try (UdpPeer bob = peer()) {
            register(bob, "bob", 60);
            assertNull(nextMessage(bob, 2000, 200), "an expired message is not delivered");
        }
    }
}
