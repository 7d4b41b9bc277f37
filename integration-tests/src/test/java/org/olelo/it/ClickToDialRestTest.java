package org.olelo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The REST API of the converged {@code click-to-dial} sample in a real {@code olelo.jar} process:
 * {@code POST /click-to-dial/calls} calls two sipp phones (A without an offer, then B with A's
 * offer), {@code GET} shows the call connected, {@code DELETE} ends it with a BYE to each phone;
 * bad JSON gets 400 and an unknown call 404, each with a JSON error.
 */
@Timeout(120)
class ClickToDialRestTest {

    private static final String HOST = "127.0.0.1";
    private static final ObjectMapper JSON = ClickToDialApi.JSON;

    @RegisterExtension
    static final OleloExtension OLELO = OleloExtension.started(ClickToDialTest.ROUTING, "click-to-dial");
    @RegisterExtension
    final SippRunner sipp = new SippRunner();

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        return ClickToDialApi.send(OLELO.process().httpBase(), method, path, body);
    }

    private static JsonNode awaitState(String id, String state) throws Exception {
        return ClickToDialApi.awaitState(OLELO.process().httpBase(), id, state);
    }

    @Test
    void postConnectsTheTwoPartiesGetShowsItAndDeleteSendsByeToBoth() throws Exception {
        int aPort = FreePorts.udp();
        int bPort = FreePorts.udp();
        SippRunner.Run a = sipp.start("a", "uas-3pcc-a.xml", "-t", "u1", "-i", HOST, "-p", Integer.toString(aPort), "-m", "1");
        a.awaitListening("u1", aPort);
        SippRunner.Run b = sipp.start("b", "uas.xml", "-t", "u1", "-i", HOST, "-p", Integer.toString(bPort), "-m", "1");
        b.awaitListening("u1", bPort);

        String from = "sip:alice@" + HOST + ":" + aPort;
        String to = "sip:bob@" + HOST + ":" + bPort;
        HttpResponse<String> created = send("POST", "/click-to-dial/calls",
                "{\"from\":\"" + from + "\",\"to\":\"" + to + "\"}");
        assertEquals(202, created.statusCode(), created.body());
        String id = JSON.readTree(created.body()).get("id").asText();
        assertEquals("/click-to-dial/calls/" + id, created.headers().firstValue("Location").orElse(""));

        JsonNode connected = awaitState(id, "connected");
        assertEquals(from, connected.get("from").asText());
        assertEquals(to, connected.get("to").asText());

        HttpResponse<String> deleted = send("DELETE", "/click-to-dial/calls/" + id, null);
        assertEquals(202, deleted.statusCode(), deleted.body());
        SippResult ra = a.await(Duration.ofSeconds(20));
        SippResult rb = b.await(Duration.ofSeconds(20));
        assertTrue(ra.allSuccessful(1) && rb.allSuccessful(1),
                () -> "expected a BYE to each party\n" + ra.describe() + "\n\n" + rb.describe());
        awaitState(id, "ended");

        String inviteToB = SippMessages.read(rb.dir()).stream()
                .filter(m -> m.received() && m.startLine().startsWith("INVITE ")).findFirst().orElseThrow().text();
        assertTrue(inviteToB.contains("o=party-a"), "B's INVITE must carry A's offer:\n" + inviteToB);
    }

    @Test
    void badJsonAndUnknownCallsGetJsonErrors() throws Exception {
        HttpResponse<String> bad = send("POST", "/click-to-dial/calls", "{\"from\": ");
        assertEquals(400, bad.statusCode());
        assertTrue(JSON.readTree(bad.body()).get("error").isTextual(), bad.body());

        HttpResponse<String> notSip = send("POST", "/click-to-dial/calls", "{\"from\":\"mailto:a@b\",\"to\":\"sip:b@c\"}");
        assertEquals(400, notSip.statusCode());
        assertTrue(JSON.readTree(notSip.body()).get("error").asText().contains("not a SIP address"), notSip.body());

        HttpResponse<String> missing = send("POST", "/click-to-dial/calls", "{\"from\":\"sip:a@b\"}");
        assertEquals(400, missing.statusCode(), missing.body());

        HttpResponse<String> unknown = send("GET", "/click-to-dial/calls/nope", null);
        assertEquals(404, unknown.statusCode());
        assertEquals("no such call", JSON.readTree(unknown.body()).get("error").asText());
        assertEquals(404, send("DELETE", "/click-to-dial/calls/nope", null).statusCode());
    }
}
