package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.method;
import static org.olelo.core.testkit.SipText.response;
import static org.olelo.core.testkit.SipText.status;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.internal.dialog.DialogTracker;
import org.olelo.container.internal.dialog.TrackedDialog;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.SipPeer;

/**
 * The dialog table with a B2BUA (the forwarding B2BUA: bob's calls go to carol), over UDP: each
 * leg is a dialog the application's user agent owns, confirmed once answered; ending one from the
 * management side sends BYE on each leg, once however often it is asked, and both legs leave the table.
 */
class B2buaDialogsTest {

    private static final long WAIT = 3000;
    private static final String ROUTING = "INVITE: (\"" + ForwardingB2buaApp.NAME
            + "\", \"DAR:From\", \"ORIGINATING\", \"\", \"NO_ROUTE\", \"0\")\n";

    @TempDir
    Path tmp;
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static List<TrackedDialog> await(DialogTracker t, int count, TrackedDialog.State state) throws Exception {
        long end = System.currentTimeMillis() + WAIT;
        List<TrackedDialog> l = t.list();
        while (!(l.size() == count && l.stream().allMatch(d -> d.state() == state)) && System.currentTimeMillis() < end) {
            Thread.sleep(20);
            l = t.list();
        }
        return l;
    }

    @Test
    void bothLegsAreTrackedAndEndingOneSendsByeOnEachLeg() throws Exception {
        server = TestServer.builder().app("forwarding", ForwardingB2buaApp.withTable("bob", "carol")).routing(ROUTING)
                .transport(SipPeer.Kind.UDP).start(tmp);
        DialogTracker dialogs = server.server().calls().dialogs();
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
            caller.send(ProxyFlowsTest.invite(caller, server.uriOf("bob", callee)));
            String forwarded = callee.receive(WAIT);
            assertNotNull(forwarded, "the forwarded INVITE");
            callee.send(ProxyFlowsTest.answer(forwarded, 200, "OK", "c1").contact("carol", callee));
            String ok = caller.next(WAIT);
            assertEquals(200, status(ok), ok);
            caller.send(ProxyFlowsTest.inDialog(caller, "ACK", ok, 1));
            assertEquals("ACK", method(callee.receive(WAIT)));
            List<TrackedDialog> legs = await(dialogs, 2, TrackedDialog.State.CONFIRMED);
            assertEquals(2, legs.size(), "one dialog per leg: " + legs);
            Set<String> callIds = legs.stream().map(d -> d.parties().callId()).collect(Collectors.toSet());
            assertEquals(Set.of(header(ok, "Call-ID"), header(forwarded, "Call-ID")), callIds);
            assertTrue(legs.stream().allMatch(d -> d.application().equals(ForwardingB2buaApp.NAME)
                    && !d.parties().proxied() && d.state() == TrackedDialog.State.CONFIRMED), legs.toString());

            assertTrue(dialogs.end(legs.get(0).id()));
            assertTrue(dialogs.end(legs.get(1).id()), "ending the other leg too sends nothing more");
            String toCallee = callee.receive(WAIT);
            assertNotNull(toCallee, "BYE on the callee's leg");
            assertEquals("BYE", method(toCallee), toCallee);
            assertEquals(header(forwarded, "Call-ID"), header(toCallee, "Call-ID"));
            callee.send(response(toCallee, 200, "OK", null, ""));
            String toCaller = caller.receive(WAIT);
            assertNotNull(toCaller, "BYE on the caller's leg");
            assertEquals("BYE", method(toCaller), toCaller);
            assertEquals(header(ok, "Call-ID"), header(toCaller, "Call-ID"));
            caller.send(response(toCaller, 200, "OK", null, ""));
            assertNull(callee.receive(500), "one BYE per leg");
            assertNull(caller.receive(10), "one BYE per leg");
            assertTrue(await(dialogs, 0, TrackedDialog.State.ENDED).isEmpty(), "both legs left the table");
            assertEquals(2, dialogs.ended());
        }
    }
}
