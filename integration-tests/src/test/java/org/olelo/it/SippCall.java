package org.olelo.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

/**
 * One sipp caller against one sipp callee through Olelo on UDP: the callee listens on a free port,
 * the caller sends to {@code sip:<service>@127.0.0.1:<callee port>} with Olelo as its outbound
 * proxy ({@code -rsa}), at most 10 calls per second.
 *
 * @param caller the caller's run
 * @param callee the callee's run
 * @param calleePort the callee's UDP port
 */
record SippCall(SippResult caller, SippResult callee, int calleePort) {

    static final String HOST = "127.0.0.1";
    private static final Duration UAC_LIMIT = SippRunner.SIPP_TIMEOUT.plusSeconds(10);
    private static final Duration UAS_LIMIT = Duration.ofSeconds(10);

    /** Runs the calls and expects every one to succeed on both sides. */
    static SippCall run(SippRunner sipp, int oleloPort, String uasScenario, String uacScenario, int calls,
                        String service) throws InterruptedException {
        int uasPort = FreePorts.udp();
        String n = Integer.toString(calls);
        SippRunner.Run uas = sipp.start("uas", uasScenario, "-t", "u1", "-i", HOST, "-p", Integer.toString(uasPort),
                "-m", n);
        uas.awaitListening("u1", uasPort);
        SippRunner.Run uac = sipp.start("uac", uacScenario, "-t", "u1", "-s", service, "-i", HOST, "-p",
                Integer.toString(FreePorts.udp()), HOST + ":" + uasPort, "-rsa", HOST + ":" + oleloPort,
                "-m", n, "-r", "10");
        SippResult caller = uac.await(UAC_LIMIT);
        SippResult callee = caller.allSuccessful(calls) ? uas.await(UAS_LIMIT) : uas.stop();
        assertTrue(caller.allSuccessful(calls) && callee.allSuccessful(calls),
                () -> "expected " + calls + " successful calls on both sides\n" + caller.describe() + "\n\n"
                        + callee.describe());
        return new SippCall(caller, callee, uasPort);
    }
}
