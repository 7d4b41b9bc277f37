package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.olelo.container.flows.ProxyFlowsTest.invite;
import static org.olelo.container.flows.ProxyFlowsTest.proxyServer;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.headers;
import static org.olelo.core.testkit.SipText.status;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;

/**
 * Responses a proxy relays upstream leave as the bytes the callee sent with only the proxy's Via
 * taken out (header order, spacing, compact names and unknown headers as they came), and a
 * response something else changed on the way (the application in doResponse, the proxy turning a
 * 503 into a 500) leaves with that change.
 */
class RelayedResponseBytesTest {

    private static final long WAIT = 3000;

    @TempDir
    Path tmp;
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A response in the callee's own style to the relayed request {@code inv}; its top Via first, in compact form. */
    private static String oddlyWritten(String inv, int status, String reason, boolean viasOnOneLine) {
        List<String> vias = headers(inv, "Via");
        String via = viasOnOneLine ? "Via: " + vias.get(0) + " ,  " + String.join(", ", vias.subList(1, vias.size())) + "\r\n"
                : "v:  " + vias.get(0) + "\r\n" + vias.subList(1, vias.size()).stream()
                        .map(v -> "Via:" + v + "\r\n").reduce("", String::concat);
        StringBuilder rr = new StringBuilder();
        for (String r : headers(inv, "Record-Route")) {
            rr.append("Record-Route:   ").append(r).append("\r\n");
        }
        String body = "v=0\r\no=bob 1 1 IN IP4 127.0.0.1\r\n";
        return "SIP/2.0 " + status + " " + reason + "\r\n"
                + via
                + "X-Odd-Header :  kept  as   written ;x=\"a,b\"\r\n"
                + "f: " + header(inv, "From") + "\r\n"
                + "t:" + header(inv, "To") + ";tag=b1\r\n"
                + "i: " + header(inv, "Call-ID") + "\r\n"
                + "CSeq:    " + header(inv, "CSeq") + "\r\n"
                + rr
                + "m: <sip:bob@127.0.0.1:9>;expires=60\r\n"
                + "c: application/sdp\r\n"
                + "l: " + body.length() + "\r\n"
                + "\r\n" + body;
    }

    /** {@code sent} without its first Via value, as a proxy that only takes its own Via out writes it. */
    private static String withoutTopVia(String sent, boolean viasOnOneLine) {
        if (viasOnOneLine) {
            return sent.replaceFirst("Via: [^,]*,\\s*", "Via: ");
        }
        return sent.replaceFirst("v:  [^\r]*\r\n", "");
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void relayedResponsesAreTheCalleesBytesWithoutOurVia(SipPeer.Kind kind) throws Exception {
        server = proxyServer(kind).start(tmp);
        for (boolean oneLine : new boolean[] {false, true}) {
            try (SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
                String request = invite(caller, server.uriOf("bob", callee)).build();
                caller.send(request);
                String inv = callee.receiveUntil(WAIT, m -> m.startsWith("INVITE "));
                assertNotNull(inv, "the INVITE reached the callee");
                String ringing = oddlyWritten(inv, 180, "Ringing", oneLine);
                callee.send(ringing);
                assertEquals(withoutTopVia(ringing, oneLine), caller.next(WAIT), "the 180 as the callee wrote it");
                String ok = oddlyWritten(inv, 200, "OK", oneLine);
                callee.send(ok);
                String got = caller.finalResponse(WAIT);
                assertEquals(withoutTopVia(ok, oneLine), got, "the 200 as the callee wrote it");
                caller.send(SipBuilder.ack(request, got));
            }
        }
    }

    @Test
    void aHeaderTheApplicationSetsInDoResponseIsSent() throws Exception {
        server = proxyServer(SipPeer.Kind.MEMORY).start(tmp);
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
            caller.send(invite(caller, server.uriOf("bob", callee)).header("X-Report-Branches", "yes"));
            String inv = callee.receiveUntil(WAIT, m -> m.startsWith("INVITE "));
            assertNotNull(inv);
            callee.send(oddlyWritten(inv, 486, "Busy Here", false));
            String got = caller.finalResponse(WAIT);
            assertEquals(486, status(got));
            assertEquals("bob", header(got, "X-Branches"), got);
            assertEquals(1, headers(got, "Via").size(), got);
        }
    }

    @Test
    void a503TheProxyTurnsInto500IsSentAs500() throws Exception {
        server = proxyServer(SipPeer.Kind.MEMORY).start(tmp);
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
            caller.send(invite(caller, server.uriOf("bob", callee)).header("X-Unsupervised", "yes"));
            String inv = callee.receiveUntil(WAIT, m -> m.startsWith("INVITE "));
            assertNotNull(inv);
            callee.send(oddlyWritten(inv, 503, "Service Unavailable", false));
            String got = caller.finalResponse(WAIT);
            assertTrue(got.startsWith("SIP/2.0 500 "), got);
            assertEquals(1, headers(got, "Via").size(), got);
        }
    }
}
