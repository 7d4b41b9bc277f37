package org.olelo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** click-to-dial's REST API as the tests call it: real HTTP requests to the server's listener. */
final class ClickToDialApi {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ClickToDialApi() {
    }

    /** One request to {@code base + path}, with a JSON body when {@code body} is not null. */
    static HttpResponse<String> send(String base, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Reads the call until it is in {@code state} (at most 10 s), checking each answer is JSON. */
    static JsonNode awaitState(String base, String id, String state) throws Exception {
        JsonNode last = null;
        for (int i = 0; i < 100; i++) {
            HttpResponse<String> r = send(base, "GET", "/click-to-dial/calls/" + id, null);
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("application/json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            last = JSON.readTree(r.body());
            if (last.get("state").asText().equals(state)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("call " + id + " never " + state + ": " + last);
    }
}
