package org.olelo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.olelo.testclient.SipTestClient;

/**
 * No user enumeration through the location service: with the default deployment an unknown name,
 * a provisioned subscriber who never registered and a user whose bindings are gone get the same
 * answer to INVITE, OPTIONS and MESSAGE; {@code reveal.offline=always} tells them apart again.
 * The offline message store is turned off here ({@code msilo.enabled=false}): when it is on, a
 * MESSAGE for a known user is stored and answered 202 ({@link OfflineMessagesTest}), which tells
 * known users from unknown ones by design. Authentication is off so that the test registers with
 * plain REGISTERs.
 */
class OfflineUsersTest {

    @RegisterExtension
    final OleloExtension processes = OleloExtension.onDemand();
    private OleloProcess olelo;

    private void start(String registrarProperties) throws Exception {
        olelo = processes.create();
        assertEquals(0, olelo.subscriber("add", "carol@127.0.0.1", "--password", "c4rol"));
        olelo.appProperties("registrar", registrarProperties);
        olelo.start("auth.enabled=false");
        try (SipTestClient dave = dave()) {
            dave.register("sip:dave@127.0.0.1", null, null, 60).assertStatus(200);
            dave.register("sip:dave@127.0.0.1", null, null, 0).assertStatus(200);
        }
    }

    private SipTestClient dave() {
        return SipTestClient.udp().proxy("127.0.0.1:" + olelo.port()).identity("sip:dave@127.0.0.1");
    }

    /** The status line of the final response to a request from a fresh client (an INVITE's is acknowledged). */
    private String statusLine(String method, String user) {
        try (SipTestClient dave = dave()) {
            return dave.request(method, "sip:" + user + "@127.0.0.1").send().startLine();
        }
    }

    @Test
    void unknownAndOfflineUsersGetTheSameAnswer() throws Exception {
        start("msilo.enabled=false\n");
        for (String method : List.of("INVITE", "OPTIONS", "MESSAGE")) {
            String nobody = statusLine(method, "nobody");
            assertEquals("SIP/2.0 404 Not Found", nobody, method);
            assertEquals(nobody, statusLine(method, "carol"), method + " to a subscriber who never registered");
            assertEquals(nobody, statusLine(method, "dave"), method + " to a user whose binding is gone");
        }
    }

    @Test
    void revealOfflineAlwaysTellsThemApart() throws Exception {
        start("reveal.offline=always\nmsilo.enabled=false\n");
        for (String method : List.of("INVITE", "OPTIONS", "MESSAGE")) {
            assertEquals("SIP/2.0 404 Not Found", statusLine(method, "nobody"), method);
            assertEquals("SIP/2.0 480 Temporarily Unavailable", statusLine(method, "carol"), method);
            assertEquals("SIP/2.0 480 Temporarily Unavailable", statusLine(method, "dave"), method);
        }
    }
}
