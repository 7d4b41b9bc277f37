package org.olelo.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code call-forwarding} sample application in a real {@code olelo.jar} process: a call for
 * bob goes to bob's phone (a sipp callee); when it answers busy, or does not answer within
 * {@code noanswer.seconds}, the call goes to the forwarding target (another sipp callee) that
 * {@code deploy/apps/call-forwarding.properties} names, and the caller talks to it; alone, and
 * composed in front of the registrar.
 */
@Timeout(120)
class CallForwardingTest {

    static final String ROUTING =
            "INVITE: (\"call-forwarding\", \"DAR:To\", \"TERMINATING\", \"\", \"NO_ROUTE\", \"0\")\n";
    /** The call-forwarding application first, then the registrar's location service, for local users. */
    static final String COMPOSED = "REGISTER: (\"registrar\", \"DAR:To\", \"TERMINATING\", \"\", \"NO_ROUTE\", \"0\")\n"
            + "INVITE: (\"call-forwarding\", \"DAR:To\", \"TERMINATING\", \"\", \"NO_ROUTE\", \"0\", \"ruri.local=true\"),"
            + " (\"registrar\", \"DAR:To\", \"TERMINATING\", \"\", \"NO_ROUTE\", \"1\", \"ruri.local=true\")\n";
    private static final String HOST = "127.0.0.1";

    @RegisterExtension
    final OleloExtension processes = OleloExtension.onDemand();
    @RegisterExtension
    final SippRunner sipp = new SippRunner();
    private OleloProcess olelo;

    @Test
    void busyCallGoesToTheBusyTarget() throws Exception {
        forwarded("uas-busy.xml", "forward.bob.busy");
    }

    @Test
    void unansweredCallIsCancelledAndGoesToTheNoAnswerTarget() throws Exception {
        forwarded("uas-ring.xml", "forward.bob.noanswer");
    }

    /**
     * Composed in front of the registrar: bob and carol register (digest) their sipp phones, bob's
     * answers busy, and the forwarded call reaches carol's phone through the location service.
     */
    @Test
    void composedWithTheRegistrarBusyCallGoesToTheTargetsRegisteredPhone() throws Exception {
        int bobPort = FreePorts.udp();
        int carolPort = FreePorts.udp();
        olelo = processes.create(COMPOSED, "call-forwarding", "registrar");
        olelo.appProperties("call-forwarding", "forward.bob.busy=sip:carol@" + HOST + "\n");
        assertTrue(olelo.subscriber("add", "bob@" + HOST, "--password", "b0b") == 0, "subscriber bob");
        assertTrue(olelo.subscriber("add", "carol@" + HOST, "--password", "c4rol") == 0, "subscriber carol");
        olelo.start();
        register("bob", "b0b", bobPort);
        register("carol", "c4rol", carolPort);

        SippRunner.Run bob = sipp.start("bob", "uas-busy.xml", "-t", "u1", "-i", HOST, "-p", Integer.toString(bobPort),
                "-m", "1");
        bob.awaitListening("u1", bobPort);
        SippRunner.Run carol = sipp.start("carol", "uas.xml", "-t", "u1", "-i", HOST, "-p", Integer.toString(carolPort),
                "-m", "1");
        carol.awaitListening("u1", carolPort);
        SippRunner.Run caller = sipp.start("caller", "uac.xml", "-t", "u1", "-s", "bob", "-i", HOST, "-p",
                Integer.toString(FreePorts.udp()), HOST + ":" + olelo.port(), "-m", "1");
        SippResult c = caller.await(SippRunner.SIPP_TIMEOUT.plusSeconds(10));
        SippResult b = c.allSuccessful(1) ? bob.await(Duration.ofSeconds(10)) : bob.stop();
        SippResult t = c.allSuccessful(1) ? carol.await(Duration.ofSeconds(10)) : carol.stop();
        assertTrue(c.allSuccessful(1) && b.allSuccessful(1) && t.allSuccessful(1),
                () -> "expected the call forwarded to carol's registered phone\n" + c.describe() + "\n\n"
                        + b.describe() + "\n\n" + t.describe() + "\n\n" + logOf(olelo));
    }

    private void register(String user, String password, int port) throws Exception {
        SippResult r = sipp.start("reg-" + user, "register.xml", "-s", user, "-au", user, "-ap", password,
                "-key", "expires", "600", "-i", HOST, "-p", Integer.toString(port), "-m", "1",
                HOST + ":" + olelo.port()).await(SippRunner.SIPP_TIMEOUT.plusSeconds(10));
        assertTrue(r.allSuccessful(1), r::describe);
    }

    /**
     * bob's phone runs {@code bobScenario}; the target named by {@code targetKey} answers; the caller
     * must get a successful call and both callees must have finished their scenario.
     */
    private void forwarded(String bobScenario, String targetKey) throws Exception {
        int bobPort = FreePorts.udp();
        int carolPort = FreePorts.udp();
        olelo = processes.create(ROUTING, "call-forwarding");
        olelo.appProperties("call-forwarding", targetKey + "=sip:carol@" + HOST + ":" + carolPort + "\n"
                + "noanswer.seconds=2\n");
        olelo.start();

        SippRunner.Run bob = sipp.start("bob", bobScenario, "-t", "u1", "-i", HOST, "-p", Integer.toString(bobPort),
                "-m", "1");
        bob.awaitListening("u1", bobPort);
        SippRunner.Run carol = sipp.start("carol", "uas.xml", "-t", "u1", "-i", HOST, "-p", Integer.toString(carolPort),
                "-m", "1");
        carol.awaitListening("u1", carolPort);
        SippRunner.Run caller = sipp.start("caller", "uac.xml", "-t", "u1", "-s", "bob", "-i", HOST, "-p",
                Integer.toString(FreePorts.udp()), HOST + ":" + bobPort, "-rsa", HOST + ":" + olelo.port(), "-m", "1");
        SippResult c = caller.await(SippRunner.SIPP_TIMEOUT.plusSeconds(10));
        SippResult b = c.allSuccessful(1) ? bob.await(Duration.ofSeconds(10)) : bob.stop();
        SippResult t = c.allSuccessful(1) ? carol.await(Duration.ofSeconds(10)) : carol.stop();
        assertTrue(c.allSuccessful(1) && b.allSuccessful(1) && t.allSuccessful(1),
                () -> "expected the call forwarded to carol\n" + c.describe() + "\n\n" + b.describe() + "\n\n"
                        + t.describe() + "\n\n" + logOf(olelo));
    }

    private static String logOf(OleloProcess p) {
        try {
            return "--- olelo log\n" + p.log();
        } catch (java.io.IOException e) {
            return "(no olelo log)";
        }
    }
}
