package org.olelo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Calls through the {@code b2bua} sample application in a real {@code olelo.jar} process, sipp on
 * both sides: requests inside the dialog in both directions, topology hiding (checked on what each
 * sipp logged), busy and CANCEL relayed, two early dialogs of a forking callee side shown to the
 * caller as two early dialogs, and reliable provisional responses with and without 100rel on the
 * caller's side.
 */
@Timeout(120)
class B2buaCallTest {

    static final String ROUTING = "ALL: (\"b2bua\", \"DAR:From\", \"ORIGINATING\", \"\", \"NO_ROUTE\", \"0\")\n";

    @RegisterExtension
    static final OleloExtension OLELO = OleloExtension.started(ROUTING, "b2bua");

    @RegisterExtension
    final SippRunner sipp = new SippRunner();

    @Test
    void callerSendsReinviteUpdateInfoAndBye() throws Exception {
        SippCall call = SippCall.run(sipp, OLELO.port(), "b2bua-uas.xml", "b2bua-uac.xml", 3, "bob");
        assertTopologyHidden(call);
    }

    @Test
    void calleeSendsReinviteUpdateInfoAndBye() throws Exception {
        SippCall call = SippCall.run(sipp, OLELO.port(), "b2bua-uas-active.xml", "b2bua-uac-passive.xml", 3, "bob");
        assertTopologyHidden(call);
    }

    @Test
    void busyIsRelayed() throws Exception {
        SippCall.run(sipp, OLELO.port(), "uas-busy.xml", "uac-busy.xml", 3, "bob");
    }

    @Test
    void cancelIsRelayed() throws Exception {
        SippCall.run(sipp, OLELO.port(), "uas-ring.xml", "uac-cancel.xml", 3, "bob");
    }

    /** Two early dialogs on the callee side (To tags fork-a, fork-b) are two early dialogs for the caller. */
    @Test
    void forkedEarlyDialogsReachTheCallerAsTwoDialogs() throws Exception {
        SippCall call = SippCall.run(sipp, OLELO.port(), "uas-fork.xml", "uac.xml", 1, "bob");
        List<SippMessages.Message> seen = SippMessages.read(call.caller().dir()).stream()
                .filter(SippMessages.Message::received).toList();
        String ringing = tagOf(seen, 180);
        String progress = tagOf(seen, 183);
        String ok = tagOf(seen, 200);
        assertNotEquals(ringing, progress, "the two early dialogs must have different To tags at the caller");
        assertEquals(progress, ok, "the 200 must continue the early dialog of the 183 (the fork that answered)");
        assertFalse(ringing.startsWith("fork-") || progress.startsWith("fork-"),
                "the caller must see the B2BUA's tags, not the callee side's");
    }

    /** The caller offers 100rel: the reliable 180 reaches it reliably, its PRACK reaches the callee. */
    @Test
    void reliableProvisionalIsRelayedEndToEnd() throws Exception {
        SippCall.run(sipp, OLELO.port(), "uas-100rel.xml", "uac-100rel.xml", 2, "bob");
    }

    /** The caller does not offer 100rel: the B2BUA acknowledges the callee's 180 and relays it unreliably. */
    @Test
    void reliableProvisionalIsAcknowledgedForACallerWithout100rel() throws Exception {
        SippCall call = SippCall.run(sipp, OLELO.port(), "uas-100rel.xml", "uac.xml", 2, "bob");
        for (SippMessages.Message m : SippMessages.read(call.caller().dir())) {
            if (m.received() && m.isResponse(180)) {
                assertTrue(m.headers("RSeq").isEmpty() && m.headers("Require").isEmpty(),
                        "a caller without 100rel must get an unreliable 180:\n" + m.text());
            }
        }
    }

    private static String tagOf(List<SippMessages.Message> seen, int status) {
        return seen.stream().filter(m -> m.isResponse(status)).map(SippMessages.Message::toTag).findFirst()
                .orElseThrow(() -> new AssertionError("the caller got no " + status));
    }

    /**
     * Neither side saw a Call-ID, or a Via, Contact, Record-Route or Route naming the other side's
     * port.
     */
    private static void assertTopologyHidden(SippCall call) {
        List<SippMessages.Message> caller = SippMessages.read(call.caller().dir());
        List<SippMessages.Message> callee = SippMessages.read(call.callee().dir());
        assertFalse(caller.isEmpty() || callee.isEmpty(), "message traces are empty");
        Set<String> callerIds = values(caller, "Call-ID");
        Set<String> calleeIds = values(callee, "Call-ID");
        Set<String> shared = new HashSet<>(callerIds);
        shared.retainAll(calleeIds);
        assertTrue(shared.isEmpty(), "Call-IDs seen on both sides: " + shared);
        String calleeAddress = "127.0.0.1:" + call.calleePort();
        String callerAddress = "127.0.0.1:" + callerPort(caller);
        for (String h : List.of("Via", "Contact", "Record-Route", "Route")) {
            for (String v : values(caller, h)) {
                assertFalse(v.contains(calleeAddress), "the caller saw the callee's address in " + h + ": " + v);
            }
            for (String v : values(callee, h)) {
                assertFalse(v.contains(callerAddress), "the callee saw the caller's address in " + h + ": " + v);
            }
        }
    }

    /** The caller's own port: from the Via of the first message it sent. */
    private static String callerPort(List<SippMessages.Message> caller) {
        String via = caller.stream().filter(m -> !m.received()).findFirst().orElseThrow().headers("Via").get(0);
        return via.replaceAll("^SIP/2\\.0/\\S+\\s+[^:]+:(\\d+).*$", "$1");
    }

    private static Set<String> values(List<SippMessages.Message> msgs, String header) {
        Set<String> out = new LinkedHashSet<>();
        for (SippMessages.Message m : msgs) {
            out.addAll(m.headers(header));
        }
        return out;
    }
}
