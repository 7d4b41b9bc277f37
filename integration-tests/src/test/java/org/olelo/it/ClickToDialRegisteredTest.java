package org.olelo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.olelo.testclient.IncomingCall;
import org.olelo.testclient.SipTestClient;

/**
 * click-to-dial's REST API calling two users registered with digest through the default deployment:
 * the application's new INVITEs go through the application router like any initial request, so
 * the registrar's location service finds each party (RFC 3725 flow 1: A without an offer, B with
 * A's offer, A's ACK with B's answer); {@code DELETE} ends the call with a BYE to each.
 */
@Timeout(120)
class ClickToDialRegisteredTest {

    private static final String SDP_A = "v=0\r\no=party-a 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n";
    private static final String SDP_B = "v=0\r\no=party-b 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 5000 RTP/AVP 0\r\n";
    private static final ObjectMapper JSON = ClickToDialApi.JSON;

    @RegisterExtension
    static final OleloExtension OLELO = OleloExtension.started(null, "registrar", "click-to-dial").setup(p -> {
        assertEquals(0, p.subscriber("add", "alice@127.0.0.1", "--password", "al1ce"));
        assertEquals(0, p.subscriber("add", "bob@127.0.0.1", "--password", "b0b"));
    });

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        return ClickToDialApi.send(OLELO.process().httpBase(), method, path, body);
    }

    private static JsonNode awaitState(String id, String state) throws Exception {
        return ClickToDialApi.awaitState(OLELO.process().httpBase(), id, state);
    }

    @Test
    void postCallsTwoRegisteredUsersAndDeleteHangsUpBoth() throws Exception {
        String proxy = "127.0.0.1:" + OLELO.port();
        try (SipTestClient alice = SipTestClient.udp().proxy(proxy); SipTestClient bob = SipTestClient.tcp().proxy(proxy)) {
            alice.register("sip:alice@127.0.0.1", "alice", "al1ce").assertStatus(200);
            bob.register("sip:bob@127.0.0.1", "bob", "b0b").assertStatus(200);

            HttpResponse<String> created = send("POST", "/click-to-dial/calls",
                    "{\"from\":\"sip:alice@127.0.0.1\",\"to\":\"sip:bob@127.0.0.1\"}");
            assertEquals(202, created.statusCode(), created.body());
            String id = JSON.readTree(created.body()).get("id").asText();

            IncomingCall a = alice.expectCall();
            assertTrue(a.invite().bodyText().isEmpty(), "A is called without an offer:\n" + a.invite());
            a.answer(SDP_A);
            IncomingCall b = bob.expectCall();
            assertTrue(b.invite().bodyText().contains("o=party-a"), "B's INVITE carries A's offer:\n" + b.invite());
            b.answer(SDP_B);
            b.expectAck();
            assertTrue(a.expectAck().bodyText().contains("o=party-b"), "A's ACK carries B's answer");
            awaitState(id, "connected");

            assertEquals(202, send("DELETE", "/click-to-dial/calls/" + id, null).statusCode());
            a.expectBye();
            b.expectBye();
            awaitState(id, "ended");
        }
    }
}
