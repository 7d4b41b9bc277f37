package org.olelo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipText;
import org.olelo.core.testkit.UdpPeer;

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
        String contact = "Contact: <sip:dave@127.0.0.1:5995>\r\nExpires: ";
        assertEquals(200, SipText.status(send("REGISTER", "sip:127.0.0.1", "dave", contact + "60\r\n")));
        assertEquals(200, SipText.status(send("REGISTER", "sip:127.0.0.1", "dave", contact + "0\r\n")));
    }

    /** Sends a request from a fresh socket; returns the final response (an INVITE's is acknowledged). */
    private String send(String method, String ruri, String toUser, String extra) throws Exception {
        try (UdpPeer peer = new UdpPeer(new InetSocketAddress("127.0.0.1", olelo.port()))) {
            String request = SipBuilder.request(method, ruri).via(peer).from("<sip:dave@127.0.0.1>")
                    .to("<sip:" + toUser + "@127.0.0.1>").lines(extra).build();
            String r = peer.finalResponseTo(request);
            if (method.equals("INVITE")) {
                peer.send(SipBuilder.ack(request, r));
            }
            return r;
        }
    }

    private String statusLine(String method, String user) throws Exception {
        return send(method, "sip:" + user + "@127.0.0.1", user, "").lines().findFirst().orElseThrow();
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
