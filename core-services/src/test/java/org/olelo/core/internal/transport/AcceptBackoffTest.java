package org.olelo.core.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.olelo.core.internal.log.LogThrottle;

/** A failing accept loop pauses, longer and longer up to a cap, and logs once per interval. */
class AcceptBackoffTest {

    @Test
    void pausesDoubleUpToOneSecondAndStartOverAfterASuccess() {
        AcceptBackoff b = new AcceptBackoff();
        long[] expected = {10, 20, 40, 80, 160, 320, 640, 1000, 1000, 1000};
        for (long e : expected) {
            assertEquals(e, b.failed());
        }
        b.succeeded();
        assertEquals(10, b.failed());
    }

    @Test
    void failuresForFortyOneSecondsAreFewAttemptsAndOneLogLinePerInterval() {
        AcceptBackoff b = new AcceptBackoff();
        long pausedMillis = 0;
        int attempts = 0;
        while (pausedMillis < 41_000) {
            pausedMillis += b.failed();
            attempts++;
        }
        assertEquals(47, attempts, "41 s of failing accepts are 47 attempts, not millions");
        LogThrottle log = new LogThrottle(10, TimeUnit.SECONDS);
        int lines = 0;
        for (int i = 0; i < 100_000; i++) {
            if (log.tryLog() >= 0) {
                lines++;
            }
        }
        assertEquals(1, lines, "one line for a burst within the interval");
    }
}
