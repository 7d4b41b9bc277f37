package org.olelo.core.plugin;

import java.util.concurrent.atomic.AtomicInteger;
import org.olelo.core.spi.CoreCounters;
import org.olelo.core.spi.StatisticsReporter;

/**
 * A test-only statistics reporter, registered in the test class path's
 * {@code META-INF/services/org.olelo.core.spi.StatisticsReporter} as a metrics plugin would be:
 * it keeps the counters of the last core started, and counts stops.
 */
public final class RecordingReporter implements StatisticsReporter {

    static volatile CoreCounters last;
    static final AtomicInteger STOPS = new AtomicInteger();

    private CoreCounters mine;

    @Override
    public void start(CoreCounters counters) {
        mine = counters;
        last = counters;
    }

    @Override
    public void stop() {
        if (last == mine) {
            last = null;
        }
        STOPS.incrementAndGet();
    }
}
