package org.olelo.apps.clicktodial;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of the application, published as the ServletContext attribute {@value #ATTRIBUTE}:
 * {@code requests} (MESSAGEs accepted), {@code rejected} (MESSAGEs answered 400),
 * {@code connected} (both parties answered), {@code failed} (a party refused, did not answer in
 * time or answered without an offer). Safe for concurrent use; counting never blocks.
 */
public final class ClickToDialStatistics {

    /** The ServletContext attribute under which the application publishes its statistics. */
    public static final String ATTRIBUTE = "org.olelo.apps.clicktodial.statistics";

    final LongAdder requests = new LongAdder();
    final LongAdder rejected = new LongAdder();
    final LongAdder connected = new LongAdder();
    final LongAdder failed = new LongAdder();

    /** @return every counter by name, in a stable order */
    public Map<String, Long> snapshot() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("requests", requests.sum());
        m.put("rejected", rejected.sum());
        m.put("connected", connected.sum());
        m.put("failed", failed.sum());
        return m;
    }
}
