package org.olelo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A proxy application that does nothing but {@code proxyTo(requestURI)} (the {@code proxy} sample,
 * in a real {@code olelo.jar} process) relays calls whose first callee answers 302 with a Contact
 * pointing to a second callee: the container follows the redirect (JSR 359 recursion, on by
 * default), the second callee gets the INVITE, and ACK and BYE reach it through the record-route.
 * sipp plays the caller and both callees, over UDP.
 */
@Timeout(90)
class RedirectCallTest {

    static final String ROUTING = "ALL: (\"proxy\", \"DAR:From\", \"NEUTRAL\", \"\", \"NO_ROUTE\", \"0\")\n";
    private static final Duration UAC_LIMIT = SippRunner.SIPP_TIMEOUT.plusSeconds(10);
    private static final Duration UAS_LIMIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final OleloExtension OLELO = OleloExtension.started(ROUTING, "proxy");

    @RegisterExtension
    final SippRunner sipp = new SippRunner();

    @Test
    void theRedirectIsFollowedAndEveryCallCompletes() throws Exception {
        int calls = 5;
        String n = Integer.toString(calls);
        String host = SippCall.HOST;
        int forwardedPort = FreePorts.udp();
        SippRunner.Run forwarded = sipp.start("forwarded", "uas.xml", "-t", "u1", "-i", host, "-p",
                Integer.toString(forwardedPort), "-m", n);
        forwarded.awaitListening("u1", forwardedPort);
        int redirectingPort = FreePorts.udp();
        SippRunner.Run redirecting = sipp.start("redirecting", "uas-redirect.xml", "-t", "u1", "-i", host, "-p",
                Integer.toString(redirectingPort), "-m", n, "-key", "target_port", Integer.toString(forwardedPort));
        redirecting.awaitListening("u1", redirectingPort);
        SippRunner.Run caller = sipp.start("caller", "uac.xml", "-t", "u1", "-s", "bob", "-i", host, "-p",
                Integer.toString(FreePorts.udp()), host + ":" + redirectingPort, "-rsa", host + ":" + OLELO.port(),
                "-m", n, "-r", "5");
        SippResult callerResult = caller.await(UAC_LIMIT);
        SippResult redirectResult = callerResult.allSuccessful(calls) ? redirecting.await(UAS_LIMIT) : redirecting.stop();
        SippResult forwardedResult = callerResult.allSuccessful(calls) ? forwarded.await(UAS_LIMIT) : forwarded.stop();
        assertTrue(callerResult.allSuccessful(calls) && redirectResult.allSuccessful(calls)
                        && forwardedResult.allSuccessful(calls),
                () -> "expected " + calls + " successful calls on all three sides\n" + callerResult.describe() + "\n\n"
                        + redirectResult.describe() + "\n\n" + forwardedResult.describe());
        long invites = SippMessages.read(forwardedResult.dir()).stream()
                .filter(m -> m.received() && m.text().startsWith("INVITE sip:forwarded@127.0.0.1:" + forwardedPort))
                .count();
        assertEquals(calls, invites, "every INVITE the second callee got is for the redirect's Contact");
    }
}
