package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.method;
import static org.olelo.core.testkit.SipText.status;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.olelo.container.internal.session.SipSessionImpl;
import org.olelo.container.testkit.CommonApps;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.stats.CoreStatistics;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;

/**
 * Requests that look as if they belonged to a dialog are relayed only along a Record-Route this
 * server signed for that dialog. The "foreign" host is a name the test resolver maps to a local peer.
 */
class InDialogRelayTest {

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

    /** A request with a To tag from {@code from}, with the given Request-URI, extra headers and Call-ID. */
    private static SipBuilder probe(SipPeer from, String method, String ruri, String extra, String callId) {
        return SipBuilder.request(method, ruri).via(from).from("<sip:attacker@127.0.0.1>").toTag("b" + SipBuilder.next())
                .callId(callId).contact("<sip:attacker@127.0.0.1:" + from.address().getPort() + ">").lines(extra);
    }

    private TestServer proxy(SipPeer.Kind kind) throws Exception {
        server = TestServer.builder().app("proxy", CommonApps.forkingProxy()).routeAllTo("proxy").transport(kind).start(tmp);
        return server;
    }

    private String victimUri(SipPeer victim) {
        String tp = server.kind() == SipPeer.Kind.TCP ? ";transport=tcp" : "";
        return "sip:victim@victim.example.com:" + victim.address().getPort() + tp;
    }

    private static String finalResponse(SipPeer p) throws Exception {
        return p.next(WAIT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MESSAGE", "INVITE", "INFO", "BYE"})
    void requestsWithAToTagForAForeignHostReachNobody(String method) throws Exception {
        proxy(SipPeer.Kind.UDP);
        try (SipPeer attacker = server.caller(); SipPeer victim = server.callee()) {
            attacker.send(probe(attacker, method, victimUri(victim), "", "relay-" + SipBuilder.next() + "@probe"));
            String answer = finalResponse(attacker);
            assertNotNull(answer);
            assertEquals(403, status(answer), answer);
            if (method.equals("INVITE")) {
                attacker.send(probe(attacker, "ACK", victimUri(victim), "", "relay-ack@probe"));
            }
            assertNull(victim.receive(2000), "nothing reaches the target (one MESSAGE used to become 11 copies)");
            assertTrue(server.server().core().statistics().get(CoreStatistics.Event.RELAY_REFUSED) >= 1);
        }
    }

    @Test
    void aRequestWithAToTagForThisServerThatMatchesNoDialogGets481() throws Exception {
        proxy(SipPeer.Kind.UDP);
        try (SipPeer attacker = server.caller()) {
            String self = "sip:nobody@127.0.0.1:" + server.address().getPort();
            attacker.send(probe(attacker, "BYE", self, "", "nodialog@probe"));
            assertEquals(481, status(finalResponse(attacker)));
        }
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void forgedAndReplayedRoutesOfThisServerAreRefused(SipPeer.Kind kind) throws Exception {
        proxy(kind);
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee(); SipPeer victim = server.callee()) {
            String ok = establish(caller, callee);
            String route = header(ok, "Record-Route");
            String token = param(route, "olt");
            String session = param(route, "ol");
            String us = "sip:127.0.0.1:" + server.address().getPort() + (kind == SipPeer.Kind.TCP ? ";transport=tcp" : "");
            String[] forged = {
                "Route: " + route + "\r\n",                                             // this dialog's token, another Call-ID
                "Route: <" + us + ";lr;ol=" + session + ";olt=AAAAAAAAAAAAAAAAAAAAAA>\r\n", // a made-up token
                "Route: <" + us + ";lr;ol=" + session + ">\r\n",                          // a session and no token
                "Route: <" + us + ";lr;ol=" + session + ";olt=" + token + ";x=1>\r\n",     // a parameter added
            };
            for (String r : forged) {
                caller.send(probe(caller, "MESSAGE", victimUri(victim), r, "other-" + SipBuilder.next() + "@probe"));
                String answer = finalResponse(caller);
                assertNotNull(answer, r);
                assertEquals(403, status(answer), r + answer);
            }
            assertNull(victim.receive(1000), "the target got nothing");
            bye(caller, callee, ok); // the real dialog still works
        }
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void aRecordRoutedDialogGoesOnAfterTheProxySessionEnded(SipPeer.Kind kind) throws Exception {
        proxy(kind);
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
            String ok = establish(caller, callee);
            SipSessionImpl s = server.server().runtime().sessions().sipSession(param(header(ok, "Record-Route"), "ol"));
            assertNotNull(s, "the proxy's session");
            s.parent().executor().execute(() -> s.parent().invalidate());
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (s.isValid() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertFalse(s.isValid(), "the proxy's application session ended");
            bye(caller, callee, ok);
        }
    }

    @Test
    void aRecordRoutedDialogOutlivesARestartOfTheServer() throws Exception {
        proxy(SipPeer.Kind.MEMORY);
        String ok;
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
            ok = establish(caller, callee);
        }
        server.close();
        proxy(SipPeer.Kind.MEMORY); // same data folder, same key, same addresses
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
            bye(caller, callee, ok);
        }
    }

    /** INVITE, 200 and ACK (sent without Max-Forwards) through the record-routing proxy; the 200 as the caller got it. */
    private String establish(SipPeer caller, SipPeer callee) throws Exception {
        String ruri = server.uriOf("bob", callee);
        caller.send(SipBuilder.request("INVITE", ruri).via(caller).from("<sip:alice@127.0.0.1>").contact("alice", caller));
        String inv = callee.receive(WAIT);
        assertNotNull(inv, "INVITE relayed");
        callee.send(SipBuilder.response(inv, 200, "OK").toTag("bob" + SipBuilder.next()).contact("bob", callee));
        String ok = finalResponse(caller);
        assertEquals(200, status(ok));
        assertTrue(param(header(ok, "Record-Route"), "olt").matches("[A-Za-z0-9_-]{16}"), "a signed Record-Route: " + ok);
        caller.send(inDialog(caller, "ACK", ok, 1, false));
        String ack = callee.receive(WAIT);
        assertNotNull(ack, "ACK relayed along the Record-Route");
        assertEquals("ACK", method(ack));
        assertEquals("69", header(ack, "Max-Forwards"), "an ACK without Max-Forwards counts as 70 and takes a hop");
        return ok;
    }

    private void bye(SipPeer caller, SipPeer callee, String ok) throws Exception {
        caller.send(inDialog(caller, "BYE", ok, 2, true));
        String bye = callee.receive(WAIT);
        assertNotNull(bye, "the dialog's BYE goes through");
        assertEquals("BYE", method(bye));
        callee.send(SipBuilder.response(bye, 200, "OK"));
        assertEquals(200, status(finalResponse(caller)));
    }

    private static SipBuilder inDialog(SipPeer caller, String method, String ok, int cseq, boolean maxForwards) {
        return SipBuilder.inDialog(method, ok).via(caller).cseq(cseq).maxForwards(maxForwards ? 70 : null);
    }

    private static String param(String uri, String name) {
        Matcher m = Pattern.compile(";" + name + "=([^;>]+)").matcher(uri);
        assertTrue(m.find(), name + " in " + uri);
        return m.group(1);
    }
}
