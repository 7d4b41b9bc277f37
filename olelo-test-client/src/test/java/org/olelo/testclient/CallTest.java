package org.olelo.testclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Two test clients calling each other directly over UDP and over TCP. */
class CallTest {

    private static final String SDP = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n";

    private static Supplier<SipTestClient> kind(String transport) {
        return transport.equals("tcp") ? SipTestClient::tcp : SipTestClient::udp;
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void aCallIsRungAnsweredAcknowledgedAndHungUp(String transport) {
        try (SipTestClient alice = kind(transport).get(); SipTestClient bob = kind(transport).get()) {
            OutgoingCall call = alice.call(bob.uri("bob"), SDP);
            IncomingCall incoming = bob.expectCall().ring();
            assertEquals(SDP, incoming.invite().bodyText());
            call.expect(180);
            incoming.answer(SDP.replace("4000", "4002"));
            assertTrue(call.expectAnswer().bodyText().contains("m=audio 4002"));
            call.ack();
            assertEquals("ACK", incoming.expectAck().method());
            call.bye().assertStatus(200);
            incoming.expectBye();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void theCalleeHangsUp(String transport) {
        try (SipTestClient alice = kind(transport).get(); SipTestClient bob = kind(transport).get()) {
            OutgoingCall call = alice.call(bob.uri("bob"), SDP);
            IncomingCall incoming = bob.expectCall().answer(SDP);
            call.expectAnswer();
            call.ack();
            incoming.expectAck();
            incoming.bye().assertStatus(200);
            assertEquals(incoming.invite().callId(), call.expectBye().callId());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void aRejectedCallIsAcknowledgedByTheCaller(String transport) {
        try (SipTestClient alice = kind(transport).get(); SipTestClient bob = kind(transport).get()) {
            OutgoingCall call = alice.call(bob.uri("bob"));
            bob.expectCall().reject(486);
            call.expect(486);
            AssertionError e = assertThrows(AssertionError.class, () -> call.expect(200));
            assertTrue(e.getMessage().contains("within"), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void aRingingCallIsCancelled(String transport) {
        try (SipTestClient alice = kind(transport).get(); SipTestClient bob = kind(transport).get()) {
            OutgoingCall call = alice.call(bob.uri("bob"));
            IncomingCall incoming = bob.expectCall().ring();
            call.expect(180);
            call.cancel().assertStatus(200);
            call.expect(487);
            assertEquals("CANCEL", incoming.expectCancel().method());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void aMessageIsAnswered(String transport) {
        try (SipTestClient alice = kind(transport).get(); SipTestClient bob = kind(transport).get()) {
            alice.identity("sip:alice@127.0.0.1");
            Thread answer = new Thread(() -> bob.expectRequest("MESSAGE").assertBodyContains("hello \u263a")
                    .assertHeader("From", "sip:alice@127.0.0.1").respond(200));
            answer.start();
            alice.message(bob.uri("bob"), "hello \u263a").assertStatus(200);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void aWaitThatTimesOutSaysWhatArrivedInstead(String transport) {
        try (SipTestClient alice = kind(transport).get(); SipTestClient bob = kind(transport).get()) {
            bob.timeout(Duration.ofMillis(300));
            AssertionError nothing = assertThrows(AssertionError.class, bob::expectCall);
            assertTrue(nothing.getMessage().contains("expected an INVITE within 300 ms") && nothing.getMessage().contains("received nothing"),
                    nothing.getMessage());
            alice.timeout(Duration.ofMillis(300)).request("MESSAGE", bob.uri("bob")).body("text/plain", "x").send(Duration.ofMillis(300))
                    .assertStatus(408);
        } catch (AssertionError e) {
            assertTrue(e.getMessage().contains("a final response to MESSAGE"), e.getMessage());
        }
        try (SipTestClient alice = kind(transport).get(); SipTestClient bob = kind(transport).get()) {
            bob.timeout(Duration.ofMillis(300));
            alice.request("OPTIONS", bob.uri("bob")).start();
            AssertionError e = assertThrows(AssertionError.class, bob::expectCall);
            assertTrue(e.getMessage().contains("received only:") && e.getMessage().contains("OPTIONS " + bob.uri("bob")), e.getMessage());
        }
    }
}
