package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.olelo.container.flows.ProxyFlowsTest.invite;
import static org.olelo.container.flows.ProxyFlowsTest.proxyServer;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.headers;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.olelo.container.testkit.CommonApps;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;

/**
 * An ACK for a 2xx and a BYE that the record-routing proxy relays in the dialog leave as the bytes
 * the caller sent but for our Via pushed, our Route entry popped, Max-Forwards one less and the
 * caller's Via marked with where it came from (rport, received); an ACK or BYE an application
 * added a header to leaves with that header.
 */
class RelayedRequestBytesTest {

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

    /** Sets up a call through the proxy; returns the 200 the caller got. */
    private static String call(SipPeer caller, SipPeer callee, String ruri) throws Exception {
        caller.send(invite(caller, ruri));
        String inv = callee.receiveUntil(WAIT, m -> m.startsWith("INVITE "));
        assertNotNull(inv, "the INVITE reached the callee");
        callee.send(ProxyFlowsTest.answer(inv, 200, "OK", "b1").contact("bob", callee));
        String ok = caller.finalResponse(WAIT);
        assertNotNull(ok, "the 200 reached the caller");
        return ok;
    }

    /** The caller's request in the dialog in its own style: compact names, odd spacing, an unknown header. */
    private static String odd(String method, SipPeer caller, String ok, int cseq) {
        String r = SipBuilder.inDialog(method, ok).via(caller).cseq(cseq).build();
        return r.replace("Max-Forwards: 70\r\n", "Max-Forwards:   70\r\nX-Odd-Header :  kept  as   written\r\n")
                .replace("\r\nFrom: ", "\r\nf:")
                .replace("\r\nCall-ID: ", "\r\ni:  ");
    }

    /**
     * What a relay of {@code sent} must look like: our Via (taken from {@code got}) on top, the
     * caller's Via marked with its source, our Route entry popped, Max-Forwards one less.
     */
    private static String relayed(String sent, String got, SipPeer caller) {
        int second = got.indexOf("\r\n") + 2;
        String ours = got.substring(second, got.indexOf("\r\n", second) + 2);
        assertTrue(ours.startsWith("Via: SIP/2.0/"), got);
        String callerVia = headers(sent, "Via").get(0);
        String source = caller.address().getAddress().getHostAddress();
        return sent.replaceFirst("\r\n", "\r\n" + java.util.regex.Matcher.quoteReplacement(ours))
                .replace(callerVia, callerVia.replace(";rport", ";rport=" + caller.address().getPort() + ";received=" + source))
                .replaceFirst("Route: [^\r]*\r\n", "")
                .replace("Max-Forwards:   70", "Max-Forwards:   69");
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void aRelayedAckAndByeAreTheCallersBytesWithTheProxysEditsOnly(SipPeer.Kind kind) throws Exception {
        server = proxyServer(kind).start(tmp);
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
            String ok = call(caller, callee, server.uriOf("bob", callee));
            String ack = odd("ACK", caller, ok, 1);
            caller.send(ack);
            String got = callee.receiveUntil(WAIT, m -> m.startsWith("ACK "));
            assertNotNull(got, "the ACK reached the callee");
            assertEquals(relayed(ack, got, caller), got);
            String bye = odd("BYE", caller, ok, 2);
            caller.send(bye);
            got = callee.receiveUntil(WAIT, m -> m.startsWith("BYE "));
            assertNotNull(got, "the BYE reached the callee");
            assertEquals(relayed(bye, got, caller), got);
            callee.send(SipBuilder.response(got, 200, "OK"));
            assertEquals(200, org.olelo.core.testkit.SipText.status(caller.finalResponse(WAIT)));
        }
    }

    @Test
    void aHeaderAnApplicationAddsToTheAckOrByeIsSent() throws Exception {
        server = TestServer.builder().app("rec", CommonApps.recorder("rec")).routeAllTo("rec")
                .transport(SipPeer.Kind.MEMORY).start(tmp);
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
            String ok = call(caller, callee, server.uriOf("bob", callee));
            caller.send(odd("ACK", caller, ok, 1));
            String got = callee.receiveUntil(WAIT, m -> m.startsWith("ACK "));
            assertNotNull(got, "the ACK reached the callee");
            assertEquals("rec", header(got, "X-Seen-ACK"), got);
            assertEquals(2, headers(got, "Via").size(), got);
            caller.send(odd("BYE", caller, ok, 2));
            got = callee.receiveUntil(WAIT, m -> m.startsWith("BYE "));
            assertNotNull(got, "the BYE reached the callee");
            assertEquals("rec", header(got, "X-Seen-BYE"), got);
            assertEquals(2, headers(got, "Via").size(), got);
        }
    }
}
