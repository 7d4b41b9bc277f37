package org.olelo.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Calls through the proxy sample application with sipp on both sides: the caller (UAC) sends to
 * the UAS's address with Olelo as its outbound proxy ({@code -rsa}); the proxy record-routes, so
 * ACK and BYE come back through it.
 */
@Timeout(60)
class ProxyCallTest {

    @RegisterExtension
    static final ServerFixture SERVER = new ServerFixture();

    private static final String HOST = "127.0.0.1";
    private static final Duration UAC_LIMIT = SippRunner.SIPP_TIMEOUT.plusSeconds(10);
    private static final Duration UAS_LIMIT = Duration.ofSeconds(10);

    @RegisterExtension
    final SippRunner sipp = new SippRunner();

    @Test
    void callOverUdp() throws Exception {
        run("u1", SERVER.udpPort(), "uas.xml", "uac.xml", 20);
    }

    @Test
    void callOverTcp() throws Exception {
        run("t1", SERVER.tcpPort(), "uas.xml", "uac.xml", 20);
    }

    @Test
    void busyIsRelayedToTheCaller() throws Exception {
        run("u1", SERVER.udpPort(), "uas-busy.xml", "uac-busy.xml", 5);
    }

    @Test
    void cancelOfARingingCall() throws Exception {
        run("u1", SERVER.udpPort(), "uas-ring.xml", "uac-cancel.xml", 5);
    }

    /**
     * Starts the UAS, waits until it listens, runs {@code calls} calls from the UAC at 10 per
     * second through Olelo and expects every call to succeed on both sides.
     */
    private void run(String transport, int proxyPort, String uasScenario, String uacScenario, int calls)
            throws Exception {
        boolean tcp = transport.equals("t1");
        int uasPort = tcp ? FreePorts.tcp() : FreePorts.udp();
        String n = Integer.toString(calls);
        SippRunner.Run uas = sipp.start("uas", uasScenario, "-t", transport, "-i", HOST, "-p",
                Integer.toString(uasPort), "-m", n);
        uas.awaitListening(transport, uasPort);
        SippRunner.Run uac = sipp.start("uac", uacScenario, "-t", transport, "-s", "uas", "-i", HOST, "-p",
                Integer.toString(FreePorts.both()), HOST + ":" + uasPort, "-rsa", HOST + ":" + proxyPort,
                "-m", n, "-r", "10");
        SippResult caller = uac.await(UAC_LIMIT);
        SippResult callee = caller.allSuccessful(calls) ? uas.await(UAS_LIMIT) : uas.stop();
        assertTrue(caller.allSuccessful(calls) && callee.allSuccessful(calls),
                () -> "expected " + calls + " successful calls on both sides\n" + caller.describe() + "\n\n"
                        + callee.describe());
    }
}
