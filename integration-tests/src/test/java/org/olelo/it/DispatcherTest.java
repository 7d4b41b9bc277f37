package org.olelo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code dispatcher} sample application in a real {@code olelo.jar} process: sipp calls
 * {@code sip:uas@<olelo>}, the dispatcher sends each call to one of two {@link LoopbackUas}
 * destinations listed in a {@code dispatcher.list} file, probing them with OPTIONS every second.
 */
@Timeout(180)
class DispatcherTest {

    static final String ROUTING = "ALL: (\"dispatcher\", \"DAR:From\", \"NEUTRAL\", \"\", \"NO_ROUTE\", \"0\")\n";
    private static final String HOST = "127.0.0.1";
    private static final Duration UAC_LIMIT = SippRunner.SIPP_TIMEOUT.plusSeconds(10);
    /** Probing interval 1 s, threshold 1: a dead destination is inactive after at most 1 x 1 + 1 s. */
    private static final Duration DETECTION = Duration.ofSeconds(2);
    /** What a loaded 2-core machine may add to that bound (timer and log delivery). */
    private static final Duration SLACK = Duration.ofSeconds(1);

    @RegisterExtension
    final OleloExtension processes = OleloExtension.onDemand();
    @RegisterExtension
    final SippRunner sipp = new SippRunner();
    private int runs;

    private OleloProcess start(LoopbackUas a, LoopbackUas b, String settings) throws Exception {
        return start(a, b, "", settings);
    }

    private OleloProcess start(LoopbackUas a, LoopbackUas b, String columns, String settings) throws Exception {
        OleloProcess olelo = processes.create(ROUTING, "dispatcher");
        Path list = olelo.root().resolve("dispatcher.list");
        Files.writeString(list, "# setid destination\n1 " + a.uri() + columns + "\n1 " + b.uri() + columns + "\n");
        olelo.appProperties("dispatcher", "dispatcher.list.file=" + list + "\n" + settings);
        olelo.start();
        assertTrue(olelo.log().contains("dispatcher: 2 destination(s) from list file"), () -> tail(olelo));
        return olelo;
    }

    /** {@code calls} calls from sipp to {@code sip:uas@<olelo>}, 10 per second; all must succeed. */
    private void calls(OleloProcess olelo, int calls) throws Exception {
        calls(olelo, calls, "10");
    }

    /** {@code calls} calls, at most {@code limit} at a time. */
    private void calls(OleloProcess olelo, int calls, String limit) throws Exception {
        String n = Integer.toString(calls);
        SippRunner.Run uac = sipp.start("uac" + (++runs), "uac.xml", "-t", "u1", "-s", "uas", "-i", HOST, "-p",
                Integer.toString(FreePorts.both()), HOST + ":" + olelo.port(), "-m", n, "-r", "10", "-l", limit);
        SippResult caller = uac.await(UAC_LIMIT);
        assertTrue(caller.allSuccessful(calls), () -> caller.describe() + "\n" + tail(olelo));
    }

    /** Waits for a line of the server log; returns how long it took. */
    private static Duration awaitLog(OleloProcess olelo, String text, Duration limit) throws Exception {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        while (!olelo.log().contains(text)) {
            assertTrue(System.nanoTime() < deadline, () -> "no '" + text + "' within " + limit + "\n" + tail(olelo));
            Thread.sleep(20);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static String tail(OleloProcess olelo) {
        try {
            String log = olelo.log();
            return log.substring(Math.max(0, log.length() - 4000));
        } catch (Exception e) {
            return e.toString();
        }
    }

    @Test
    void roundRobinSplitsTheCallsAndProbingTakesADeadDestinationOutAndBack() throws Exception {
        try (LoopbackUas a = LoopbackUas.start(); LoopbackUas b = LoopbackUas.start()) {
            OleloProcess olelo = start(a, b, "dispatcher.algorithm=4\ndispatcher.probing.interval.seconds=1\n");
            calls(olelo, 10);
            assertEquals(5, a.invites(), "round robin: half the calls each");
            assertEquals(5, b.invites(), "round robin: half the calls each");
            assertTrue(b.options() > 0 || awaitProbe(b), "b is probed with OPTIONS");

            b.silent(true);
            awaitLog(olelo, "destination " + b.uri() + " (set 1) did not answer", DETECTION.plus(SLACK));
            calls(olelo, 10);
            assertEquals(15, a.invites(), "every call to the destination that answers");
            assertEquals(5, b.invites(), "no call to the inactive destination");

            b.silent(false);
            awaitLog(olelo, "destination " + b.uri() + " (set 1) answered a OPTIONS with 200: inactive -> active",
                    DETECTION.plus(SLACK));
            calls(olelo, 10);
            assertEquals(20, a.invites(), "back to half the calls each");
            assertEquals(10, b.invites(), "the destination that answers again gets calls again");
            // requests inside the dialog follow the recorded route, not the round robin
            assertEquals(a.inviteCallIds(), a.byeCallIds(), "every BYE where its INVITE went");
            assertEquals(b.inviteCallIds(), b.byeCallIds(), "every BYE where its INVITE went");
        }
    }

    private static boolean awaitProbe(LoopbackUas uas) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (uas.options() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return uas.options() > 0;
    }

    /**
     * Algorithm 10 with {@code maxload=1} on both destinations and one call at a time: every call
     * goes to the first destination, as each call's load is given back when it ends; were it not,
     * the third call would find both full and get 503.
     */
    @Test
    void callLoadIsGivenBackWhenTheCallEnds() throws Exception {
        try (LoopbackUas a = LoopbackUas.start(); LoopbackUas b = LoopbackUas.start()) {
            OleloProcess olelo = start(a, b, " 0 0 duid=x;maxload=1",
                    "dispatcher.algorithm=10\ndispatcher.probing.interval.seconds=0\n");
            calls(olelo, 6, "1");
            assertEquals(6, a.invites(), "the least loaded, first in the list, every time");
            assertEquals(0, b.invites());
        }
    }

    @Test
    void a503FailsOverToTheNextDestination() throws Exception {
        try (LoopbackUas a = LoopbackUas.start(); LoopbackUas b = LoopbackUas.start()) {
            OleloProcess olelo = start(a, b, "dispatcher.algorithm=4\ndispatcher.probing.interval.seconds=0\n");
            b.inviteStatus(503);
            calls(olelo, 4);
            assertEquals(2, b.invites(), "b got its turn twice and refused");
            assertEquals(4, a.invites(), "a took its own two calls and b's two");
        }
    }
}
