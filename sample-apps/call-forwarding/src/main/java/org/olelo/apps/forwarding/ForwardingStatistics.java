package org.olelo.apps.forwarding;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of the application, published as the ServletContext attribute {@value #ATTRIBUTE}:
 * {@code calls} (INVITEs for users with a forwarding target), {@code forwarded_busy},
 * {@code forwarded_noanswer}. Safe for concurrent use; counting never blocks.
 */
public final class ForwardingStatistics {

    /** The ServletContext attribute under which the application publishes its statistics. */
    public static final String ATTRIBUTE = "org.olelo.apps.forwarding.statistics";

    final LongAdder calls = new LongAdder();
    final LongAdder busy = new LongAdder();
    final LongAdder noAnswer = new LongAdder();

    /** @return every counter by name, in a stable order */
    public Map<String, Long> snapshot() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("calls", calls.sum());
        m.put("forwarded_busy", busy.sum());
        m.put("forwarded_noanswer", noAnswer.sum());
        return m;
    }
}
