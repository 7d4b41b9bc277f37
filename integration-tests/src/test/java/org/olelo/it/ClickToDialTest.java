package org.olelo.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code click-to-dial} sample application in a real {@code olelo.jar} process: a sipp MESSAGE
 * names two sipp callees; the application calls A without an offer, calls B with A's offer, gives
 * A B's answer in the ACK and, once either hangs up, ends the other dialog.
 */
@Timeout(120)
class ClickToDialTest {

    static final String ROUTING = "MESSAGE: (\"click-to-dial\", \"DAR:From\", \"ORIGINATING\", \"\", \"NO_ROUTE\", \"0\","
            + " \"ruri.user=click-to-dial\")\n";
    private static final String HOST = "127.0.0.1";

    @RegisterExtension
    static final OleloExtension OLELO = OleloExtension.started(ROUTING, "click-to-dial");
    @RegisterExtension
    final SippRunner sipp = new SippRunner();

    /** A (checks: INVITE without SDP, ACK with B's SDP) waits; B hangs up. */
    @Test
    void connectsTwoPartiesAndTheSecondHangsUp() throws Exception {
        Parties p = dial("uas-3pcc-a.xml", "uas-hangup.xml");
        assertBodies(p, "o=party-a", "o=hangup");
    }

    /** A hangs up; B waits for the BYE. */
    @Test
    void connectsTwoPartiesAndTheFirstHangsUp() throws Exception {
        Parties p = dial("uas-hangup.xml", "uas.xml");
        assertBodies(p, "o=hangup", "o=callee");
    }

    private record Parties(SippResult a, SippResult b) {
    }

    private Parties dial(String aScenario, String bScenario) throws Exception {
        int aPort = FreePorts.udp();
        int bPort = FreePorts.udp();
        SippRunner.Run a = sipp.start("a", aScenario, "-t", "u1", "-i", HOST, "-p", Integer.toString(aPort), "-m", "1");
        a.awaitListening("u1", aPort);
        SippRunner.Run b = sipp.start("b", bScenario, "-t", "u1", "-i", HOST, "-p", Integer.toString(bPort), "-m", "1");
        b.awaitListening("u1", bPort);
        SippRunner.Run trigger = sipp.start("trigger", "uac-message.xml", "-t", "u1", "-s", "click-to-dial",
                "-i", HOST, "-p", Integer.toString(FreePorts.udp()), HOST + ":" + OLELO.port(), "-m", "1",
                "-key", "a", "sip:alice@" + HOST + ":" + aPort, "-key", "b", "sip:bob@" + HOST + ":" + bPort);
        SippResult t = trigger.await(SippRunner.SIPP_TIMEOUT.plusSeconds(10));
        SippResult ra = t.allSuccessful(1) ? a.await(Duration.ofSeconds(20)) : a.stop();
        SippResult rb = t.allSuccessful(1) ? b.await(Duration.ofSeconds(20)) : b.stop();
        assertTrue(t.allSuccessful(1) && ra.allSuccessful(1) && rb.allSuccessful(1),
                () -> "expected A and B connected and hung up\n" + t.describe() + "\n\n" + ra.describe() + "\n\n"
                        + rb.describe());
        return new Parties(ra, rb);
    }

    /** B's INVITE carries A's offer; A's ACK carries B's answer. */
    private static void assertBodies(Parties p, String offerOfA, String answerOfB) {
        String inviteToB = SippMessages.read(p.b().dir()).stream()
                .filter(m -> m.received() && m.startLine().startsWith("INVITE ")).findFirst().orElseThrow().text();
        assertTrue(inviteToB.contains(offerOfA), "B's INVITE must carry A's offer:\n" + inviteToB);
        String ackToA = SippMessages.read(p.a().dir()).stream()
                .filter(m -> m.received() && m.startLine().startsWith("ACK ")).findFirst().orElseThrow().text();
        assertTrue(ackToA.contains(answerOfB), "A's ACK must carry B's answer:\n" + ackToA);
    }
}
